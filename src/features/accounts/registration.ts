/**
 * Registering and confirming an e-mail address. The answer to "register" is the same whether
 * or not the address already has an account (the owner gets an e-mail instead), so the form
 * cannot be used to find out who is registered.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { organisations, users, type OrganisationRow, type UserRow } from '#db/schema.ts';
import { audit, auditIf } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { checkOneTimeToken, claimToken, newOneTimeToken, retireTokens, tokenStillOpen } from '#platform/auth/one-time-token.ts';
import { hashPassword, passwordProblem } from '#platform/auth/password.ts';
import { clearAccountLimits, consume, consumeAll } from '#platform/auth/rate-limit.ts';
import type { UserView } from '#platform/auth/session.ts';
import { slugify } from '#features/catalog/slug.ts';
import type { RegistrableKind } from '#domain/accounts.ts';
import { nameProblem } from '#domain/names.ts';
import { enqueueMail, type MailMessage } from '#platform/mail/outbox.ts';
import { existingAccountMessage, verifyEmailMessage } from '#platform/mail/messages.ts';
import { resolveTypedMunicipality, typedMunicipalityProblem } from './municipality-input.ts';
import { clock, type Deps } from '#platform/context.ts';
import { isUniqueViolation } from '#platform/database/errors.ts';
import { emailDomain, findUserByEmail, findUserWithOrganisation, normaliseEmail, personalWords } from './users.ts';

export interface RegistrationInput {
  name: string;
  email: string;
  password: string;
  kind: RegistrableKind;
  /** The municipality (kind municipality) or an existing employer (kind employer). */
  organisationId?: string;
  /**
   * What the person typed for their municipality (kind municipality, no organisationId): its
   * name or a place in it ("Den Haag"), resolved to the municipality's id here.
   */
  municipality?: string;
  /** A new employer to propose (kind employer, no organisationId). */
  newEmployerName?: string;
  /**
   * A running live session whose pass the person came with (checked by the caller:
   * features/live/live-codes.ts): the account then counts against that session's budget for
   * this network instead of the network's own, so a room behind one Wi-Fi can register.
   */
  liveSessionId?: string;
  /**
   * Work that belongs with a new account, such as an offer made in the same form: its statements
   * join the batch that creates the account (both or neither). For an address that already has
   * an account nothing is attached; `existingAccountMessage` replaces the usual notice, so only
   * the mailbox's owner learns what to do. The answer is the same either way.
   */
  alongside?: {
    statements: (account: { userId: string; organisationId: string }, now: number) => BatchItem<'sqlite'>[];
    existingAccountMessage: (to: string, name: string) => MailMessage;
  };
}

export type RegistrationResult =
  | { ok: true }
  | RegistrationLimited
  | { ok: false; reason: 'invalid'; fields: Partial<Record<'name' | 'password' | 'organisationId' | 'newEmployerName', string>> };

/**
 * Which limit refused: the source network's (many accounts from one Wi-Fi or carrier address,
 * the person's neighbours as much as herself) or this e-mail address's from this network.
 */
export type RegistrationLimited = { ok: false; reason: 'rate-limited'; retryAfterMs: number; limit: 'network' | 'address' };

export async function register(deps: Deps, input: RegistrationInput): Promise<RegistrationResult> {
  const { db } = deps;
  const now = clock(deps);
  const email = normaliseEmail(input.email);
  const name = input.name.trim();

  // Per network (or per live session and network), and per address AND source: a stranger
  // cannot block someone's registration from elsewhere.
  const network = input.liveSessionId ? await consume(db, 'registerLiveSessionIp', [input.liveSessionId, deps.ip], now) : await consume(db, 'registerIp', deps.ip, now);
  const address = await consume(db, 'mailAddressIp', [email, deps.ip], now);
  if (!network.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: Math.max(network.retryAfterMs, address.retryAfterMs), limit: 'network' };
  if (!address.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: address.retryAfterMs, limit: 'address' };

  // The action checks the name too, but it is not the only caller: a name goes into e-mail.
  const nameRefused = nameProblem(name);
  const problem = passwordProblem(input.password, personalWords(name, email));
  const organisation = await resolveOrganisation(deps, input);
  if (nameRefused || problem || !organisation.ok) {
    return {
      ok: false,
      reason: 'invalid',
      fields: { ...(nameRefused ? { name: nameRefused } : {}), ...(problem ? { password: problem } : {}), ...(organisation.ok ? {} : organisation.fields) },
    };
  }

  // Both paths do the same work, so the answer's timing does not tell whether the address has
  // an account: one hash (before any write: never hold the write lock while
  // argon2 works), one lookup, one batch that queues one e-mail.
  const passwordHash = await (deps.hashPassword ?? hashPassword)(input.password);
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if ((await consume(db, 'noticeAddress', email, now)).allowed) {
      const notice = input.alongside?.existingAccountMessage(email, existing.name) ?? existingAccountMessage(email, existing.name, deps.origin);
      await db.batch([enqueueMail(db, { ...notice, userId: existing.id }, now)]);
    }
    return { ok: true };
  }

  const userId = newId();
  const { token, insert: tokenInsert, expiresAt } = newOneTimeToken(db, { userId, purpose: 'email-verification', email }, now);
  const link = `${deps.origin}/account/bevestigen/?token=${encodeURIComponent(token)}`;
  try {
    const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
      db.insert(users).values({ id: userId, email, name, passwordHash, organisationId: organisation.id, createdAt: now }),
      tokenInsert,
      enqueueMail(db, { ...verifyEmailMessage(email, link), userId, expiresAt }, now),
      audit(db, { actorUserId: userId, action: 'account.registered', subjectType: 'user', subjectId: userId, detail: { organisationId: organisation.id } }, now),
      ...(input.alongside?.statements({ userId, organisationId: organisation.id }, now) ?? []),
    ];
    // A proposed employer must exist before the user that belongs to it.
    if (organisation.create) statements.unshift(db.insert(organisations).values(organisation.create));
    await db.batch(statements);
  } catch (error) {
    // Someone registered the same address a moment ago: answer as for an existing account.
    if (!isUniqueViolation(error)) throw error;
    const notice = input.alongside?.existingAccountMessage(email, name) ?? existingAccountMessage(email, name, deps.origin);
    if ((await consume(db, 'noticeAddress', email, now)).allowed) await db.batch([enqueueMail(db, notice, now)]);
  }
  return { ok: true };
}

type ResolvedOrganisation =
  | { ok: true; id: string; create?: typeof organisations.$inferInsert }
  | { ok: false; fields: Partial<Record<'organisationId' | 'newEmployerName', string>> };

async function resolveOrganisation(deps: Deps, input: RegistrationInput): Promise<ResolvedOrganisation> {
  const { db } = deps;
  if (input.kind === 'employer' && !input.organisationId) {
    const proposed = input.newEmployerName?.trim() ?? '';
    if (proposed.length < 2) return { ok: false, fields: { newEmployerName: 'Vul de naam van uw organisatie in, of kies er een uit de lijst.' } };
    const refused = nameProblem(proposed, 'organisation');
    if (refused) return { ok: false, fields: { newEmployerName: refused } };
    const id = `${slugify(proposed).slice(0, 60) || 'werkgever'}-${newId().slice(0, 6)}`;
    return { ok: true, id, create: { id, kind: 'employer', name: proposed.slice(0, 120), createdAt: clock(deps) } };
  }
  let organisationId = input.organisationId;
  if (input.kind === 'municipality' && !organisationId) {
    const typed = resolveTypedMunicipality(input.municipality ?? '');
    if (!typed.ok) return { ok: false, fields: { organisationId: typedMunicipalityProblem(input.municipality ?? '', typed) } };
    organisationId = typed.municipality.id;
  }
  const [org] = organisationId ? await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1) : [];
  if (!org || org.kind !== input.kind || (org.kind === 'employer' && org.verifiedAt === null)) {
    return {
      ok: false,
      fields: { organisationId: input.kind === 'municipality' ? 'Deze gemeente kennen we niet. Typ de naam van uw gemeente.' : 'Kies uw organisatie uit de lijst, of vul een nieuwe naam in.' },
    };
  }
  return { ok: true, id: org.id };
}

/**
 * Members (of a municipality or an employer) whose address is at the organisation's own domain
 * count as verified (docs/architecture.md). A proposed employer has no domain until a curator sets one,
 * so registering as "PostNL" with a free-mail address verifies nothing.
 */
export function verifiedByDomain(user: Pick<UserRow, 'email'>, organisation: Pick<OrganisationRow, 'kind' | 'emailDomain'>): boolean {
  return (
    (organisation.kind === 'municipality' || organisation.kind === 'employer') &&
    !!organisation.emailDomain &&
    emailDomain(user.email) === organisation.emailDomain.toLowerCase()
  );
}

export type ConfirmResult = { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** A confirmed address says whose it was, so what follows (features/verification) can act for that account. */
export type ConfirmAddressResult = { ok: true; userId: string } | Exclude<ConfirmResult, { ok: true }>;

/**
 * Confirms the address from a verification link. The user update and the claim of the token
 * run in one batch; the update only applies while the token is still unused, so a link used
 * twice at the same moment verifies once and nothing is half-written. What follows from it
 * (waiting offers passed on) is features/verification's confirmEmail, which callers use.
 */
export async function confirmEmailAddress(deps: Deps, token: string): Promise<ConfirmAddressResult> {
  const { db } = deps;
  const now = clock(deps);
  const check = await checkOneTimeToken(db, token, 'email-verification', now);
  if (!check.ok) return check;
  const row = await findUserWithOrganisation(db, check.userId);
  if (!row || row.user.email !== check.email) return { ok: false, reason: 'invalid' };
  const byDomain = verifiedByDomain(row.user, row.organisation) && row.user.membershipVerifiedAt === null;
  const open = tokenStillOpen(check.id);
  const detail = byDomain ? { membership: 'domain' } : undefined;
  const [, , claim] = await db.batch([
    auditIf(db, { actorUserId: check.userId, action: 'account.email-verified', subjectType: 'user', subjectId: check.userId, detail }, open, now),
    db
      .update(users)
      .set({
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})`,
        ...(byDomain ? { membershipVerifiedAt: now, membershipVerifiedBy: 'domain' as const } : {}),
      })
      .where(and(eq(users.id, check.userId), open)),
    claimToken(db, check.id, now),
  ]);
  if (claim.length !== 1) return { ok: false, reason: 'used' };
  // The link proved the mailbox: a lock-out on this account (from any source) ends.
  await clearAccountLimits(db, row.user.email);
  return { ok: true, userId: check.userId };
}

export type ResendResult = { ok: true } | { ok: false; reason: 'already-verified' } | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** Sends a fresh verification link; older links stop working. */
export async function resendVerification(deps: Deps, user: UserView): Promise<ResendResult> {
  const { db } = deps;
  const now = clock(deps);
  if (user.emailVerifiedAt !== null) return { ok: false, reason: 'already-verified' };
  // Per (address, IP): registration attempts by someone else with this address never block it.
  const limit = await consumeAll(db, [['mailAddressIp', [user.email, deps.ip]], ['mailIp', deps.ip]], now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  const { token, insert, expiresAt } = newOneTimeToken(db, { userId: user.id, purpose: 'email-verification', email: user.email }, now);
  const link = `${deps.origin}/account/bevestigen/?token=${encodeURIComponent(token)}`;
  await db.batch([
    retireTokens(db, user.id, 'email-verification', now),
    insert,
    enqueueMail(db, { ...verifyEmailMessage(user.email, link), userId: user.id, expiresAt }, now),
  ]);
  return { ok: true };
}
