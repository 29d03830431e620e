/**
 * Home of a live session's short addresses and what they hand out
 * (docs/decisions/live-session-codes.md):
 *
 * - the **room code** (4 characters, `/l/K7M2`), shown under the QR code and encoded in it: it
 *   leads a phone to the "Ik doe mee" form of the pitch on the screen, with a **registration
 *   pass** that lets a room full of new employers behind one network register (their accounts
 *   draw from the session's own budget, src/features/accounts/registration.ts);
 * - the **screen code** (6 characters, `/live/Q8W3ZP`), for the curator to type on the beamer
 *   computer: it opens the screen with its **screen key**, which keeps a stream slot free for
 *   the projector whatever else connects (./stream-slots.ts).
 *
 * Codes are derived from the session id with the server's key, so nothing is stored; they
 * resolve only while the session is open, and openLiveSession picks an id whose codes no other
 * open session has. The alphabet leaves out what is easily misread: 0/O, 1/I/L.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { liveSessions } from '#db/live-schema.ts';
import { signedBytes, signedTag, tagMatches } from '#platform/auth/signed.ts';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 4;
export const SCREEN_CODE_LENGTH = 6;
/** How long a registration pass from the room code lasts (the session must also still be open). */
export const LIVE_PASS_MS = 6 * 60 * 60_000;
/** Open sessions a code is looked up among: the newest; an older one left open is not reachable by code. */
const OPEN_SESSIONS_SCANNED = 200;

function codeOf(purpose: string, sessionId: string, length: number): string {
  // 31 letters: byte % 31 is a little uneven (a few letters 1/256 likelier), which costs nothing here.
  return [...signedBytes(purpose, sessionId).subarray(0, length)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

/** The code under the QR code: `/l/<code>` leads to the offer form with a registration pass. */
export const roomCode = (sessionId: string): string => codeOf('live-room-code', sessionId, ROOM_CODE_LENGTH);

/** The code the curator types on the beamer computer: `/live/<code>` opens the screen with its key. */
export const screenCode = (sessionId: string): string => codeOf('live-screen-code', sessionId, SCREEN_CODE_LENGTH);

/** The screen's key (in its address and its stream's): it reserves a stream slot for the projector. */
export const screenKey = (sessionId: string): string => signedTag('live-screen', sessionId);

export const screenKeyMatches = (sessionId: string, key: string | null | undefined): boolean => !!key && tagMatches('live-screen', sessionId, key);

/** A typed code as the codes are written (capitals, no spaces or dashes), or null when it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== ROOM_CODE_LENGTH && code.length !== SCREEN_CODE_LENGTH) return null;
  return [...code].every((char) => CODE_ALPHABET.includes(char)) ? code : null;
}

/** The newest open sessions' ids and pitches on show (the codes are computed from the ids). */
async function openSessions(db: Database) {
  return db
    .select({ id: liveSessions.id, currentPitchId: liveSessions.currentPitchId })
    .from(liveSessions)
    .where(eq(liveSessions.status, 'open'))
    .orderBy(desc(liveSessions.createdAt))
    .limit(OPEN_SESSIONS_SCANNED);
}

/** Every code open sessions use now, so a new session can take an id whose codes are free. */
export async function codesInUse(db: Database): Promise<Set<string>> {
  return new Set((await openSessions(db)).flatMap((session) => [roomCode(session.id), screenCode(session.id)]));
}

/** The open session a typed code belongs to, and which code it was; null for any other code (also an ended session's). */
export async function openSessionByCode(db: Database, typed: string): Promise<{ id: string; currentPitchId: string | null; kind: 'room' | 'screen' } | null> {
  const code = normaliseCode(typed);
  if (!code) return null;
  const kind = code.length === ROOM_CODE_LENGTH ? 'room' : 'screen';
  const codeFor = kind === 'room' ? roomCode : screenCode;
  const session = (await openSessions(db)).find((candidate) => codeFor(candidate.id) === code);
  return session ? { ...session, kind } : null;
}

/** A registration pass for the session, valid for LIVE_PASS_MS from `now`: `<session>.<expiry>.<tag>`. */
export function livePass(sessionId: string, now: number): string {
  const text = `${sessionId}.${(now + LIVE_PASS_MS).toString(36)}`;
  return `${text}.${signedTag('live-register', text)}`;
}

export type LivePassCheck = { ok: true; sessionId: string } | { ok: false; reason: 'invalid' | 'expired' | 'ended' };

const passPattern = /^([0-9a-f]{16})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{22})$/;

/** Checks a pass: made by this server, not expired, and its session still open. */
export async function checkLivePass(db: Database, pass: string, now: number): Promise<LivePassCheck> {
  const match = passPattern.exec(pass);
  if (!match || !tagMatches('live-register', `${match[1]}.${match[2]}`, match[3]!)) return { ok: false, reason: 'invalid' };
  if (parseInt(match[2]!, 36) < now) return { ok: false, reason: 'expired' };
  const [session] = await db.select({ status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.id, match[1]!)).limit(1);
  if (!session) return { ok: false, reason: 'invalid' };
  return session.status === 'open' ? { ok: true, sessionId: match[1]! } : { ok: false, reason: 'ended' };
}
