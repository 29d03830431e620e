/**
 * Home of sessions, after Lucia's current design (its single-file auth_session example):
 * the cookie holds `<id>.<secret>`, the database only SHA-256(secret), compared in constant
 * time. A session ends after INACTIVITY_MS without use and at the latest after MAX_AGE_MS;
 * use is written back at most hourly so reads stay reads.
 */
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { organisations, sessions, users, type OrganisationRow, type UserRow } from '#db/schema.ts';
import { constantTimeEqualHex, createSplitToken, parseSplitToken, sha256Hex } from './crypto.ts';

/** Re-authentication after three days without activity (documented in the privacy statement). */
export const INACTIVITY_MS = 3 * 24 * 60 * 60 * 1000;
/** And after thirty days whatever happens. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface ValidSession {
  id: string;
  userId: string;
  createdAt: number;
  lastVerifiedAt: number;
}

/**
 * What a request knows about the signed-in person: everything but the password hash, which
 * is loaded by id only where a password is checked.
 */
export type UserView = Omit<UserRow, 'passwordHash'>;

/** The columns of a UserView, for selects that must not read the hash. */
export const userViewColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organisationId: users.organisationId,
  emailVerifiedAt: users.emailVerifiedAt,
  membershipVerifiedAt: users.membershipVerifiedAt,
  membershipVerifiedBy: users.membershipVerifiedBy,
  createdAt: users.createdAt,
} satisfies { [K in keyof UserView]: unknown };

export interface SessionContext {
  session: ValidSession;
  user: UserView;
  organisation: OrganisationRow;
  /**
   * The session's lastVerifiedAt moved on this request (at most hourly): only then does the
   * cookie need to be sent again, so other responses carry no Set-Cookie and stay cacheable.
   */
  refreshed: boolean;
}

/** At most this many sessions per person: a new one beyond it ends the oldest. */
export const MAX_SESSIONS_PER_USER = 10;

export async function createSession(db: Database, userId: string, now = Date.now()): Promise<{ token: string; session: ValidSession }> {
  const { id, secret, token } = createSplitToken();
  const session = { id, userId, createdAt: now, lastVerifiedAt: now };
  await db.batch([
    db.insert(sessions).values({ ...session, secretHash: sha256Hex(secret) }),
    // Newest first (rowid breaks ties within one millisecond); everything past the cap goes.
    db.run(sql`delete from ${sessions} where ${sessions.id} in (
      select ${sessions.id} from ${sessions} where ${sessions.userId} = ${userId}
      order by ${sessions.createdAt} desc, rowid desc limit -1 offset ${MAX_SESSIONS_PER_USER})`),
  ]);
  return { token, session };
}

/** The session and its user for a cookie value, or null (unknown, tampered, expired). */
export async function validateSessionToken(db: Database, token: string | undefined, now = Date.now()): Promise<SessionContext | null> {
  const parsed = parseSplitToken(token);
  if (!parsed) return null;
  const [row] = await db
    .select({ session: sessions, user: userViewColumns, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, parsed.id))
    .limit(1);
  if (!row) return null;
  if (!constantTimeEqualHex(sha256Hex(parsed.secret), row.session.secretHash)) return null;
  if (now - row.session.lastVerifiedAt >= INACTIVITY_MS || now - row.session.createdAt >= MAX_AGE_MS) {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return null;
  }
  const session: ValidSession = {
    id: row.session.id,
    userId: row.session.userId,
    createdAt: row.session.createdAt,
    lastVerifiedAt: row.session.lastVerifiedAt,
  };
  const refreshed = now - session.lastVerifiedAt >= ACTIVITY_CHECK_INTERVAL_MS;
  if (refreshed) {
    session.lastVerifiedAt = now;
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, session.id));
  }
  return { session, user: row.user, organisation: row.organisation, refreshed };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but the given session. */
export async function invalidateUserSessions(db: Database, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}

/** Statement that removes expired sessions (for retention; run in a batch). */
export function deleteExpiredSessions(db: Database, now = Date.now()) {
  return db.delete(sessions).where(or(lt(sessions.lastVerifiedAt, now - INACTIVITY_MS), lt(sessions.createdAt, now - MAX_AGE_MS)));
}
