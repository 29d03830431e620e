/**
 * Logging in. One generic answer for a wrong address or a wrong password, the same time spent
 * either way, and rate limits per (address, IP) together and per IP: a stranger elsewhere can
 * never lock the owner out (issue 6, item 6; numbers in auth/rate-limit.ts). Every outcome is a
 * security event.
 */
import { logSecurityEvent } from '../audit/security-events.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import { consumeAll, refund } from '../auth/rate-limit.ts';
import { createSession } from '../auth/session.ts';
import { clock, type Deps } from './deps.ts';
import { findUserForLogin, normaliseEmail } from './users.ts';

export type LoginResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

export async function login(deps: Deps, input: { email: string; password: string }): Promise<LoginResult> {
  const { db } = deps;
  const now = clock(deps);
  const email = normaliseEmail(input.email);
  const limit = await consumeAll(db, [['loginAccountIp', [email, deps.ip]], ['loginIp', deps.ip]], now);
  const user = await findUserForLogin(db, email);
  const who = { userId: user?.id ?? null, email, ip: deps.ip };
  if (!limit.allowed) {
    await logSecurityEvent(db, { kind: 'login.rate-limited', ...who }, now);
    return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  }
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    // Known or unknown address: the same event, so the log does not hint which it was beyond the id.
    await logSecurityEvent(db, { kind: 'login.failed', ...who }, now);
    return { ok: false, reason: 'invalid' };
  }
  await refund(db, 'loginAccountIp', [email, deps.ip]);
  // Always a new session at login: a session id planted before login is never promoted.
  const { token } = await createSession(db, user.id, now);
  await logSecurityEvent(db, { kind: 'login.succeeded', ...who }, now);
  return { ok: true, token, userId: user.id };
}
