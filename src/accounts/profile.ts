/**
 * What a signed-in person does with their own account: change password or e-mail address,
 * log out everywhere, download everything stored about them, and delete the account.
 * Every change that matters asks for the current password first.
 */
import { and, eq, or } from 'drizzle-orm';
import { auditLog, oneTimeTokens, outbox, sessions, users } from '../../db/schema.ts';
import { audit, auditIf } from '../auth/audit.ts';
import { checkOneTimeToken, claimToken, newOneTimeToken, retireTokens, tokenStillOpen } from '../auth/one-time-token.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { consumeAll } from '../auth/rate-limit.ts';
import { createSession, type UserView } from '../auth/session.ts';
import { deleteMailTo, enqueueMail } from '../mail/outbox.ts';
import { accountDeletedMessage, emailChangeMessage, emailChangedMessage, emailTakenMessage, passwordChangedMessage } from '../mail/messages.ts';
import { verifiedByDomain } from './registration.ts';
import { clock, findUserWithOrganisation, isUniqueViolation, normaliseEmail, personalWords, type Deps } from './deps.ts';

type RateLimited = { ok: false; reason: 'rate-limited'; retryAfterMs: number };
type WrongPassword = { ok: false; reason: 'wrong-password' };

async function checkCurrentPassword(deps: Deps, user: UserView, password: string): Promise<RateLimited | WrongPassword | null> {
  const limit = await consumeAll(deps.db, [['passwordCheckAccount', user.email], ['loginIp', deps.ip]], clock(deps));
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  // The hash is read here, at the moment of the check, never carried along with the request.
  const [stored] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  return stored && (await verifyPassword(stored.passwordHash, password)) ? null : { ok: false, reason: 'wrong-password' };
}

export type ChangePasswordResult = { ok: true; token: string } | RateLimited | WrongPassword | { ok: false; reason: 'weak-password'; message: string };

/** Ends every session (this one included) and returns a fresh one for this browser. */
export async function changePassword(deps: Deps, user: UserView, input: { current: string; next: string }): Promise<ChangePasswordResult> {
  const { db } = deps;
  const now = clock(deps);
  const refused = await checkCurrentPassword(deps, user, input.current);
  if (refused) return refused;
  const problem = passwordProblem(input.next, personalWords(user.name, user.email));
  if (problem) return { ok: false, reason: 'weak-password', message: problem };
  const passwordHash = await hashPassword(input.next);
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    enqueueMail(db, passwordChangedMessage(user.email, user.name, deps.origin), now),
    audit(db, { actorUserId: user.id, action: 'account.password-changed', subjectType: 'user', subjectId: user.id }, now),
  ]);
  const { token } = await createSession(db, user.id, now);
  return { ok: true, token };
}

export type RequestEmailChangeResult = { ok: true } | RateLimited | WrongPassword | { ok: false; reason: 'same-address' };

/** Sends a confirmation link to the new address; nothing changes until it is used. */
export async function requestEmailChange(deps: Deps, user: UserView, input: { password: string; email: string }): Promise<RequestEmailChangeResult> {
  const { db } = deps;
  const now = clock(deps);
  const email = normaliseEmail(input.email);
  if (email === user.email) return { ok: false, reason: 'same-address' };
  const refused = await checkCurrentPassword(deps, user, input.password);
  if (refused) return refused;
  const limit = await consumeAll(db, [['mailAddress', email]], now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (taken) {
    // Same answer as for a free address: the page does not reveal who has an account.
    await db.batch([enqueueMail(db, emailTakenMessage(email), now)]);
    return { ok: true };
  }
  const { token, insert } = newOneTimeToken(db, { userId: user.id, purpose: 'email-change', email }, now);
  const link = `${deps.origin}/account/e-mailadres-bevestigen/?token=${encodeURIComponent(token)}`;
  await db.batch([retireTokens(db, user.id, 'email-change', now), insert, enqueueMail(db, emailChangeMessage(email, user.name, link), now)]);
  return { ok: true };
}

export type ConfirmEmailChangeResult = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'taken' };

export async function confirmEmailChange(deps: Deps, token: string): Promise<ConfirmEmailChangeResult> {
  const { db } = deps;
  const now = clock(deps);
  const check = await checkOneTimeToken(db, token, 'email-change', now);
  if (!check.ok) return check;
  const row = await findUserWithOrganisation(db, check.userId);
  if (!row) return { ok: false, reason: 'invalid' };
  const { user, organisation } = row;
  // A membership verified by the old domain lapses when the address leaves that domain.
  const keepsDomain = verifiedByDomain({ email: check.email }, organisation);
  const membership =
    user.membershipVerifiedBy === 'domain' && !keepsDomain
      ? { membershipVerifiedAt: null, membershipVerifiedBy: null }
      : user.membershipVerifiedAt === null && keepsDomain
        ? { membershipVerifiedAt: now, membershipVerifiedBy: 'domain' as const }
        : {};
  const open = tokenStillOpen(check.id);
  try {
    const results = await db.batch([
      auditIf(db, { actorUserId: user.id, action: 'account.email-changed', subjectType: 'user', subjectId: user.id }, open, now),
      db
        .update(users)
        .set({ email: check.email, emailVerifiedAt: now, ...membership })
        .where(and(eq(users.id, user.id), open)),
      claimToken(db, check.id, now),
    ]);
    if (results[2].length === 0) return { ok: false, reason: 'used' };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
  await db.batch([enqueueMail(db, emailChangedMessage(user.email, user.name, check.email), now)]);
  return { ok: true, email: check.email };
}

export async function logoutEverywhere(deps: Deps, user: UserView): Promise<void> {
  await deps.db.batch([
    deps.db.delete(sessions).where(eq(sessions.userId, user.id)),
    audit(deps.db, { actorUserId: user.id, action: 'account.logged-out-everywhere', subjectType: 'user', subjectId: user.id }, clock(deps)),
  ]);
}

export type DeleteAccountResult = { ok: true } | RateLimited | WrongPassword;

/**
 * Deletes the account and what belongs only to it: sessions and tokens (cascade), mail to
 * its address. Audit entries about it stay for disputes, but lose the link to the person.
 */
export async function deleteAccount(deps: Deps, user: UserView, input: { password: string }): Promise<DeleteAccountResult> {
  const { db } = deps;
  const now = clock(deps);
  const refused = await checkCurrentPassword(deps, user, input.password);
  if (refused) return refused;
  await db.batch([
    deleteMailTo(db, user.email),
    db.delete(users).where(eq(users.id, user.id)),
    audit(db, { actorUserId: null, action: 'account.deleted', subjectType: 'user', subjectId: user.id }, now),
    enqueueMail(db, accountDeletedMessage(user.email, user.name), now),
  ]);
  return { ok: true };
}

/** Everything stored about a person, for "download my data" (AVG art. 15 and 20). */
export async function exportUserData(deps: Deps, userId: string) {
  const { db } = deps;
  const row = await findUserWithOrganisation(db, userId);
  if (!row) return null;
  const { user, organisation } = row;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const [sessionRows, tokenRows, auditRows, mailRows] = await Promise.all([
    db.select().from(sessions).where(eq(sessions.userId, userId)),
    db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, userId)),
    db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.actorUserId, userId), and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId)))),
    db.select().from(outbox).where(eq(outbox.toAddress, user.email)),
  ]);
  return {
    uitleg: 'Alle gegevens die Praktijkplein over u bewaart. Wachtwoorden en sleutels staan er niet in: die bewaren we alleen als onomkeerbare hash.',
    gemaaktOp: new Date(clock(deps)).toISOString(),
    account: {
      id: user.id,
      naam: user.name,
      eMailadres: user.email,
      eMailadresBevestigdOp: iso(user.emailVerifiedAt),
      rol: user.role,
      aangemaaktOp: iso(user.createdAt),
      wachtwoord: 'opgeslagen als argon2id-hash (niet meegeleverd)',
    },
    organisatie: {
      id: organisation.id,
      naam: organisation.name,
      soort: organisation.kind,
      lidmaatschapBevestigdOp: iso(user.membershipVerifiedAt),
      lidmaatschapBevestigdDoor: user.membershipVerifiedBy,
    },
    sessies: sessionRows.map((s) => ({ aangemaaktOp: iso(s.createdAt), laatstGebruiktOp: iso(s.lastVerifiedAt) })),
    eenmaligeLinks: tokenRows.map((t) => ({ doel: t.purpose, eMailadres: t.email, aangemaaktOp: iso(t.createdAt), verlooptOp: iso(t.expiresAt), gebruiktOp: iso(t.usedAt) })),
    logboek: auditRows.map((a) => ({ actie: a.action, over: `${a.subjectType}:${a.subjectId}`, doorUzelf: a.actorUserId === userId, op: iso(a.createdAt) })),
    eMails: mailRows.map((m) => ({ onderwerp: m.subject, aangemaaktOp: iso(m.createdAt), verstuurdOp: iso(m.sentAt) })),
  };
}

