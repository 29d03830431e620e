/**
 * What a signed-in person does with their own account: change password or e-mail address,
 * log out everywhere, download everything stored about them, and delete the account.
 * Every change that matters asks for the current password first.
 */
import { contributionsForExport, forgetPublisherName } from './contributions-export.ts';
import { and, desc, eq, exists, inArray, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import { offers } from '#db/marketplace-schema.ts';
import { auditLog, oneTimeTokens, organisations, outbox, securityEvents, sessions, users } from '#db/schema.ts';
import { audit, auditIf } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { logSecurityEvent } from '#platform/audit/security-events.ts';
import { checkOneTimeToken, claimToken, newOneTimeToken, retireTokens, tokenStillOpen } from '#platform/auth/one-time-token.ts';
import { hashPassword, passwordProblem, verifyPassword } from '#platform/auth/password.ts';
import { consumeAll } from '#platform/auth/rate-limit.ts';
import { createSession, type UserView } from '#platform/auth/session.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { accountDeletedMessage, emailChangeMessage, emailChangedMessage, emailTakenMessage, passwordChangedMessage } from '#platform/mail/messages.ts';
import { verifiedByDomain } from './registration.ts';
import { clock, type Deps } from '#platform/context.ts';
import { isUniqueViolation } from '#platform/database/errors.ts';
import { findUserByEmail, findUserWithOrganisation, normaliseEmail, passwordHashOf, personalWords } from './users.ts';
import { decisionsAbout, deleteDecisionsAbout } from './curation-records.ts';
import { deleteSuggestionsFor, suggestionsForExport } from '#features/suggestions/suggestions.ts';
import { followsForExport } from '#features/follows/follows.ts';
import { forgetInvitationTexts, invitationsForExport } from '#features/matchmaking/invitation-records.ts';

type RateLimited = { ok: false; reason: 'rate-limited'; retryAfterMs: number };
type WrongPassword = { ok: false; reason: 'wrong-password' };

/** Per (account, IP) and per IP, as for login: a wrong guess elsewhere never blocks the owner. */
async function checkCurrentPassword(deps: Deps, user: UserView, password: string, action: string): Promise<RateLimited | WrongPassword | null> {
  const now = clock(deps);
  const who = { userId: user.id, email: user.email, ip: deps.ip, detail: { action } };
  const limit = await consumeAll(deps.db, [['passwordCheckAccountIp', [user.email, deps.ip]], ['loginIp', deps.ip]], now);
  if (!limit.allowed) {
    await logSecurityEvent(deps.db, { kind: 'login.rate-limited', ...who }, now);
    return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  }
  // The hash is read here, at the moment of the check, never carried along with the request.
  const stored = await passwordHashOf(deps.db, user.id);
  if (stored && (await verifyPassword(stored, password))) return null;
  await logSecurityEvent(deps.db, { kind: 'password-check.failed', ...who }, now);
  return { ok: false, reason: 'wrong-password' };
}

export type ChangePasswordResult = { ok: true; token: string } | RateLimited | WrongPassword | { ok: false; reason: 'weak-password'; message: string };

/** Ends every session (this one included) and returns a fresh one for this browser. */
export async function changePassword(deps: Deps, user: UserView, input: { current: string; next: string }): Promise<ChangePasswordResult> {
  const { db } = deps;
  const now = clock(deps);
  const refused = await checkCurrentPassword(deps, user, input.current, 'change-password');
  if (refused) return refused;
  const problem = passwordProblem(input.next, personalWords(user.name, user.email));
  if (problem) return { ok: false, reason: 'weak-password', message: problem };
  const passwordHash = await hashPassword(input.next);
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    enqueueMail(db, { ...passwordChangedMessage(user.email, user.name, deps.origin), userId: user.id }, now),
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
  const refused = await checkCurrentPassword(deps, user, input.password, 'change-email');
  if (refused) return refused;
  const limit = await consumeAll(db, [['mailAddressIp', [email, deps.ip]], ['mailIp', deps.ip]], now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  const taken = await findUserByEmail(db, email);
  if (taken) {
    // Same answer as for a free address: the page does not reveal who has an account.
    await db.batch([enqueueMail(db, { ...emailTakenMessage(email), userId: taken.id }, now)]);
    return { ok: true };
  }
  const { token, insert, expiresAt } = newOneTimeToken(db, { userId: user.id, purpose: 'email-change', email }, now);
  const link = `${deps.origin}/account/e-mailadres-bevestigen/?token=${encodeURIComponent(token)}`;
  // Mail to the new address carries the account's id too: deletion and export find it.
  await db.batch([retireTokens(db, user.id, 'email-change', now), insert, enqueueMail(db, { ...emailChangeMessage(email, link), userId: user.id, expiresAt }, now)]);
  return { ok: true };
}

export type ConfirmEmailChangeResult = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'taken' };

/**
 * Moves the account to the confirmed new address and ends its other sessions (whoever may have
 * had the old mailbox loses their way in). `current` is the session of the browser that used
 * the link: it stays signed in only if it is this account's own session.
 */
export async function confirmEmailChange(deps: Deps, token: string, current?: { id: string; userId: string } | null): Promise<ConfirmEmailChangeResult> {
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
      // Before the claim: guarded by the token still being open, like the update.
      db
        .delete(sessions)
        .where(and(eq(sessions.userId, user.id), current?.userId === user.id ? ne(sessions.id, current.id) : undefined, open)),
      claimToken(db, check.id, now),
    ]);
    if (results[3].length === 0) return { ok: false, reason: 'used' };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
  await db.batch([enqueueMail(db, { ...emailChangedMessage(user.email, user.name, check.email), userId: user.id }, now)]);
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
 * Deletes the account and everything that names the person, in one batch (what /over/
 * promises): the user row with its sessions, links and security events (cascade); every mail
 * about the account or to any address it used, sent or not; a proposed employer that only this
 * person belonged to and no curator verified. Audit entries stay for disputes, but lose the
 * person's id, name-derived slugs and details: they point to a fresh pseudonym instead.
 * What remains: the confirmation of the deletion, in the outbox until shortly after it is sent.
 */
export async function deleteAccount(deps: Deps, user: UserView, input: { password: string }): Promise<DeleteAccountResult> {
  const { db } = deps;
  const now = clock(deps);
  const refused = await checkCurrentPassword(deps, user, input.password, 'delete-account');
  if (refused) return refused;
  const tokenAddresses = await db.selectDistinct({ email: oneTimeTokens.email }).from(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id));
  const addresses = [...new Set([user.email, ...tokenAddresses.map((t) => t.email)].map((a) => a.toLowerCase()))];
  const pseudonym = `verwijderd-${newId().slice(0, 8)}`;
  const organisationId = user.organisationId;
  const organisationGone = notExists(db.select({ one: sql`1` }).from(organisations).where(eq(organisations.id, organisationId)));
  await db.batch([
    db.delete(outbox).where(or(eq(outbox.userId, user.id), inArray(sql`lower(${outbox.toAddress})`, addresses))),
    // Messages sent through /aandragen/ and curators' decisions (with their reasons) are about the person too.
    deleteSuggestionsFor(db, { userId: user.id, addresses }),
    deleteDecisionsAbout(db, user.id),
    db
      .update(auditLog)
      .set({ subjectId: pseudonym, detail: null })
      .where(and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, user.id))),
    db.update(auditLog).set({ actorUserId: null }).where(eq(auditLog.actorUserId, user.id)),
    ...forgetPublisherName(db, user.id),
    // Invitations stay with the pitch; the note the person wrote and the reason they gave do not.
    ...forgetInvitationTexts(db, user.id),
    db.delete(users).where(eq(users.id, user.id)),
    // A proposed employer nobody verified and nobody else belongs to was only this person's,
    // and so were its offers (they never reached anyone: they waited for that verification).
    db
      .delete(offers)
      .where(
        and(
          eq(offers.employerId, organisationId),
          exists(
            db
              .select({ one: sql`1` })
              .from(organisations)
              .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt))),
          ),
          notExists(db.select({ one: sql`1` }).from(users).where(eq(users.organisationId, organisationId))),
        ),
      ),
    db
      .delete(organisations)
      .where(
        and(
          eq(organisations.id, organisationId),
          eq(organisations.kind, 'employer'),
          isNull(organisations.verifiedAt),
          notExists(db.select({ one: sql`1` }).from(users).where(eq(users.organisationId, organisationId))),
        ),
      ),
    // Its slug is derived from a name the person typed: entries about it lose it too.
    db
      .update(auditLog)
      .set({ subjectId: `${pseudonym}-organisatie`, detail: null })
      .where(and(eq(auditLog.subjectType, 'organisation'), eq(auditLog.subjectId, organisationId), organisationGone)),
    audit(db, { actorUserId: null, action: 'account.deleted', subjectType: 'user', subjectId: pseudonym }, now),
    // The last mail: not linked to the account (it is gone), and never sent after a day.
    enqueueMail(db, { ...accountDeletedMessage(user.email, user.name), expiresAt: now + DELETION_NOTICE_MS }, now),
  ]);
  return { ok: true };
}

/** The deletion notice waits at most this long for delivery (stated on /over/). */
export const DELETION_NOTICE_MS = 24 * 60 * 60 * 1000;

/** Everything stored about a person, for "download my data" (AVG art. 15 and 20). */
export async function exportUserData(deps: Deps, userId: string) {
  const { db } = deps;
  const row = await findUserWithOrganisation(db, userId);
  if (!row) return null;
  const { user, organisation } = row;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const [sessionRows, tokenRows, auditRows, mailRows, eventRows, suggestionRows, decisionRows] = await Promise.all([
    db.select().from(sessions).where(eq(sessions.userId, userId)),
    db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, userId)),
    db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.actorUserId, userId), and(eq(auditLog.subjectType, 'user'), eq(auditLog.subjectId, userId)))),
    // By account, so mail to earlier (and not yet confirmed) addresses is included.
    db
      .select()
      .from(outbox)
      .where(or(eq(outbox.userId, userId), sql`lower(${outbox.toAddress}) = ${user.email}`))
      .orderBy(outbox.createdAt),
    db.select().from(securityEvents).where(eq(securityEvents.userId, userId)).orderBy(desc(securityEvents.createdAt)),
    suggestionsForExport(db, { userId, addresses: [user.email] }),
    decisionsAbout(db, userId),
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
    eMails: mailRows.map((m) => ({ aan: m.toAddress, onderwerp: m.subject, aangemaaktOp: iso(m.createdAt), verstuurdOp: iso(m.sentAt) })),
    beveiligingslogboek: eventRows.map((e) => ({
      gebeurtenis: e.kind,
      op: iso(e.createdAt),
      eMailadres: e.emailHint,
      ipAdresHash: e.ipHash,
      details: e.detail ? (JSON.parse(e.detail) as unknown) : null,
    })),
    berichtenAanHetNetwerk: suggestionRows,
    // Follow and be told: what the person follows and whether the weekly digest is on.
    volgen: await followsForExport(db, userId),
    // Activities, content drafts, publications, live sessions and digests.
    ...(await contributionsForExport(db, userId)),
    // Invitations to employers: sent (with the note) and declined (with the reason).
    ...(await invitationsForExport(db, userId)),
    besluitenOverUwAanmelding: decisionRows.map((d) => ({ besluit: d.decision === 'confirmed' ? 'bevestigd' : 'niet bevestigd', toelichting: d.reason, op: iso(d.decidedAt), teruggedraaidOp: iso(d.undoneAt) })),
  };
}

