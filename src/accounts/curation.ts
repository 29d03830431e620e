/**
 * What curators and admins do with accounts: verify municipality members and proposed
 * employers, set a municipality's own e-mail domain, assign roles. Each checks the policy.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { organisations, sessions, users, type Role } from '../../db/schema.ts';
import { audit } from '../auth/audit.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { membershipVerifiedMessage } from '../mail/messages.ts';
import { can, type Actor } from '../domain/policy.ts';
import { clock, normaliseEmail, type Deps } from './deps.ts';

type Forbidden = { ok: false; reason: 'forbidden' };
const forbidden: Forbidden = { ok: false, reason: 'forbidden' };

/** Municipality members waiting for verification (address confirmed, not yet verified). */
export async function pendingMembers(deps: Deps, actor: Actor | null) {
  if (!can(actor, 'curation:view')) return null;
  return deps.db
    .select({ id: users.id, name: users.name, email: users.email, organisation: organisations.name, createdAt: users.createdAt })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(organisations.kind, 'municipality'), isNull(users.membershipVerifiedAt), isNotNull(users.emailVerifiedAt)))
    .orderBy(asc(users.createdAt));
}

/** Employers proposed at registration and not yet verified. */
export async function pendingOrganisations(deps: Deps, actor: Actor | null) {
  if (!can(actor, 'curation:view')) return null;
  return deps.db
    .select({ id: organisations.id, name: organisations.name, createdAt: organisations.createdAt })
    .from(organisations)
    .where(and(eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt)))
    .orderBy(asc(organisations.createdAt));
}

export async function verifyMember(deps: Deps, actor: Actor | null, userId: string): Promise<{ ok: true } | Forbidden | { ok: false; reason: 'not-found' }> {
  if (!can(actor, 'member:verify')) return forbidden;
  const { db } = deps;
  const now = clock(deps);
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), eq(organisations.kind, 'municipality'), isNull(users.membershipVerifiedAt)))
    .limit(1);
  if (!row) return { ok: false, reason: 'not-found' };
  await db.batch([
    db.update(users).set({ membershipVerifiedAt: now, membershipVerifiedBy: 'curator' }).where(eq(users.id, userId)),
    audit(db, { actorUserId: actor!.userId, action: 'member.verified', subjectType: 'user', subjectId: userId }, now),
    enqueueMail(db, membershipVerifiedMessage(row.user.email, row.user.name, row.organisation.name), now),
  ]);
  return { ok: true };
}

export async function verifyOrganisation(deps: Deps, actor: Actor | null, organisationId: string): Promise<{ ok: true } | Forbidden | { ok: false; reason: 'not-found' }> {
  if (!can(actor, 'organisation:verify')) return forbidden;
  const { db } = deps;
  const now = clock(deps);
  const updated = await db
    .update(organisations)
    .set({ verifiedAt: now })
    .where(and(eq(organisations.id, organisationId), isNull(organisations.verifiedAt)))
    .returning({ id: organisations.id });
  if (updated.length === 0) return { ok: false, reason: 'not-found' };
  await db.batch([audit(db, { actorUserId: actor!.userId, action: 'organisation.verified', subjectType: 'organisation', subjectId: organisationId }, now)]);
  return { ok: true };
}

export const domainPattern = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export async function setMunicipalityDomain(
  deps: Deps,
  actor: Actor | null,
  organisationId: string,
  domain: string,
): Promise<{ ok: true } | Forbidden | { ok: false; reason: 'not-found' | 'invalid-domain' }> {
  if (!can(actor, 'organisation:set-domain')) return forbidden;
  const value = domain.trim().toLowerCase().replace(/^@/, '');
  if (value !== '' && !domainPattern.test(value)) return { ok: false, reason: 'invalid-domain' };
  const { db } = deps;
  const now = clock(deps);
  const [org] = await db.select().from(organisations).where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'municipality'))).limit(1);
  if (!org) return { ok: false, reason: 'not-found' };
  await db.batch([
    db.update(organisations).set({ emailDomain: value || null }).where(eq(organisations.id, organisationId)),
    audit(db, { actorUserId: actor!.userId, action: 'organisation.domain-set', subjectType: 'organisation', subjectId: organisationId, detail: { domain: value || null } }, now),
  ]);
  return { ok: true };
}

/**
 * Gives a person a role; their sessions end so the new rights apply from the next login.
 * `actor` null means the command line (npm run user:role), which creates the first admin.
 */
export async function assignRole(
  deps: Deps,
  actor: Actor | null | 'cli',
  email: string,
  role: Role,
): Promise<{ ok: true } | Forbidden | { ok: false; reason: 'not-found' }> {
  if (actor !== 'cli' && !can(actor, 'role:assign')) return forbidden;
  const { db } = deps;
  const now = clock(deps);
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  if (!user) return { ok: false, reason: 'not-found' };
  await db.batch([
    db.update(users).set({ role }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    audit(db, { actorUserId: actor === 'cli' ? null : actor!.userId, action: 'role.assigned', subjectType: 'user', subjectId: user.id, detail: { role, via: actor === 'cli' ? 'cli' : 'web' } }, now),
  ]);
  return { ok: true };
}
