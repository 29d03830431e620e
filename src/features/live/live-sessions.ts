/**
 * Home of running a live pitch session: a curator opens a session for one or
 * more published pitches that take offers, picks which one the big screen shows, and ends it
 * (policy: 'live:run'; lifecycle: domain/live-session-lifecycle.ts). Each change bumps the
 * session's version, which the screens' streams poll (./live-tally.ts), and is audit-logged in
 * the same batch.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { liveSessionPitches, liveSessions, type LiveSessionRow } from '#db/live-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { auditIf, audit } from '#platform/audit/audit-log.ts';
import { LIVE_SESSION_MAX_PITCHES, liveSessionTransition } from '#domain/live-session-lifecycle.ts';
import { acceptsOffers } from '#domain/pitch-lifecycle.ts';
import { codesInUse, roomCode, screenCode } from './live-codes.ts';
import { can, notAllowed, type Actor, type NotAllowed } from '#domain/policy.ts';

export interface OpenLiveSessionInput {
  title: string;
  /** In the order the screen shows them; the first is shown first. */
  pitchIds: string[];
}

export type OpenLiveSessionResult =
  | { ok: true; id: string }
  | NotAllowed
  | { ok: false; reason: 'invalid'; fields: { title?: string; pitchIds?: string } };

/** A pitch a session can show: published, its closing day not over (it still takes offers). */
export interface LiveCandidate {
  id: string;
  title: string;
  area: string;
  municipality: string;
}

/** Published pitches that take offers, newest first: what "Nieuwe sessie" offers to choose from (curators only). */
export async function liveCandidates(deps: Deps, actor: Actor | null): Promise<LiveCandidate[] | null> {
  if (!can(actor, 'live:run')) return null;
  const now = new Date(clock(deps));
  const rows = await deps.db
    .select({ id: pitches.id, title: pitches.title, area: pitches.area, status: pitches.status, closingDate: pitches.closingDate, municipality: organisations.name })
    .from(pitches)
    .innerJoin(organisations, eq(organisations.id, pitches.municipalityId))
    .where(eq(pitches.status, 'published'))
    .orderBy(desc(pitches.publishedAt))
    .limit(200);
  return rows.filter((row) => acceptsOffers(row, now)).map(({ id, title, area, municipality }) => ({ id, title, area, municipality }));
}

/** Opens a session for the chosen pitches; refuses one that is not published or no longer takes offers. */
export async function openLiveSession(deps: Deps, actor: Actor | null, input: OpenLiveSessionInput): Promise<OpenLiveSessionResult> {
  if (!can(actor, 'live:run')) return notAllowed;
  const title = input.title.trim();
  const chosen = [...new Set(input.pitchIds)];
  const fields: { title?: string; pitchIds?: string } = {};
  if (title.length < 3) fields.title = 'Geef de sessie een naam van minstens 3 tekens, bijvoorbeeld de naam van de bijeenkomst.';
  if (chosen.length === 0) fields.pitchIds = 'Kies minstens één pitch.';
  else if (chosen.length > LIVE_SESSION_MAX_PITCHES) fields.pitchIds = `Kies hoogstens ${LIVE_SESSION_MAX_PITCHES} pitches.`;
  else {
    const now = new Date(clock(deps));
    const found = await deps.db.select({ id: pitches.id, status: pitches.status, closingDate: pitches.closingDate }).from(pitches).where(inArray(pitches.id, chosen));
    const open = new Set(found.filter((pitch) => acceptsOffers(pitch, now)).map((pitch) => pitch.id));
    if (chosen.some((id) => !open.has(id))) fields.pitchIds = 'Een gekozen pitch is niet (meer) gepubliceerd of neemt geen aanbod meer aan. Kies opnieuw.';
  }
  if (fields.title || fields.pitchIds) return { ok: false, reason: 'invalid', fields };

  const { db } = deps;
  const now = clock(deps);
  // Unguessable, and with short codes no other open session uses (./live-codes.ts).
  const id = await freshSessionId(db);
  await db.batch([
    db.insert(liveSessions).values({ id, title, createdBy: actor.userId, status: 'open', currentPitchId: chosen[0]!, createdAt: now }),
    db.insert(liveSessionPitches).values(chosen.map((pitchId, position) => ({ sessionId: id, pitchId, position }))),
    audit(db, { actorUserId: actor.userId, action: 'live.opened', subjectType: 'live-session', subjectId: id, detail: { pitches: chosen } }, now),
  ]);
  return { ok: true, id };
}

/** A random session id whose room and screen codes are free among the open sessions. */
async function freshSessionId(db: Deps['db']): Promise<string> {
  const taken = await codesInUse(db);
  for (;;) {
    const id = randomBytes(8).toString('hex');
    // With a handful of open sessions a clash is rare (about 1 in 100 000 per session); try again.
    if (!taken.has(roomCode(id)) && !taken.has(screenCode(id))) return id;
  }
}

/** A session in the curator's list. */
export interface LiveSessionSummary extends LiveSessionRow {
  pitchCount: number;
}

/** Every session, open ones first, newest first (curators only; null means "not for you"). */
export async function listLiveSessions(deps: Deps, actor: Actor | null, limit = 100): Promise<LiveSessionSummary[] | null> {
  if (!can(actor, 'live:run')) return null;
  const rows = await deps.db
    .select({ session: liveSessions, pitchCount: sql<number>`(select count(*) from ${liveSessionPitches} where ${liveSessionPitches.sessionId} = ${liveSessions.id})` })
    .from(liveSessions)
    .orderBy(sql`${liveSessions.status} = 'ended'`, desc(liveSessions.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row.session, pitchCount: Number(row.pitchCount) }));
}

/** One session for its curator page (curators only; null: not for you, undefined: no such session). */
export async function loadLiveSession(deps: Deps, actor: Actor | null, id: string): Promise<LiveSessionRow | null | undefined> {
  if (!can(actor, 'live:run')) return null;
  const [row] = await deps.db.select().from(liveSessions).where(eq(liveSessions.id, id)).limit(1);
  return row;
}

export type ChangeLiveSessionResult = { ok: true } | NotAllowed | { ok: false; reason: 'not-found' | 'ended' | 'not-in-session' };

/** Shows another of the session's pitches on the screen (only while the session is open). */
export async function showPitch(deps: Deps, actor: Actor | null, id: string, pitchId: string): Promise<ChangeLiveSessionResult> {
  if (!can(actor, 'live:run')) return notAllowed;
  const { db } = deps;
  const [session] = await db.select({ status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.id, id)).limit(1);
  if (!session) return { ok: false, reason: 'not-found' };
  const move = liveSessionTransition(session.status, 'show');
  if (!move.ok) return move;
  const [member] = await db.select({ pitchId: liveSessionPitches.pitchId }).from(liveSessionPitches).where(and(eq(liveSessionPitches.sessionId, id), eq(liveSessionPitches.pitchId, pitchId))).limit(1);
  if (!member) return { ok: false, reason: 'not-in-session' };
  const now = clock(deps);
  const [changed] = await db.batch([
    db
      .update(liveSessions)
      .set({ currentPitchId: pitchId, version: sql`${liveSessions.version} + 1` })
      .where(and(eq(liveSessions.id, id), eq(liveSessions.status, 'open')))
      .returning({ id: liveSessions.id }),
    auditIf(db, { actorUserId: actor.userId, action: 'live.shown', subjectType: 'live-session', subjectId: id, detail: { pitch: pitchId } }, sql`changes() > 0`, now),
  ]);
  // Ended by a colleague between the read and the write.
  return changed.length > 0 ? { ok: true } : { ok: false, reason: 'ended' };
}

/** Ends the session: the screen shows "Sessie afgelopen" with the final tally. Ending twice is refused (ended is final). */
export async function endLiveSession(deps: Deps, actor: Actor | null, id: string): Promise<ChangeLiveSessionResult> {
  if (!can(actor, 'live:run')) return notAllowed;
  const { db } = deps;
  const [session] = await db.select({ status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.id, id)).limit(1);
  if (!session) return { ok: false, reason: 'not-found' };
  const move = liveSessionTransition(session.status, 'end');
  if (!move.ok) return move;
  const now = clock(deps);
  const [changed] = await db.batch([
    db
      .update(liveSessions)
      .set({ status: move.status, endedAt: now, version: sql`${liveSessions.version} + 1` })
      .where(and(eq(liveSessions.id, id), eq(liveSessions.status, 'open')))
      .returning({ id: liveSessions.id }),
    auditIf(db, { actorUserId: actor.userId, action: 'live.ended', subjectType: 'live-session', subjectId: id }, sql`changes() > 0`, now),
  ]);
  return changed.length > 0 ? { ok: true } : { ok: false, reason: 'ended' };
}
