/**
 * Home of what a verification sets going across features: accounts records that a person or
 * an employer is verified, and the marketplace passes on the offers that waited for it. This
 * feature sits above both, so accounts never calls the marketplace (which builds on accounts).
 */
import type { Deps } from '#platform/context.ts';
import { confirmEmailAddress, type ConfirmResult } from '#features/accounts/registration.ts';
import { releaseWaitingOffers } from '#features/marketplace/offer-release.ts';
import { alertCurators } from './curation-queue.ts';

/**
 * Confirms the address from a verification link (accounts), then passes on the person's
 * waiting offers if they now act for their employer (an address at the employer's own domain),
 * or else tells the curators that the person now waits for them.
 */
export async function confirmEmail(deps: Deps, token: string): Promise<ConfirmResult> {
  const result = await confirmEmailAddress(deps, token);
  if (!result.ok) return result;
  await releaseWaitingOffers(deps, { userId: result.userId });
  await alertCurators(deps, result.userId);
  return { ok: true };
}
