/**
 * The public pitches an employer may be shown with by name: those where it takes part and agreed
 * to be named, by the same rule as the pitch page and the open data (`namesEmployerInPublic`),
 * read from the employer's side. For the embed on the employer's own site.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { namesEmployerInPublic } from './pitch-page.ts';
import { pitchCardsBySeq, publicPitchStatuses, type PitchCardView } from './pitch-list.ts';

/** Published and closed pitches that name `employerId`, newest publication first: at most `limit`, and whether there are more. */
export async function pitchesNamingEmployer(db: Database, employerId: string, now: Date, limit: number): Promise<{ pitches: PitchCardView[]; more: boolean }> {
  const named = db.select({ pitchId: offers.pitchId }).from(offers).where(and(eq(offers.employerId, employerId), namesEmployerInPublic()));
  const rows = await db
    .select({ seq: pitches.seq })
    .from(pitches)
    .where(and(inArray(pitches.id, named), inArray(pitches.status, [...publicPitchStatuses])))
    .orderBy(desc(pitches.publishedAt), desc(pitches.seq))
    .limit(limit + 1);
  return { pitches: await pitchCardsBySeq(db, rows.slice(0, limit).map((row) => row.seq), now), more: rows.length > limit };
}
