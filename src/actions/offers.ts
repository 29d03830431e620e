/**
 * Offer form actions ("Ik doe mee", Mijn aanbod, the owner's answers): parse the form with the
 * one offer schema, call the marketplace use case, turn its result into Dutch messages.
 * Authorization happens inside the use cases, with the record in hand.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { offerRefusalMessage } from '#domain/offer-lifecycle.ts';
import { pitchOutcomes, pitchRefusalMessage } from '#domain/pitch-lifecycle.ts';
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { answerOffer, closePitch } from '#features/marketplace/answers.ts';
import { MESSAGE_MAX, offerFields } from '#features/marketplace/offer-input.ts';
import { createOffer, editOffer, withdrawOffer } from '#features/marketplace/offers.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { emailField, idField, nameField, newPasswordField, organisationNameField } from './fields.ts';
import { depsFor, fieldErrors, forbidden, formError, notSignedIn, rateLimited, redirectTo, type FormOutcome } from './outcome.ts';

const versionField = z.coerce.number({ error: 'Laad de pagina opnieuw en probeer het nog eens.' }).int().min(1).max(Number.MAX_SAFE_INTEGER);
const pitchPath = (pitchId: string) => `/pitches/${encodeURIComponent(pitchId)}`;

const gone = () => formError('Deze pitch of dit aanbod bestaat niet (meer), of u heeft er geen toegang toe.', 404);
const stale = (what: 'aanbod' | 'pitch') =>
  formError(
    what === 'aanbod'
      ? 'Dit aanbod is intussen gewijzigd (door een collega, of de gemeente heeft al geantwoord). Bekijk de nieuwe stand hieronder en probeer het opnieuw.'
      : 'Deze pitch is intussen gewijzigd door een collega. Bekijk de nieuwe stand en probeer het opnieuw.',
    409,
  );
const duplicate = () =>
  formError('Uw organisatie heeft al een aanbod op deze pitch. Per werkgever is er één aanbod per pitch; u vindt het onder Mijn aanbod, waar u of uw collega het kan wijzigen.', 409);

export const offers = {
  /** A signed-in employer offers help. */
  create: defineAction({
    accept: 'form',
    input: z.object({ pitchId: idField, ...offerFields }),
    handler: async ({ pitchId, ...input }, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await createOffer(deps, context.locals.actor, pitchId, input);
      if (!result.ok) {
        switch (result.reason) {
          case 'forbidden':
            return forbidden();
          case 'not-found':
            return gone();
          case 'pitch-not-accepting-offers':
            return formError(offerRefusalMessage['pitch-not-accepting-offers'], 409);
          case 'duplicate':
            return duplicate();
          case 'rate-limited':
            return rateLimited(result.retryAfterMs);
        }
      }
      sendQueuedMail(deps.db);
      return redirectTo(`/account/mijn-aanbod/?melding=${result.status === 'offered' ? 'aanbod-verstuurd' : 'aanbod-wacht'}`);
    },
  }),

  /** A visitor offers help and registers in the same form. */
  createWithAccount: defineAction({
    accept: 'form',
    input: z.object({
      pitchId: idField,
      ...offerFields,
      name: nameField,
      email: emailField,
      password: newPasswordField,
      employer: z.string().max(100).optional(),
      newEmployerName: organisationNameField,
    }),
    handler: async ({ pitchId, name, email, password, employer, newEmployerName, ...input }, context): Promise<FormOutcome> => {
      if (context.locals.user) return formError('U bent al ingelogd. Laad de pagina opnieuw: dan ziet u alleen het formulier voor uw aanbod.', 409);
      const deps = await depsFor(context);
      const result = await registerWithOffer(deps, pitchId, { name, email, password, organisationId: employer || undefined, newEmployerName }, input);
      if (!result.ok) {
        if (result.reason === 'not-found') return gone();
        if (result.reason === 'pitch-not-accepting-offers') return formError(offerRefusalMessage['pitch-not-accepting-offers'], 409);
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        const { organisationId, ...rest } = result.fields;
        return fieldErrors({ ...rest, ...(organisationId ? { employer: organisationId } : {}) });
      }
      sendQueuedMail(deps.db);
      // The same answer whether or not the address had an account (see offer-with-account.ts).
      return redirectTo(`${pitchPath(pitchId)}/meedoen/?verstuurd=1`);
    },
  }),

  /** The employer's side changes its offer. */
  edit: defineAction({
    accept: 'form',
    input: z.object({ offerId: idField, version: versionField, ...offerFields }),
    handler: async ({ offerId, version, ...input }, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await editOffer(deps, context.locals.actor, offerId, version, input);
      if (!result.ok) {
        if (result.reason === 'not-found') return gone();
        if (result.reason === 'stale') return stale('aanbod');
        return formError(offerRefusalMessage[result.reason], 409);
      }
      sendQueuedMail(deps.db);
      return redirectTo('/account/mijn-aanbod/?melding=aanbod-gewijzigd');
    },
  }),

  /** The employer's side takes its offer back. */
  withdraw: defineAction({
    accept: 'form',
    input: z.object({ offerId: idField, version: versionField }),
    handler: async ({ offerId, version }, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await withdrawOffer(deps, context.locals.actor, offerId, version);
      if (!result.ok) {
        if (result.reason === 'not-found') return gone();
        if (result.reason === 'stale') return stale('aanbod');
        return formError(offerRefusalMessage[result.reason], 409);
      }
      sendQueuedMail(deps.db);
      return redirectTo('/account/mijn-aanbod/?melding=aanbod-ingetrokken');
    },
  }),

  /** The pitch's owners shortlist, accept or decline an offer, with a message. */
  answer: defineAction({
    accept: 'form',
    input: z.object({
      offerId: idField,
      version: versionField,
      answer: z.enum(['shortlist', 'accept', 'decline'], { error: 'Kies wat u met dit aanbod doet.' }),
      message: z.string().max(MESSAGE_MAX, `Een bericht mag hoogstens ${MESSAGE_MAX} tekens hebben.`).optional(),
    }),
    handler: async ({ offerId, version, answer, message }, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await answerOffer(deps, context.locals.actor, offerId, answer, { message, version });
      if (!result.ok) {
        if (result.reason === 'not-found') return gone();
        if (result.reason === 'stale') return stale('aanbod');
        return formError(offerRefusalMessage[result.reason], 409);
      }
      sendQueuedMail(deps.db);
      return redirectTo(`${pitchPath(result.pitchId)}/aanbod/?melding=aanbod-beantwoord`);
    },
  }),

  /** The pitch's owners close it with an outcome. */
  closePitch: defineAction({
    accept: 'form',
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
    handler: async ({ pitchId, version, outcome, peoplePlaced }, context): Promise<FormOutcome> => {
      if (!context.locals.actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await closePitch(deps, context.locals.actor, pitchId, { outcome, peoplePlaced, version });
      if (!result.ok) {
        if (result.reason === 'not-found') return gone();
        if (result.reason === 'stale') return stale('pitch');
        if (result.reason === 'people-placed-without-match' || result.reason === 'people-placed-invalid') return fieldErrors({ peoplePlaced: pitchRefusalMessage[result.reason] });
        if (result.reason === 'outcome-required') return fieldErrors({ outcome: pitchRefusalMessage[result.reason] });
        return formError(pitchRefusalMessage[result.reason], 409);
      }
      sendQueuedMail(deps.db);
      return redirectTo(`${pitchPath(pitchId)}/aanbod/?melding=pitch-gesloten`);
    },
  }),
};
