/**
 * Offer form actions ("Ik doe mee", Mijn aanbod, the owner's answers): parse the form with the
 * one offer schema, call the marketplace use case, turn its result into Dutch messages.
 * Authorization happens inside the use cases, with the record in hand.
 */
import { z } from 'astro/zod';
import { offerRefusalMessage } from '#domain/offer-lifecycle.ts';
import { pitchOutcomes, pitchRefusalMessage } from '#domain/pitch-lifecycle.ts';
import { answerOffer, closePitch } from '#features/marketplace/answers.ts';
import { MESSAGE_MAX, offerFields } from '#features/marketplace/offer-input.ts';
import { createOffer, editOffer, withdrawOffer } from '#features/marketplace/offers.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { emailField, idField, nameField, newPasswordField, organisationNameField, versionField } from './fields.ts';
import { formAction } from './form-action.ts';
import { fieldErrors, formError } from '#web/form-outcome.ts';
import { registrationLimitMessage } from '#web/texts/registration-limits.ts';
import { checkLivePass } from '#features/live/live-codes.ts';
import { clock } from '#platform/context.ts';

const pitchPath = (pitchId: string) => `/pitches/${encodeURIComponent(pitchId)}`;

const gone = () => formError('Deze pitch of dit aanbod bestaat niet (meer), of u heeft er geen toegang toe.', 404);
const staleOffer = 'Dit aanbod is intussen gewijzigd (door een collega, of de gemeente heeft al geantwoord). Bekijk de nieuwe stand hieronder en probeer het opnieuw.';
const stalePitch = 'Deze pitch is intussen gewijzigd door een collega. Bekijk de nieuwe stand en probeer het opnieuw.';
const duplicate = () =>
  formError('Uw organisatie heeft al een aanbod op deze pitch. Per werkgever is er één aanbod per pitch; u vindt het onder Mijn aanbod, waar u of uw collega het kan wijzigen.', 409);

/** An offer that is gone, or a move its lifecycle refuses (stale, forbidden: the common words). */
const offerRefusal = (result: { reason: string }) =>
  result.reason === 'not-found' ? gone() : result.reason in offerRefusalMessage ? formError(offerRefusalMessage[result.reason as keyof typeof offerRefusalMessage], 409) : undefined;

export const offers = {
  /** A signed-in employer offers help. */
  create: formAction({
    input: z.object({ pitchId: idField, ...offerFields }),
    requires: 'signed-in',
    run: ({ input: { pitchId, ...offer }, actor, deps }) => createOffer(deps, actor, pitchId, offer),
    refused: (result) => {
      if (result.reason === 'not-found') return gone();
      if (result.reason === 'pitch-not-accepting-offers') return formError(offerRefusalMessage['pitch-not-accepting-offers'], 409);
      if (result.reason === 'duplicate') return duplicate();
      return undefined;
    },
    done: (result) => `/account/mijn-aanbod/?melding=${result.status === 'offered' ? 'aanbod-verstuurd' : 'aanbod-wacht'}`,
  }),

  /** A visitor offers help and registers in the same form. */
  createWithAccount: formAction({
    input: z.object({
      pitchId: idField,
      ...offerFields,
      name: nameField,
      email: emailField,
      password: newPasswordField,
      employer: z.string().max(100).optional(),
      newEmployerName: organisationNameField,
      // A running live session's pass, from its QR code (features/live/live-codes.ts); kept through refusals.
      live: z.string().optional(),
    }),
    requires: 'anyone',
    run: async ({ input: { pitchId, name, email, password, employer, newEmployerName, live, ...offer }, user, deps }) => {
      if (user) return formError('U bent al ingelogd. Laad de pagina opnieuw: dan ziet u alleen het formulier voor uw aanbod.', 409);
      const now = clock(deps);
      const pass = live ? await checkLivePass(deps.db, live, now) : undefined;
      const result = await registerWithOffer(deps, pitchId, { name, email, password, organisationId: employer || undefined, newEmployerName, liveSessionId: pass?.ok ? pass.sessionId : undefined }, offer);
      return !result.ok && result.reason === 'rate-limited' ? formError(registrationLimitMessage(result, now, pass), 429) : result;
    },
    refused: (result) => {
      if (result.reason === 'not-found') return gone();
      if (result.reason === 'pitch-not-accepting-offers') return formError(offerRefusalMessage['pitch-not-accepting-offers'], 409);
      const { organisationId, ...rest } = result.fields;
      return fieldErrors({ ...rest, ...(organisationId ? { employer: organisationId } : {}) });
    },
    // The same answer whether or not the address had an account (see offer-with-account.ts).
    done: (_result, { input }) => `${pitchPath(input.pitchId)}/meedoen/?verstuurd=1`,
  }),

  /** The employer's side changes its offer. */
  edit: formAction({
    input: z.object({ offerId: idField, version: versionField, ...offerFields }),
    requires: 'signed-in',
    stale: staleOffer,
    run: ({ input: { offerId, version, ...offer }, actor, deps }) => editOffer(deps, actor, offerId, version, offer),
    refused: offerRefusal,
    done: () => '/account/mijn-aanbod/?melding=aanbod-gewijzigd',
  }),

  /** The employer's side takes its offer back. */
  withdraw: formAction({
    input: z.object({ offerId: idField, version: versionField }),
    requires: 'signed-in',
    stale: staleOffer,
    run: ({ input, actor, deps }) => withdrawOffer(deps, actor, input.offerId, input.version),
    refused: offerRefusal,
    done: () => '/account/mijn-aanbod/?melding=aanbod-ingetrokken',
  }),

  /** The pitch's owners shortlist, accept or decline an offer, with a message. */
  answer: formAction({
    input: z.object({
      offerId: idField,
      version: versionField,
      answer: z.enum(['shortlist', 'accept', 'decline'], { error: 'Kies wat u met dit aanbod doet.' }),
      message: z.string().max(MESSAGE_MAX, `Een bericht mag hoogstens ${MESSAGE_MAX} tekens hebben.`).optional(),
    }),
    requires: 'signed-in',
    stale: staleOffer,
    run: ({ input: { offerId, version, answer, message }, actor, deps }) => answerOffer(deps, actor, offerId, answer, { message, version }),
    refused: offerRefusal,
    done: (result) => `${pitchPath(result.pitchId)}/aanbod/?melding=aanbod-beantwoord`,
  }),

  /** The pitch's owners close it with an outcome. */
  closePitch: formAction({
    input: z.object({
      pitchId: idField,
      version: versionField,
      outcome: z.enum(pitchOutcomes, { error: pitchRefusalMessage['outcome-required'] }),
      peoplePlaced: z
        .string({ error: pitchRefusalMessage['people-placed-invalid'] })
        .trim()
        .regex(/^\d{1,6}$/, pitchRefusalMessage['people-placed-invalid'])
        .transform(Number),
    }),
    requires: 'signed-in',
    stale: stalePitch,
    run: ({ input: { pitchId, version, outcome, peoplePlaced }, actor, deps }) => closePitch(deps, actor, pitchId, { outcome, peoplePlaced, version }),
    refused: (result) => {
      if (result.reason === 'not-found') return gone();
      if (result.reason === 'stale') return undefined;
      if (result.reason === 'people-placed-without-match' || result.reason === 'people-placed-invalid') return fieldErrors({ peoplePlaced: pitchRefusalMessage[result.reason] });
      if (result.reason === 'outcome-required') return fieldErrors({ outcome: pitchRefusalMessage[result.reason] });
      return formError(pitchRefusalMessage[result.reason], 409);
    },
    done: (_result, { input }) => `${pitchPath(input.pitchId)}/aanbod/?melding=pitch-gesloten`,
  }),
};
