/**
 * What a form action answers, in one shape every page understands: where to go on success,
 * or a status with a form-level message and/or messages per field.
 */
import { retryAfterText } from '#platform/auth/rate-limit.ts';

export { depsFor } from '#web/request.ts';

export type FormOutcome =
  | { ok: true; redirect: string }
  | { ok: false; status: number; message?: string; fields?: Record<string, string> };

export const redirectTo = (redirect: string): FormOutcome => ({ ok: true, redirect });

export const fieldErrors = (fields: Record<string, string>, status = 422): FormOutcome => ({ ok: false, status, fields });

export const formError = (message: string, status = 400): FormOutcome => ({ ok: false, status, message });

export const rateLimited = (retryAfterMs: number): FormOutcome =>
  formError(`U heeft het te vaak achter elkaar geprobeerd. Probeer het ${retryAfterText(retryAfterMs)} opnieuw.`, 429);

export const notSignedIn = (): FormOutcome => formError('U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.', 401);

export const forbidden = (): FormOutcome => formError('U mag dit niet doen met uw account.', 403);
