/**
 * A curator's decision on a member or a proposed employer (accounts/curation-decisions.ts) and
 * what a confirmation sets going in the marketplace: the waiting offers of whoever is now
 * verified move on, and the decision remembers how many (it can then no longer be undone).
 * The person then gets one mail — confirmed, and the offer forwarded — not two.
 */
import type { Deps } from '#platform/context.ts';
import type { Actor, NotAllowed } from '#domain/policy.ts';
import {
  recordMemberDecision,
  recordOrganisationDecision,
  rememberReleasedOffers,
  type DecideResult,
  type DecisionInput,
} from '#features/accounts/curation-decisions.ts';
import { releaseWaitingOffers } from '#features/marketplace/offer-release.ts';

/** Confirms or rejects one member's membership; a confirmation passes the person's waiting offers on. */
export async function decideMember(deps: Deps, actor: Actor | null, userId: string, input: DecisionInput): Promise<DecideResult> {
  const result = await recordMemberDecision(deps, actor, userId, input);
  if (result.ok && input.decision === 'confirmed') {
    await rememberReleasedOffers(deps, result.decisionId, await releaseWaitingOffers(deps, { userId }, { by: 'curator', reason: input.reason }));
  }
  return result;
}

/** Confirms a member (no reason): kept for callers from before decisions had reasons. */
export async function verifyMember(deps: Deps, actor: Actor | null, userId: string): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  const result = await decideMember(deps, actor, userId, { decision: 'confirmed' });
  return result.ok ? { ok: true } : (result as NotAllowed | { ok: false; reason: 'not-found' });
}

/** Confirms or rejects a proposed employer with its proposers; a confirmation passes the employer's waiting offers on. */
export async function decideOrganisation(deps: Deps, actor: Actor | null, organisationId: string, input: DecisionInput): Promise<DecideResult> {
  const result = await recordOrganisationDecision(deps, actor, organisationId, input);
  if (result.ok && input.decision === 'confirmed') {
    await rememberReleasedOffers(deps, result.decisionId, await releaseWaitingOffers(deps, { organisationId }, { by: 'curator', reason: input.reason }));
  }
  return result;
}

/** Confirms a proposed employer and its proposers (no reason): kept for callers from before decisions had reasons. */
export async function verifyOrganisation(deps: Deps, actor: Actor | null, organisationId: string): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  const result = await decideOrganisation(deps, actor, organisationId, { decision: 'confirmed' });
  return result.ok ? { ok: true } : (result as NotAllowed | { ok: false; reason: 'not-found' });
}
