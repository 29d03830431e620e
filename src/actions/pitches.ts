/**
 * Pitch form actions: save a pitch (new or existing) and go to its
 * preview or back to the form, submit it, and the curators' decisions. Each parses the form,
 * calls the use case (which asks the policy with the record) and maps its result to Dutch
 * messages at the field or above the form; nothing here decides who may do what.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { pitchRefusalMessage, type PitchRefusal } from '#domain/pitch-lifecycle.ts';
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { featurePitch, publishPitch, rejectPitch, requestChanges, unfeaturePitch, type ModerationResult } from '#features/marketplace/moderation.ts';
import { pitchInput } from '#features/marketplace/pitch-input.ts';
import { createDraft, submitPitch, updatePitch } from '#features/marketplace/pitches.ts';
import { idField } from './fields.ts';
import { depsFor, fieldErrors, forbidden, formError, notSignedIn, rateLimited, redirectTo, type FormOutcome } from './outcome.ts';

/** The version the form was made from: a whole number (a hidden field; anything else is stale). */
const versionField = z.coerce.number({ error: 'Laad de pagina opnieuw.' }).int().min(1).max(1_000_000);

const staleText =
  'Iemand anders heeft deze pitch intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen. Kopieer eventueel uw tekst, open de pitch opnieuw en breng ze daar aan.';
const notFound = () => formError('Deze pitch bestaat niet (meer) of u kunt hem niet zien.', 404);

/** Dutch for a refused lifecycle move, a stale version, or the other common refusals. */
function refusal(reason: PitchRefusal | 'stale' | 'not-found' | 'forbidden'): FormOutcome {
  if (reason === 'forbidden') return forbidden();
  if (reason === 'not-found') return notFound();
  if (reason === 'stale') return formError(staleText, 409);
  if (reason === 'note-required') return fieldErrors({ note: pitchRefusalMessage[reason] });
  if (reason === 'reason-required') return fieldErrors({ note: pitchRefusalMessage[reason] });
  return formError(pitchRefusalMessage[reason], 409);
}

export const pitches = {
  /** Saves a new or existing pitch; `intent` "voorbeeld" goes on to the preview. */
  save: defineAction({
    accept: 'form',
    input: pitchInput.extend({
      pitchId: z.string().max(200).optional(),
      version: z.string().max(20).optional(),
      intent: z.enum(['concept', 'voorbeeld']).optional(),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const deps = await depsFor(context);
      const { pitchId, version, intent, ...fields } = input;
      let id: string;
      if (pitchId) {
        const parsedVersion = versionField.safeParse(version);
        if (!parsedVersion.success) return formError(staleText, 409);
        const result = await updatePitch(deps, actor, pitchId, parsedVersion.data, fields);
        if (!result.ok) return result.reason === 'invalid' ? fieldErrors(result.fields) : refusal(result.reason);
        id = result.id;
      } else {
        const result = await createDraft(deps, actor, fields);
        if (!result.ok) {
          if (result.reason === 'invalid') return fieldErrors(result.fields);
          if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
          return forbidden();
        }
        id = result.id;
      }
      return redirectTo(intent === 'voorbeeld' ? `/pitches/${id}/voorbeeld/` : `/pitches/${id}/bewerken/?melding=pitch-opgeslagen`);
    },
  }),

  /** Submits a pitch for moderation (from the preview). */
  submit: defineAction({
    accept: 'form',
    input: z.object({ pitchId: idField, version: z.string().max(20) }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const version = versionField.safeParse(input.version);
      if (!version.success) return formError(staleText, 409);
      const deps = await depsFor(context);
      const result = await submitPitch(deps, actor, input.pitchId, version.data);
      if (!result.ok) return refusal(result.reason);
      sendQueuedMail(deps.db);
      return redirectTo('/account/mijn-pitches/?melding=pitch-ingediend');
    },
  }),

  /** A curator's decision on a pitch: publish, request changes (note), reject (reason), feature, unfeature. */
  moderate: defineAction({
    accept: 'form',
    input: z.object({
      pitchId: idField,
      version: z.string().max(20),
      decision: z.enum(['publish', 'request-changes', 'reject', 'feature', 'unfeature'], { error: 'Kies een besluit.' }),
      note: z.string().max(2000, 'Schrijf hoogstens 2000 tekens.').optional(),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const version = versionField.safeParse(input.version);
      if (!version.success) return formError(staleText, 409);
      const deps = await depsFor(context);
      const note = input.note ?? '';
      const decisions: Record<typeof input.decision, () => Promise<ModerationResult>> = {
        publish: () => publishPitch(deps, actor, input.pitchId, version.data),
        'request-changes': () => requestChanges(deps, actor, input.pitchId, version.data, note),
        reject: () => rejectPitch(deps, actor, input.pitchId, version.data, note),
        feature: () => featurePitch(deps, actor, input.pitchId, version.data),
        unfeature: () => unfeaturePitch(deps, actor, input.pitchId, version.data),
      };
      const result = await decisions[input.decision]();
      if (!result.ok) return refusal(result.reason);
      sendQueuedMail(deps.db);
      const notice = { publish: 'pitch-gepubliceerd', 'request-changes': 'pitch-teruggestuurd', reject: 'pitch-afgewezen', feature: 'pitch-uitgelicht', unfeature: 'pitch-niet-uitgelicht' }[input.decision];
      return redirectTo(`/beheer/pitches/?melding=${notice}`);
    },
  }),
};
