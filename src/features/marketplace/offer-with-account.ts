/**
 * Register-in-flow: a visitor presses "Ik doe mee", fills in the offer and the
 * registration fields in one form, and keeps what they typed. The new account and its waiting
 * offer are written in one batch (both or neither); the offer waits for the e-mail confirmation
 * and, for a new organisation, a curator (releaseWaitingOffers moves it on).
 *
 * An address that already has an account gets no offer attached: whoever typed it may not own
 * it. The page answers exactly as for a new account (registration's no-enumeration rule, same
 * work on both paths), and the mail to that address says "log in and make your offer there",
 * with a link back to the offer form. So only the mailbox's owner learns the account exists.
 */
import type { Deps } from '#platform/context.ts';
import { register, type RegistrationInput, type RegistrationResult } from '#features/accounts/registration.ts';
import { startOffer } from '#domain/offer-lifecycle.ts';
import { can, pitchVisibleTo, type Actor } from '#domain/policy.ts';
import { offerExistingAccountMessage } from '#platform/mail/offer-messages.ts';
import type { OfferInput } from './offer-input.ts';
import { loadOfferPitch, notFound, type NotFound } from './offer-records.ts';
import { waitingOfferStatements } from './offers.ts';

export type RegisterWithOfferResult = RegistrationResult | NotFound | { ok: false; reason: 'pitch-not-accepting-offers' };

/** Registers an employer and stores its offer on the pitch as waiting, in one write. */
export async function registerWithOffer(
  deps: Deps,
  pitchId: string,
  registration: Omit<RegistrationInput, 'kind' | 'alongside'>,
  offer: OfferInput,
): Promise<RegisterWithOfferResult> {
  const pitch = await loadOfferPitch(deps.db, pitchId);
  if (!pitch || !pitchVisibleTo(null, pitch)) return notFound;
  const now = deps.now ?? Date.now();
  if (!startOffer(pitch, { verified: false }, new Date(now)).ok) return { ok: false, reason: 'pitch-not-accepting-offers' };
  return register(deps, {
    ...registration,
    kind: 'employer',
    alongside: {
      statements: ({ userId, organisationId }, at) => {
        // The person as they will be: a member of the employer, nothing verified yet.
        const prospective: Actor = { userId, role: 'member', organisationId, organisationKind: 'employer', emailVerified: false, membershipVerified: false, organisationVerified: false };
        if (!can(prospective, 'offer:prepare', { employerId: organisationId })) return [];
        // Made before the closing date passed; it may be released after it (startOffer's rule).
        return waitingOfferStatements(deps.db, pitch.id, offer, { userId, organisationId }, at);
      },
      existingAccountMessage: (to, name) => offerExistingAccountMessage(to, name, deps.origin, pitch.id, pitch.title),
    },
  });
}
