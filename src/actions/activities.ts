/**
 * Activity calendar actions: submit an activity, edit one that waits or was
 * sent back, and the decisions (a curator publishes, asks for changes, rejects or cancels; the
 * organiser cancels). Each reads the form, calls the use case (which asks the policy with the
 * record) and maps its result to Dutch messages at the field or above the form.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { activityFormInput } from '#features/activities/activity-input.ts';
import { decideActivity, editActivity, submitActivity, type ActivityDecisionResult, type EditActivityResult } from '#features/activities/activities.ts';
import { activityRefusalMessage } from '#domain/activity-lifecycle.ts';
import { sendQueuedMail } from '#features/jobs/housekeeping.ts';
import { idField } from './fields.ts';
import { depsFor, fieldErrors, forbidden, formError, notSignedIn, rateLimited, redirectTo, type FormOutcome } from './outcome.ts';

/** The version the form was made from (a hidden field; anything else is stale). */
const versionField = z.coerce.number({ error: 'Laad de pagina opnieuw.' }).int().min(1).max(1_000_000);

const staleText = 'Iemand anders heeft deze activiteit intussen gewijzigd of er al over besloten. Er is niets opgeslagen. Open de activiteit opnieuw.';

/** Dutch for a refused move, a stale version, or the other common refusals. */
function refusal(result: Exclude<EditActivityResult | ActivityDecisionResult, { ok: true }>): FormOutcome {
  switch (result.reason) {
    case 'forbidden':
      return forbidden();
    case 'not-found':
      return formError('Deze activiteit bestaat niet (meer) of u kunt haar niet zien.', 404);
    case 'stale':
      return formError(staleText, 409);
    case 'invalid':
      return fieldErrors(result.fields);
    case 'note-required':
    case 'reason-required':
      return fieldErrors({ note: activityRefusalMessage[result.reason] });
    default:
      return formError(activityRefusalMessage[result.reason], 409);
  }
}

export const activities = {
  /** Submits a new activity for moderation. */
  submit: defineAction({
    accept: 'form',
    input: activityFormInput,
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const deps = await depsFor(context);
      const result = await submitActivity(deps, actor, input);
      if (!result.ok) {
        if (result.reason === 'invalid') return fieldErrors(result.fields);
        if (result.reason === 'rate-limited') return rateLimited(result.retryAfterMs);
        return forbidden();
      }
      sendQueuedMail(deps.db);
      return redirectTo(`/activiteiten/${result.id}/?melding=activiteit-ingediend`);
    },
  }),

  /** Saves changes to an activity that waits or was sent back (which submits it again). */
  edit: defineAction({
    accept: 'form',
    input: activityFormInput.extend({ activityId: idField, version: z.string().max(20) }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const { activityId, version, ...fields } = input;
      const parsedVersion = versionField.safeParse(version);
      if (!parsedVersion.success) return formError(staleText, 409);
      const deps = await depsFor(context);
      const result = await editActivity(deps, actor, activityId, parsedVersion.data, fields);
      if (!result.ok) return refusal(result);
      sendQueuedMail(deps.db);
      return redirectTo(`/activiteiten/${result.id}/?melding=activiteit-gewijzigd`);
    },
  }),

  /** A decision: publish, request changes (note), reject (reason) by a curator; cancel by the organiser or a curator. */
  decide: defineAction({
    accept: 'form',
    input: z.object({
      activityId: idField,
      version: z.string().max(20),
      decision: z.enum(['publish', 'request-changes', 'reject', 'cancel'], { error: 'Kies een besluit.' }),
      note: z.string().max(2000, 'Schrijf hoogstens 2000 tekens.').optional(),
      /** Where to return: the moderation page or the activity's own page. */
      from: z.enum(['beheer', 'pagina']).optional(),
    }),
    handler: async (input, context): Promise<FormOutcome> => {
      const actor = context.locals.actor;
      if (!actor) return notSignedIn();
      const version = versionField.safeParse(input.version);
      if (!version.success) return formError(staleText, 409);
      const deps = await depsFor(context);
      const result = await decideActivity(deps, actor, input.activityId, version.data, input.decision, input.note ?? '');
      if (!result.ok) return refusal(result);
      sendQueuedMail(deps.db);
      const notice = { publish: 'activiteit-gepubliceerd', 'request-changes': 'activiteit-teruggestuurd', reject: 'activiteit-afgewezen', cancel: 'activiteit-geannuleerd' }[input.decision];
      return redirectTo(input.from === 'pagina' ? `/activiteiten/${input.activityId}/?melding=${notice}` : `/beheer/activiteiten/?melding=${notice}`);
    },
  }),
};
