/**
 * Pitch form actions: save a pitch (new or existing) and go to its
 * preview or back to the form, submit it, and the curators' decisions. Each parses the form,
 * calls the use case (which asks the policy with the record) and maps its result to Dutch
 * messages at the field or above the form; nothing here decides who may do what.
 */
import { z } from 'astro/zod';
import { pitchRefusalMessage, type PitchRefusal } from '#domain/pitch-lifecycle.ts';
import { featurePitch, publishPitch, rejectPitch, requestChanges, unfeaturePitch, type ModerationResult } from '#features/marketplace/moderation.ts';
import { pitchInput } from '#features/marketplace/pitch-input.ts';
import { createDraft, submitPitch, updatePitch } from '#features/marketplace/pitches.ts';
import { idField, STALE_FORM_MESSAGE, versionField } from './fields.ts';
import { formAction } from './form-action.ts';
import { fieldErrors, formError, type FormOutcome } from '#web/form-outcome.ts';

const staleText =
  'Iemand anders heeft deze pitch intussen gewijzigd. Uw wijzigingen zijn niet opgeslagen. Kopieer eventueel uw tekst, open de pitch opnieuw en breng ze daar aan.';
const notFound = () => formError('Deze pitch bestaat niet (meer) of u kunt hem niet zien.', 404);

/** Dutch for a refused lifecycle move or a pitch that is gone (stale, forbidden, invalid: the common words). */
function refusal(result: { reason: PitchRefusal | 'stale' | 'not-found' | 'forbidden' | 'invalid' | 'rate-limited' }): FormOutcome | undefined {
  const { reason } = result;
  if (reason === 'forbidden' || reason === 'stale' || reason === 'invalid' || reason === 'rate-limited') return undefined;
  if (reason === 'not-found') return notFound();
  if (reason === 'note-required' || reason === 'reason-required') return fieldErrors({ note: pitchRefusalMessage[reason] });
  return formError(pitchRefusalMessage[reason], 409);
}

export const pitches = {
  /** Saves a new or existing pitch; `intent` "preview" goes on to the preview. */
  save: formAction({
    input: pitchInput
      .extend({
        pitchId: z.string().max(200).optional(),
        version: versionField.optional(),
        intent: z.enum(['draft', 'preview']).optional(),
      })
      // An existing pitch is saved over the version its form was made from.
      .refine((input) => !input.pitchId || input.version !== undefined, { message: STALE_FORM_MESSAGE, path: ['version'] }),
    requires: 'signed-in',
    stale: staleText,
    run: async ({ input: { pitchId, version, intent: _intent, ...fields }, actor, deps }) =>
      pitchId && version !== undefined ? await updatePitch(deps, actor, pitchId, version, fields) : await createDraft(deps, actor, fields),
    refused: refusal,
    done: (result, { input }) => (input.intent === 'preview' ? `/pitches/${result.id}/voorbeeld/` : `/pitches/${result.id}/bewerken/?melding=pitch-opgeslagen`),
  }),

  /** Submits a pitch for moderation (from the preview). */
  submit: formAction({
    input: z.object({ pitchId: idField, version: versionField }),
    requires: 'signed-in',
    stale: staleText,
    run: ({ input, actor, deps }) => submitPitch(deps, actor, input.pitchId, input.version),
    refused: refusal,
    done: () => '/account/mijn-pitches/?melding=pitch-ingediend',
  }),

  /** A curator's decision on a pitch: publish, request changes (note), reject (reason), feature, unfeature. */
  moderate: formAction({
    input: z.object({
      pitchId: idField,
      version: versionField,
      decision: z.enum(['publish', 'request-changes', 'reject', 'feature', 'unfeature'], { error: 'Kies een besluit.' }),
      note: z.string().max(2000, 'Schrijf hoogstens 2000 tekens.').optional(),
    }),
    requires: 'signed-in',
    stale: staleText,
    run: ({ input: { pitchId, version, decision, note = '' }, actor, deps }) => {
      const decisions: Record<typeof decision, () => Promise<ModerationResult>> = {
        publish: () => publishPitch(deps, actor, pitchId, version),
        'request-changes': () => requestChanges(deps, actor, pitchId, version, note),
        reject: () => rejectPitch(deps, actor, pitchId, version, note),
        feature: () => featurePitch(deps, actor, pitchId, version),
        unfeature: () => unfeaturePitch(deps, actor, pitchId, version),
      };
      return decisions[decision]();
    },
    refused: refusal,
    done: (_result, { input }) => {
      const notice = { publish: 'pitch-gepubliceerd', 'request-changes': 'pitch-teruggestuurd', reject: 'pitch-afgewezen', feature: 'pitch-uitgelicht', unfeature: 'pitch-niet-uitgelicht' }[input.decision];
      return `/beheer/pitches/?melding=${notice}`;
    },
  }),
};
