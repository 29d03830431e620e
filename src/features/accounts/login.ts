/**
 * Logging in. One generic answer for a wrong address or a wrong password, the same time spent
 * either way, and rate limits per (address, network), per network and per address; the last
 * one a known device of the owner passes, so a stranger can never lock the owner out of their
 * own browsers (numbers in auth/rate-limit.ts). Every outcome is a security
 * event.
 */
import { logSecurityEvent } from '#platform/audit/security-events.ts';
import { verifyAgainstDummy, verifyPassword } from '#platform/auth/password.ts';
import { isKnownDevice, knownDeviceMark } from '#platform/auth/known-device.ts';
import { consume, consumeAll, refund } from '#platform/auth/rate-limit.ts';
import { createSession } from '#platform/auth/session.ts';
import { clock, type Deps } from '#platform/context.ts';
import { findUserForLogin, normaliseEmail } from './users.ts';

export type LoginResult =
  /** `deviceMark`: for the known-device cookie, so this browser passes the per-account limit next time. */
  | { ok: true; token: string; userId: string; deviceMark: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

export async function login(deps: Deps, input: { email: string; password: string; knownDevice?: string }): Promise<LoginResult> {
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
  // Guessing from many networks at once: the account's own limit, which the owner's known
  // browsers pass. Unknown addresses count too, so the answer tells nothing.
  const known = user ? isKnownDevice(input.knownDevice, user.id, user.passwordHash) : false;
  if (!known) {
    const accountLimit = await consume(db, 'loginAccount', email, now);
    if (!accountLimit.allowed) {
      await logSecurityEvent(db, { kind: 'login.rate-limited', ...who, detail: { scope: 'account' } }, now);
      return { ok: false, reason: 'rate-limited', retryAfterMs: accountLimit.retryAfterMs };
    }
  }
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    // Known or unknown address: the same event, so the log does not hint which it was beyond the id.
    await logSecurityEvent(db, { kind: 'login.failed', ...who }, now);
    return { ok: false, reason: 'invalid' };
  }
  await refund(db, 'loginAccountIp', [email, deps.ip]);
  if (!known) await refund(db, 'loginAccount', email);
  // Always a new session at login: a session id planted before login is never promoted.
  const { token } = await createSession(db, user.id, now);
  await logSecurityEvent(db, { kind: 'login.succeeded', ...who }, now);
  return { ok: true, token, userId: user.id, deviceMark: knownDeviceMark(user.id, user.passwordHash) };
}
