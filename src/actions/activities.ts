/**
 * Activity calendar actions: submit an activity, edit one that waits or was
 * sent back, and the decisions (a curator publishes, asks for changes, rejects or cancels; the
 * organiser cancels). Each reads the form, calls the use case (which asks the policy with the
 * record) and maps its result to Dutch messages at the field or above the form.
 */
import { z } from 'astro/zod';
import { activityFormInput } from '#features/activities/activity-input.ts';
import { decideActivity, editActivity, submitActivity, type ActivityDecisionResult, type EditActivityResult } from '#features/activities/activities.ts';
import { activityRefusalMessage } from '#domain/activity-lifecycle.ts';
import { idField, versionField } from './fields.ts';
import { formAction } from './form-action.ts';
import { fieldErrors, formError, type FormOutcome } from '#web/form-outcome.ts';

const staleText = 'Iemand anders heeft deze activiteit intussen gewijzigd of er al over besloten. Er is niets opgeslagen. Open de activiteit opnieuw.';

/** Dutch for a refused move or an activity that is gone (forbidden, stale, invalid: the common words). */
function refusal(result: Exclude<EditActivityResult | ActivityDecisionResult, { ok: true }>): FormOutcome | undefined {
  switch (result.reason) {
    case 'forbidden':
    case 'stale':
    case 'invalid':
      return undefined;
    case 'not-found':
      return formError('Deze activiteit bestaat niet (meer) of u kunt haar niet zien.', 404);
    case 'note-required':
    case 'reason-required':
      return fieldErrors({ note: activityRefusalMessage[result.reason] });
    default:
      return formError(activityRefusalMessage[result.reason], 409);
  }
}

export const activities = {
  /** Submits a new activity for moderation. */
  submit: formAction({
    input: activityFormInput,
    requires: 'signed-in',
    run: ({ input, actor, deps }) => submitActivity(deps, actor, input),
    done: (result) => `/activiteiten/${result.id}/?melding=activiteit-ingediend`,
  }),

  /** Saves changes to an activity that waits or was sent back (which submits it again). */
  edit: formAction({
    input: activityFormInput.extend({ activityId: idField, version: versionField }),
    requires: 'signed-in',
    stale: staleText,
    run: ({ input: { activityId, version, ...fields }, actor, deps }) => editActivity(deps, actor, activityId, version, fields),
    refused: refusal,
    done: (result) => `/activiteiten/${result.id}/?melding=activiteit-gewijzigd`,
  }),

  /** A decision: publish, request changes (note), reject (reason) by a curator; cancel by the organiser or a curator. */
  decide: formAction({
    input: z.object({
      activityId: idField,
      version: versionField,
      decision: z.enum(['publish', 'request-changes', 'reject', 'cancel'], { error: 'Kies een besluit.' }),
      note: z.string().max(2000, 'Schrijf hoogstens 2000 tekens.').optional(),
      /** Where to return: the moderation page ('moderation') or the activity's own page ('activity'). */
      from: z.enum(['moderation', 'activity']).optional(),
    }),
    requires: 'signed-in',
    stale: staleText,
    run: ({ input, actor, deps }) => decideActivity(deps, actor, input.activityId, input.version, input.decision, input.note ?? ''),
    refused: refusal,
    done: (_result, { input }) => {
      const notice = { publish: 'activiteit-gepubliceerd', 'request-changes': 'activiteit-teruggestuurd', reject: 'activiteit-afgewezen', cancel: 'activiteit-geannuleerd' }[input.decision];
      return input.from === 'activity' ? `/activiteiten/${input.activityId}/?melding=${notice}` : `/beheer/activiteiten/?melding=${notice}`;
    },
  }),
};
