/**
 * Forgotten password: ask for a link, then set a new password with it. The request always gets
 * the same answer and does the same work (an address without an account is told so by e-mail); a successful reset ends every session and proves the mailbox, so an
 * unverified address counts as verified afterwards.
 */
import { and, eq, sql } from 'drizzle-orm';
import { sessions, users } from '#db/schema.ts';
import { auditIf } from '#platform/audit/audit-log.ts';
import { checkOneTimeToken, claimToken, newOneTimeToken, retireTokens, tokenStillOpen } from '#platform/auth/one-time-token.ts';
import { hashPassword, passwordProblem } from '#platform/auth/password.ts';
import { clearAccountLimits, consume, consumeAll } from '#platform/auth/rate-limit.ts';
import { logSecurityEvent } from '#platform/audit/security-events.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { noAccountMessage, passwordChangedMessage, passwordResetMessage } from '#platform/mail/messages.ts';
import { clock, type Deps } from '#platform/context.ts';
import { findUserByEmail, findUserById, normaliseEmail, personalWords } from './users.ts';

export type RequestResetResult = { ok: true } | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

export async function requestPasswordReset(deps: Deps, input: { email: string }): Promise<RequestResetResult> {
  const { db } = deps;
  const now = clock(deps);
  const email = normaliseEmail(input.email);
  // Per (address, IP) and per IP: requests from elsewhere never use up the owner's own.
  const limit = await consumeAll(db, [['mailAddressIp', [email, deps.ip]], ['mailIp', deps.ip]], now);
  const user = await findUserByEmail(db, email);
  const who = { userId: user?.id ?? null, email, ip: deps.ip };
  if (!limit.allowed) {
    await logSecurityEvent(db, { kind: 'password-reset.rate-limited', ...who }, now);
    return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  }
  await logSecurityEvent(db, { kind: 'password-reset.requested', ...who }, now);
  if (user) {
    const { token, insert, expiresAt } = newOneTimeToken(db, { userId: user.id, purpose: 'password-reset', email }, now);
    const link = `${deps.origin}/account/wachtwoord-herstellen/?token=${encodeURIComponent(token)}`;
    await db.batch([
      retireTokens(db, user.id, 'password-reset', now),
      insert,
      enqueueMail(db, { ...passwordResetMessage(email, user.name, link), userId: user.id, expiresAt }, now),
    ]);
  } else {
    // An address without an account gets a mail too (as gov.uk does): it tells the person why
    // no link came, and both paths write one batch with one mail, so timing does not tell.
    // Capped per address from any source, so nobody can use this form to flood a mailbox.
    if ((await consume(db, 'noticeAddress', email, now)).allowed) await db.batch([enqueueMail(db, noAccountMessage(email, deps.origin), now)]);
  }
  return { ok: true };
}

export type ResetResult =
  | { ok: true }
  | { ok: false; reason: 'invalid' | 'expired' | 'used' }
  | { ok: false; reason: 'weak-password'; message: string };

export async function resetPassword(deps: Deps, input: { token: string; password: string }): Promise<ResetResult> {
  const { db } = deps;
  const now = clock(deps);
  const check = await checkOneTimeToken(db, input.token, 'password-reset', now);
  if (!check.ok) return check;
  const user = await findUserById(db, check.userId);
  if (!user || user.email !== check.email) return { ok: false, reason: 'invalid' };
  const problem = passwordProblem(input.password, personalWords(user.name, user.email));
  if (problem) return { ok: false, reason: 'weak-password', message: problem };
  const passwordHash = await hashPassword(input.password);
  const open = tokenStillOpen(check.id);
  const results = await db.batch([
    auditIf(db, { actorUserId: user.id, action: 'account.password-reset', subjectType: 'user', subjectId: user.id }, open, now),
    db
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})` })
      .where(and(eq(users.id, user.id), open)),
    db.delete(sessions).where(and(eq(sessions.userId, user.id), open)),
    claimToken(db, check.id, now),
  ]);
  if (results[3].length === 0) return { ok: false, reason: 'used' };
  // The link proved the mailbox: a lock-out on this account (from any source) ends.
  await db.batch([clearAccountLimits(db, user.email), enqueueMail(db, { ...passwordChangedMessage(user.email, user.name, deps.origin), userId: user.id }, now)]);
  return { ok: true };
}
