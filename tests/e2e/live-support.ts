/** What page tests need of the live pitch session: an open session on a pitch in the server's database. */
import { randomBytes } from 'node:crypto';
import { liveSessionPitches, liveSessions } from '#db/live-schema.ts';
import { serverDatabase } from './accounts-support.ts';

/** Opens a live session on this pitch (written directly, as curators' forms are tested in live.test.ts) and returns its id. */
export async function liveSessionFor(pitchId: string, title = 'Werkconferentie (test)'): Promise<string> {
  const { db } = await serverDatabase();
  const id = randomBytes(8).toString('hex');
  await db.insert(liveSessions).values({ id, title, status: 'open', currentPitchId: pitchId, createdAt: Date.now() });
  await db.insert(liveSessionPitches).values({ sessionId: id, pitchId, position: 0 });
  return id;
}
