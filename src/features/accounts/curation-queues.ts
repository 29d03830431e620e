/** What waits for a curator: members, proposed employers, organisations that may get an own e-mail domain. */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { organisations, users } from '#db/schema.ts';
import type { Deps } from '#platform/context.ts';
import { can, type Actor } from '#domain/policy.ts';
import { memberKinds, noStandingRejection, rejectionStands } from './curation-rules.ts';

/**
 * Whether a curator's rejection of this person, or of the employer they proposed, stands (not
 * undone): their account page then says so instead of "waiting for a curator". Their own status,
 * so no policy check beyond the page's own (a person sees their own account).
 */
export async function membershipRejected(deps: Deps, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await deps.db.all<{ rejected: number }>(
    sql`select (${rejectionStands('user', userId)} or ${rejectionStands('organisation', organisationId)}) as rejected`,
  );
  return Boolean(row?.rejected);
}

/**
 * Members waiting for verification (address confirmed, membership not yet verified, not
 * rejected), of municipalities and of verified employers, with what a curator weighs: the
 * organisation and its own e-mail domain. Members of a proposed employer are verified with
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
      organisationId: organisations.id,
      organisation: organisations.name,
      organisationDomain: organisations.emailDomain,
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
        noStandingRejection('user', users.id),
      ),
    )
    .orderBy(asc(users.createdAt));
}

/** Employers proposed at registration and not yet verified (nor rejected), with who proposed them (address confirmed). */
export async function pendingOrganisations(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  const rows = await deps.db
    .select({ id: organisations.id, name: organisations.name, createdAt: organisations.createdAt, proposer: { id: users.id, name: users.name, email: users.email } })
    .from(organisations)
    .innerJoin(users, eq(users.organisationId, organisations.id))
    .where(and(eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt), isNotNull(users.emailVerifiedAt), noStandingRejection('organisation', organisations.id)))
    .orderBy(asc(organisations.createdAt), asc(users.createdAt));
  const byId = new Map<string, { id: string; name: string; createdAt: number; proposers: { id: string; name: string; email: string }[] }>();
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
