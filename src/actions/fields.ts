/**
 * Form field schemas with Dutch messages, shared by every form that asks the same thing. The
 * fields about a person and the date field live in the platform (features use them too) and are re-exported.
 */
import { z } from 'astro/zod';

export { currentPasswordField, emailField, nameField, newPasswordField, organisationNameField, tokenField } from '#platform/person-fields.ts';
export { dateField } from '#platform/date-field.ts';

export const idField = z.string().min(1).max(200);

/** The one message for a version field that is not what the page wrote (tampered, or an old form). */
export const STALE_FORM_MESSAGE = 'Laad de pagina opnieuw en probeer het nog eens.';

/**
 * The version of the record the form was made from, a hidden field every stale-edit check
 * reads (offers, pitches, activities, the editor): a whole number from 1. The use case
 * compares it with the record's own; anything else is the one Dutch message above the form.
 */
export const versionField = z.coerce
  .number({ error: STALE_FORM_MESSAGE })
  .int(STALE_FORM_MESSAGE)
  .min(1, STALE_FORM_MESSAGE)
  .max(Number.MAX_SAFE_INTEGER, STALE_FORM_MESSAGE);
