/**
 * A page's view of its form after a POST: the values to put back (never passwords), the
 * message per field, a form-level message, and the status code to answer with.
 */
import { isInputError } from 'astro:actions';
import type { AstroGlobal } from 'astro';
import type { FormOutcome } from './form-outcome.ts';
import type { TokenPurpose } from '#platform/auth/one-time-token.ts';
import { checkOneTimeToken } from '#platform/auth/one-time-token.ts';
import { appDatabase } from './app-database.ts';

/**
 * Fields whose value is never sent back to the browser: passwords and one-time tokens only.
 * (The login form's `next`, its return path, is not a secret and must survive a failed login.)
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['password', 'currentPassword', 'newPassword', 'token']);

export interface FormState {
  submitted: boolean;
  /** A message or a field error is shown (pages prefix their title with "Fout: "). */
  hasErrors: boolean;
  values: Record<string, string>;
  /** Every value per name, for fields sent more than once (a group of checkboxes). */
  lists: Record<string, string[]>;
  fields: Record<string, string>;
  message?: string;
  redirect?: string;
}

/** zod's own messages: English and technical ("Invalid input: expected string, received null"). */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

/** For a field the page fills itself (a hidden id, a button's value) or a file where text belongs. */
const FORM_FAULT = 'Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog eens.';

/**
 * Fields the page fills itself: hidden inputs and the value of the button pressed. No page shows
 * a message beside them (there is nothing to see), so theirs goes above the form.
 */
const PAGE_FILLED = new Set(['pitchId', 'offerId', 'employerId', 'userId', 'organisationId', 'decisionId', 'suggestionId', 'sessionId', 'version', 'intent', 'answer', 'decision', 'handled', 'next', 'token', 'revisionId', 'activityId', 'draftId', 'baseHash', 'contentId', 'isNew']);

/**
 * The messages of a refused form as the page shows them: the first per field a person fills
 * in, and one above the form for the rest. zod's own English message only arises for what a
 * person cannot type (our schemas give every typed field a Dutch one): it becomes a Dutch one.
 * Every page shows the message above the form, also those that show no field messages; before,
 * such a refusal showed nothing, or zod's English (found by the bad-input test).
 */
export function inputErrorMessages(errors: Record<string, string[] | undefined>): { fields: Record<string, string>; message?: string } {
  const fields: Record<string, string> = {};
  let fault = false;
  let pageFieldMessage: string | undefined;
  for (const [name, messages] of Object.entries(errors)) {
    const first = messages?.[0];
    if (!first) continue;
    if (ZOD_DEFAULT.test(first)) fault = true;
    else if (PAGE_FILLED.has(name)) pageFieldMessage ??= first;
    else fields[name] = first;
  }
  const message = fault ? FORM_FAULT : pageFieldMessage;
  return message ? { fields, message } : { fields };
}

type ActionLike = Parameters<AstroGlobal['getActionResult']>[0];

/**
 * The state of whichever of `actions` was submitted (a page may host several forms). For a page
 * that reads each of its forms' states separately; a page with one state uses readPageFormState.
 */
export async function readFormState(Astro: AstroGlobal, ...actions: ActionLike[]): Promise<FormState> {
  return withErrors(await readState(Astro, actions, false));
}

/**
 * The state of whichever of the page's actions was submitted, or of an action posted here that
 * the page does not host: its refusal shows above the page with its own status (a form aimed at
 * the wrong page answered a silent 200 before), its success goes where the action says. Every
 * page guard (guards.ts) reads the form this way.
 */
export async function readPageFormState(Astro: AstroGlobal, ...pageActions: ActionLike[]): Promise<FormState> {
  return withErrors(await readState(Astro, pageActions, true));
}

function withErrors(state: Omit<FormState, 'hasErrors'>): FormState {
  return { ...state, hasErrors: Boolean(state.message) || Object.keys(state.fields).length > 0 };
}

/** The posted form's action name (`?_action=offers.edit`), when this request is one. */
function postedActionName(Astro: AstroGlobal): string | undefined {
  if (Astro.request.method !== 'POST') return undefined;
  return Astro.url.searchParams.get('_action') ?? undefined;
}

/**
 * The result of an action posted to a page that does not host it (a form aimed at the wrong
 * page, or a crafted post): Astro ran it, but no page would show what it answered, so a refusal
 * looked like a silent 200. Astro's getActionResult matches an action by its query string, which
 * is all that is needed to read the result of one the page does not import.
 */
function strayResult(Astro: AstroGlobal, pageActions: ActionLike[]): ActionResultLike | undefined {
  const name = postedActionName(Astro);
  if (name === undefined) return undefined;
  const queryString = `?${new URLSearchParams({ _action: name })}`;
  if (pageActions.some((action) => String(action) === queryString)) return undefined;
  return Astro.getActionResult({ toString: () => queryString } as unknown as ActionLike) as ActionResultLike | undefined;
}

type ActionResultLike = { data?: FormOutcome; error?: unknown };

/** Above the page when a form from elsewhere was refused without a message of its own (only field messages that belong to that form). */
const STRAY_REFUSED = 'Dit formulier is niet verwerkt en er is niets opgeslagen. Ga terug naar de pagina van het formulier en probeer het daar opnieuw.';

async function readState(Astro: AstroGlobal, pageActions: ActionLike[], readStrays: boolean): Promise<Omit<FormState, 'hasErrors'>> {
  const own = pageActions.map((action) => Astro.getActionResult(action)).find(Boolean) as ActionResultLike | undefined;
  const stray = own || !readStrays ? undefined : strayResult(Astro, pageActions);
  const result = own ?? stray;
  if (!result) return { submitted: false, values: {}, lists: {}, fields: {} };
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  try {
    // After a refused post's redirect the values come back from the middleware (form-replay.ts);
    // a form from elsewhere has fields of its own: none of them is put back into this page's forms.
    for (const [name, value] of stray ? [] : (Astro.locals.formReplay ?? (await Astro.request.formData()))) {
      if (typeof value === 'string' && !SECRET_FIELDS.has(name)) {
        values[name] = value;
        (lists[name] ??= []).push(value);
      }
    }
  } catch {
    // The body could not be read again; the fields simply start empty.
  }
  if (stray && !stray.error && stray.data && !stray.data.ok) {
    // The refusal's own status and message; its field messages belong to a form this page does not show.
    Astro.response.status = stray.data.status;
    return { submitted: true, values, lists, fields: {}, message: stray.data.message ?? STRAY_REFUSED };
  }
  if (stray && isInputError(stray.error)) {
    Astro.response.status = 422;
    return { submitted: true, values, lists, fields: {}, message: inputErrorMessages(stray.error.fields as Record<string, string[] | undefined>).message ?? STRAY_REFUSED };
  }
  if (result.error) {
    if (isInputError(result.error)) {
      Astro.response.status = 422;
      return { submitted: true, values, lists, ...inputErrorMessages(result.error.fields as Record<string, string[] | undefined>) };
    }
    const status = (result.error as { status?: number }).status ?? 500;
    Astro.response.status = status;
    // A stray post of an unknown or refused action is the sender's mistake, not ours.
    if (!stray || status >= 500) console.error('Formulier mislukt:', result.error);
    return {
      submitted: true,
      values,
      lists,
      fields: {},
      message:
        status >= 500
          ? 'Er ging iets mis aan onze kant. Er is niets opgeslagen; probeer het over een paar minuten opnieuw.'
          : 'Dit formulier kon niet worden verwerkt. Laad de pagina opnieuw en probeer het nog eens.',
    };
  }
  const outcome = result.data!;
  if (outcome.ok) return { submitted: true, values, lists, fields: {}, redirect: outcome.redirect };
  Astro.response.status = outcome.status;
  return { submitted: true, values, lists, fields: outcome.fields ?? {}, message: outcome.message };
}

/**
 * The shared start of a page opened from an e-mail link: keep the token out of Referer
 * headers, read the form, and check the token without using it (opening changes nothing).
 */
export async function readTokenPage(Astro: AstroGlobal, action: ActionLike, purpose: TokenPurpose) {
  Astro.response.headers.set('Referrer-Policy', 'strict-origin');
  const state = await readPageFormState(Astro, action);
  const token = Astro.url.searchParams.get('token') ?? '';
  const check = await checkOneTimeToken(await appDatabase(), token, purpose);
  if (!check.ok && !state.submitted) Astro.response.status = 400;
  /** Posts to the same URL (token included) with the action's marker. */
  const formAction = `?token=${encodeURIComponent(token)}&${String(action).slice(1)}`;
  return { state, token, check, formAction };
}
