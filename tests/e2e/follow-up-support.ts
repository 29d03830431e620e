/** What outcome follow-up tests need besides a browser: a closed pitch whose 3-month question is open, and "time passing". */
import { and, eq } from 'drizzle-orm';
import { followUps } from '#db/follow-up-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import { followUpSchedule } from '#domain/follow-up-schedule.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { serverDatabase } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';

/** Three months pass for a closed pitch: its 3-month question is due today. */
export async function threeMonthsLater(pitchId: string): Promise<void> {
  const { db } = await serverDatabase();
  await db.update(followUps).set({ dueOn: amsterdamDate(new Date()) }).where(and(eq(followUps.pitchId, pitchId), eq(followUps.monthsAfter, 3)));
}

/** A pitch of this author's municipality, closed as matched, with its questions; the 3-month one due today. */
export async function closedPitchWithOpenQuestion(authorEmail: string, title: string): Promise<string> {
  const id = await publishedPitch(authorEmail, title);
  const { db } = await serverDatabase();
  const closedAt = Date.now();
  await db.update(pitches).set({ status: 'closed', outcome: 'matched', peoplePlaced: 3, closedAt }).where(eq(pitches.id, id));
  await db.insert(followUps).values(followUpSchedule(closedAt).map(({ monthsAfter, dueOn }) => ({ id: newId(), pitchId: id, monthsAfter, dueOn, createdAt: closedAt })));
  await threeMonthsLater(id);
  return id;
}
