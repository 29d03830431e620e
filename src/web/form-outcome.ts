/**
 * What a form action answers, in one shape every page understands: where to go on success,
 * or a status with a form-level message and/or messages per field.
 */
import { retryAfterText } from '#platform/auth/rate-limit.ts';

export type FormOutcome =
  | { ok: true; redirect: string }
  | { ok: false; status: number; message?: string; fields?: Record<string, string> };

/**
 * Outcomes made here, so a form action can tell its own answer from a use case's result union
 * (both have `ok`); a WeakSet leaves the objects themselves as they are sent to the page.
 */
const made = new WeakSet<object>();
const outcome = <T extends FormOutcome>(value: T): T => {
  made.add(value);
  return value;
};

/** Whether a value is an outcome made by this module (and not a use case's result). */
export const isFormOutcome = (value: unknown): value is FormOutcome => typeof value === 'object' && value !== null && made.has(value);

export const redirectTo = (redirect: string): FormOutcome => outcome({ ok: true, redirect });

export const fieldErrors = (fields: Record<string, string>, status = 422): FormOutcome => outcome({ ok: false, status, fields });

export const formError = (message: string, status = 400): FormOutcome => outcome({ ok: false, status, message });

export const rateLimited = (retryAfterMs: number): FormOutcome =>
  formError(`U heeft het te vaak achter elkaar geprobeerd. Probeer het ${retryAfterText(retryAfterMs)} opnieuw.`, 429);

export const notSignedIn = (): FormOutcome => formError('U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.', 401);

export const forbidden = (): FormOutcome => formError('U mag dit niet doen met uw account.', 403);
