/**
 * What curators and admins do with accounts: verify members (of municipalities and employers)
 * and proposed employers, set an organisation's own e-mail domain, assign roles. Each checks the
 * policy; a signed-in person the policy refuses is logged as a security event (curation.refused).
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { organisations, sessions, users, type Role } from '../../db/schema.ts';
import { audit } from '../audit/audit-log.ts';
import { logSecurityEvent, securityEvent } from '../audit/security-events.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { membershipVerifiedMessage } from '../mail/messages.ts';
import { can, notAllowed, type Action, type Actor, type NotAllowed } from '../domain/policy.ts';
import { registrableKinds } from '../domain/accounts.ts';
import { isFreeMailDomain } from '../domain/free-mail.ts';
import { clock, type Deps } from './deps.ts';
import { releaseWaitingOffers } from '../marketplace/offers.ts';
import { findUserByEmail } from './users.ts';


/** Kinds whose members must be verified before they act for the organisation: those one can register with. */
const memberKinds = registrableKinds;

/** The policy said no: a signed-in person tried a curator action (probing or a crafted form). */
async function refused(deps: Deps, actor: Actor | null, action: Action): Promise<NotAllowed> {
  if (actor) await logSecurityEvent(deps.db, { kind: 'curation.refused', userId: actor.userId, ip: deps.ip, detail: { action } }, clock(deps));
  return notAllowed;
}

/**
 * Members waiting for verification (address confirmed, membership not yet verified), of
 * municipalities and of verified employers. Members of a proposed employer are verified with
 * the organisation (pendingOrganisations), so they are not listed twice.
 */
export async function pendingMembers(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  return deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      kind: organisations.kind,
      organisation: organisations.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        inArray(organisations.kind, memberKinds),
        isNotNull(organisations.verifiedAt),
        isNull(users.membershipVerifiedAt),
        isNotNull(users.emailVerifiedAt),
      ),
    )
    .orderBy(asc(users.createdAt));
}

/** Employers proposed at registration and not yet verified, with who proposed them (address confirmed). */
export async function pendingOrganisations(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  const rows = await deps.db
    .select({ id: organisations.id, name: organisations.name, createdAt: organisations.createdAt, proposer: { name: users.name, email: users.email } })
    .from(organisations)
    .innerJoin(users, eq(users.organisationId, organisations.id))
    .where(and(eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt), isNotNull(users.emailVerifiedAt)))
    .orderBy(asc(organisations.createdAt), asc(users.createdAt));
  const byId = new Map<string, { id: string; name: string; createdAt: number; proposers: { name: string; email: string }[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, name: row.name, createdAt: row.createdAt, proposers: [] };
    entry.proposers.push(row.proposer);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** Organisations a curator can give an own e-mail domain: municipalities and verified employers. */
export async function organisationsForDomains(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  return deps.db
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name, emailDomain: organisations.emailDomain })
    .from(organisations)
    .where(and(inArray(organisations.kind, memberKinds), isNotNull(organisations.verifiedAt)))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function verifyMember(deps: Deps, actor: Actor | null, userId: string): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  if (!can(actor, 'member:verify', { userId })) return refused(deps, actor, 'member:verify');
  const { db } = deps;
  const now = clock(deps);
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), inArray(organisations.kind, memberKinds), isNull(users.membershipVerifiedAt)))
    .limit(1);
  if (!row) return { ok: false, reason: 'not-found' };
  await db.batch([
    db.update(users).set({ membershipVerifiedAt: now, membershipVerifiedBy: 'curator' }).where(eq(users.id, userId)),
    audit(db, { actorUserId: actor.userId, action: 'member.verified', subjectType: 'user', subjectId: userId }, now),
    enqueueMail(db, { ...membershipVerifiedMessage(row.user.email, row.user.name, row.organisation.name), userId }, now),
  ]);
  await releaseWaitingOffers(deps, { userId });
  return { ok: true };
}

/**
 * Verifies a proposed employer and, with it, the membership of whoever proposed it (address
 * confirmed): the curator saw both the organisation and the person on the curation page.
 */
export async function verifyOrganisation(deps: Deps, actor: Actor | null, organisationId: string): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  if (!can(actor, 'organisation:verify')) return refused(deps, actor, 'organisation:verify');
  const { db } = deps;
  const now = clock(deps);
  const [org] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt)))
    .limit(1);
  if (!org) return { ok: false, reason: 'not-found' };
  const members = await db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNull(users.membershipVerifiedAt), isNotNull(users.emailVerifiedAt)));
  const results = await db.batch([
    db
      .update(organisations)
      .set({ verifiedAt: now })
      .where(and(eq(organisations.id, organisationId), isNull(organisations.verifiedAt)))
      .returning({ id: organisations.id }),
    audit(db, { actorUserId: actor.userId, action: 'organisation.verified', subjectType: 'organisation', subjectId: organisationId }, now),
    ...members.flatMap((member) => [
      db.update(users).set({ membershipVerifiedAt: now, membershipVerifiedBy: 'curator' }).where(and(eq(users.id, member.id), isNull(users.membershipVerifiedAt))),
      audit(db, { actorUserId: actor.userId, action: 'member.verified', subjectType: 'user', subjectId: member.id, detail: { with: 'organisation' } }, now),
      enqueueMail(db, { ...membershipVerifiedMessage(member.email, member.name, org.name), userId: member.id }, now),
    ]),
  ]);
  // A colleague verified it a moment earlier: their batch did the work (ours changed nothing).
  if (results[0].length === 0) return { ok: false, reason: 'not-found' };
  await releaseWaitingOffers(deps, { organisationId });
  return { ok: true };
}

export const domainPattern = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export type SetDomainResult = { ok: true } | NotAllowed | { ok: false; reason: 'not-found' | 'invalid-domain' | 'free-mail-domain' };

/**
 * Sets (or with an empty value clears) the own e-mail domain of a municipality or employer:
 * members who confirm an address there are verified automatically. A free-mail domain belongs
 * to no organisation and is refused.
 */
export async function setOrganisationDomain(deps: Deps, actor: Actor | null, organisationId: string, domain: string): Promise<SetDomainResult> {
  if (!can(actor, 'curation:view')) return refused(deps, actor, 'organisation:set-domain');
  const value = domain.trim().toLowerCase().replace(/^@/, '');
  if (value !== '' && !domainPattern.test(value)) return { ok: false, reason: 'invalid-domain' };
  if (value !== '' && isFreeMailDomain(value)) return { ok: false, reason: 'free-mail-domain' };
  const { db } = deps;
  const now = clock(deps);
  const [org] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), inArray(organisations.kind, memberKinds)))
    .limit(1);
  if (!org) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'organisation:set-domain', org)) return refused(deps, actor, 'organisation:set-domain');
  await db.batch([
    db.update(organisations).set({ emailDomain: value || null }).where(eq(organisations.id, organisationId)),
    audit(db, { actorUserId: actor.userId, action: 'organisation.domain-set', subjectType: 'organisation', subjectId: organisationId, detail: { domain: value || null } }, now),
  ]);
  return { ok: true };
}

/**
 * Gives a person a role; their sessions end so the new rights apply from the next login.
 * `actor` 'cli' means the command line (npm run user:role), which creates the first admin.
 */
export async function assignRole(
  deps: Deps,
  actor: Actor | null | 'cli',
  email: string,
  role: Role,
): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  // A first look without the record, so a stranger learns nothing about who has an account.
  if (actor !== 'cli' && !can(actor, 'curation:view')) return refused(deps, actor, 'role:assign');
  const { db } = deps;
  const now = clock(deps);
  const user = await findUserByEmail(db, email);
  if (!user) return { ok: false, reason: 'not-found' };
  if (actor !== 'cli' && !can(actor, 'role:assign', { userId: user.id })) return refused(deps, actor, 'role:assign');
  const via = actor === 'cli' ? 'cli' : 'web';
  const event = securityEvent(db, { kind: 'role.assigned', userId: user.id, email: user.email, ip: actor === 'cli' ? null : deps.ip, detail: { role, via, by: actor === 'cli' ? null : actor.userId } }, now);
  await db.batch([
    db.update(users).set({ role }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    audit(db, { actorUserId: actor === 'cli' ? null : actor.userId, action: 'role.assigned', subjectType: 'user', subjectId: user.id, detail: { role, via } }, now),
    event.insert,
  ]);
  event.announce();
  return { ok: true };
}
