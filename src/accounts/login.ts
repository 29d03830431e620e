/**
 * Logging in. One generic answer for a wrong address or a wrong password, the same time spent
 * either way, and rate limits per address (existing or not) and per IP.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import { consumeAll, refund } from '../auth/rate-limit.ts';
import { createSession } from '../auth/session.ts';
import { clock, normaliseEmail, type Deps } from './deps.ts';

export type LoginResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

export async function login(deps: Deps, input: { email: string; password: string }): Promise<LoginResult> {
  const { db } = deps;
  const now = clock(deps);
  const email = normaliseEmail(input.email);
  const limit = await consumeAll(db, [['loginAccount', email], ['loginIp', deps.ip]], now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) return { ok: false, reason: 'invalid' };
  await refund(db, 'loginAccount', email);
  // Always a new session at login: a session id planted before login is never promoted.
  const { token } = await createSession(db, user.id, now);
  return { ok: true, token, userId: user.id };
}
