/**
 * What the live screen shows, read from the database every time: the
 * session, its pitches' public facts, and per pitch the tally of "Ik doe mee" answers. Nothing is
 * kept in the process, so two app instances on one database show the same screen.
 *
 * Who counts: the same rule as the public pitch page (`offerSummary`): offers that are made and
 * live (offered, shortlisted, accepted), one per employer organisation, and only those that
 * agreed to be named are named. Offers that wait for a confirmation (a new account, or a
 * membership a curator has not yet verified) are not counted and never named: anyone can register,
 * and a name on a screen in a room must be one the network has checked. They are shown apart, as
 * a number only ("2 aanmeldingen wachten nog op bevestiging"), so a new employer in the room sees
 * that the answer arrived; once verified (the curator in the room can do it on /beheer/) the
 * offer moves into the count by itself.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { liveSessionPitches, liveSessions } from '#db/live-schema.ts';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import type { LiveSessionStatus } from '#domain/live-session-lifecycle.ts';
import { pitchVisibleTo } from '#domain/policy.ts';
import { marketplaceVersion } from '#platform/page-cache.ts';
import { offerSummary } from '#features/marketplace/pitch-page.ts';

/** One pitch of a session, with its public facts and tally. */
export interface PitchTally {
  pitchId: string;
  title: string;
  area: string;
  municipality: string;
  /** Employers that answered and count (one per organisation). */
  employers: number;
  /** Names of those that agreed to be named, first answer first. */
  named: string[];
  /** Employers whose answer waits for a confirmation: a number only. */
  waiting: number;
}

/** The screen's state: everything the page and each live update show. */
export interface LiveSnapshot {
  sessionId: string;
  title: string;
  status: LiveSessionStatus;
  /** The pitch the screen shows now. */
  currentPitchId: string;
  /** The session's pitches in order (only published or closed ones: the public may see those). */
  pitches: PitchTally[];
  endedAt: number | null;
}

/** Employers whose offer on the pitch waits for a confirmation. */
async function waitingEmployers(db: Database, pitchId: string): Promise<number> {
  const [row] = await db
    .select({ employers: sql<number>`count(distinct ${offers.employerId})` })
    .from(offers)
    .where(and(eq(offers.pitchId, pitchId), eq(offers.status, 'waiting-for-verification')));
  return Number(row?.employers ?? 0);
}

/** The screen's state, or null when there is no such session (or none of its pitches is public). */
export async function liveSnapshot(db: Database, sessionId: string): Promise<LiveSnapshot | null> {
  const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId)).limit(1);
  if (!session) return null;
  const rows = await db
    .select({ id: pitches.id, title: pitches.title, area: pitches.area, status: pitches.status, municipalityId: pitches.municipalityId, municipality: organisations.name })
    .from(liveSessionPitches)
    .innerJoin(pitches, eq(pitches.id, liveSessionPitches.pitchId))
    .innerJoin(organisations, eq(organisations.id, pitches.municipalityId))
    .where(eq(liveSessionPitches.sessionId, sessionId))
    .orderBy(asc(liveSessionPitches.position));
  const tallies: PitchTally[] = [];
  // A pitch the public may not see (it cannot leave published but to closed, but the screen is
  // public: ask the policy anyway) is left out.
  for (const row of rows.filter((pitch) => pitchVisibleTo(null, pitch))) {
    const summary = await offerSummary(db, row.id);
    tallies.push({ pitchId: row.id, title: row.title, area: row.area, municipality: row.municipality, employers: summary.employers, named: summary.named, waiting: await waitingEmployers(db, row.id) });
  }
  if (tallies.length === 0) return null;
  const current = tallies.find((pitch) => pitch.pitchId === session.currentPitchId) ?? tallies[0]!;
  return { sessionId, title: session.title, status: session.status, currentPitchId: current.pitchId, pitches: tallies, endedAt: session.endedAt };
}

/**
 * A cheap marker of everything the snapshot depends on: the session's own version (bumped on a
 * switch or the end) and the marketplace's version (moved by triggers on every write to pitches,
 * offers and organisations, migrations 0004/0005). Two primary-key reads: a stream polls this
 * every second and reads the whole snapshot only when it changed. PRAGMA data_version would not
 * do: it only moves for writes by other connections, and an instance's own writes share its one.
 */
export async function liveMarker(db: Database, sessionId: string): Promise<string | null> {
  const [session] = await db.select({ version: liveSessions.version }).from(liveSessions).where(eq(liveSessions.id, sessionId)).limit(1);
  if (!session) return null;
  return `${session.version}:${await marketplaceVersion(db)}`;
}
