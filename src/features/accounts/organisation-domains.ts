/** An organisation's own e-mail domain, set by a curator: addresses there verify membership by themselves. */
import { and, eq, inArray } from 'drizzle-orm';
import { organisations } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { clock, type Deps } from '#platform/context.ts';
import { can, type Actor, type NotAllowed } from '#domain/policy.ts';
import { isFreeMailDomain } from '#domain/free-mail.ts';
import { memberKinds, refused } from './curation-rules.ts';

/** What a domain must look like (lower case, at least one dot, no @). */
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
