/**
 * POST/Redirect/GET for the site's forms, so a browser's address bar never shows
 * `?_action=…` and a reload never posts again. Astro runs a form's action and renders the page
 * at the address that was posted to; this step (called by the middleware, after the CSRF checks
 * and after resolving who is asking) runs the action itself, as Astro documents with
 * `getActionContext`, and then:
 *
 * - a success redirects (303) to where the action's outcome says;
 * - a refusal is kept in the database for one page load (`#platform/form-replay-store.ts`: the
 *   typed values without passwords and tokens, the action's result) and the browser is sent (303)
 *   to the page's own address; that page load takes it back, so `readFormState` shows the
 *   values and messages as before.
 *
 * Only for a browser's own navigation (`Sec-Fetch-Mode: navigate`): scripts, tests and old
 * browsers that do not say so get the page at the posted address, as before. A server error
 * (5xx), or a refusal that cannot be stored, also renders in place. See
 * docs/decisions/refused-post-redirect.md.
 */
import type { APIContext } from 'astro';
import { getActionContext } from 'astro:actions';
import type { Database } from '#db/client.ts';
import { formReplayCookieName, formReplayCookieOptions, keepFormReplay, takeFormReplay } from '#platform/form-replay-store.ts';
import { SECRET_FIELDS } from './form-state.ts';
import type { FormOutcome } from './form-outcome.ts';

/** The address a page answers at: the posted address without Astro's action marker. */
export function pageAddress(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('_action');
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/** Runs a browser's form post and answers with a redirect; undefined when Astro should handle it as usual. */
export async function redirectFormPost(context: APIContext, db: Database): Promise<Response | undefined> {
  if (context.request.method !== 'POST' || context.request.headers.get('sec-fetch-mode') !== 'navigate') return undefined;
  const { action, setActionResult, serializeActionResult } = getActionContext(context);
  if (!action || action.calledFrom !== 'form') return undefined;
  const result = await action.handler();
  const outcome = result.error ? undefined : (result.data as FormOutcome | undefined);
  if (outcome?.ok) return context.redirect(outcome.redirect, 303);
  const serialized = serializeActionResult(result);
  const status = result.error ? result.error.status : outcome?.status;
  if (status === undefined || status < 500) {
    try {
      const values = await typedValues(context.request);
      const cookie = formReplayCookieName();
      const path = pageAddress(context.url);
      const secret = await keepFormReplay(db, path, { actionName: action.name, result: serialized, values }, context.cookies.get(cookie)?.value);
      context.cookies.set(cookie, secret, formReplayCookieOptions());
      return context.redirect(path, 303);
    } catch (error) {
      console.error('Geweigerd formulier niet bewaard; de pagina toont het op het verzonden adres:', error);
    }
  }
  // Astro's own way: the page renders the result at the posted address.
  setActionResult(action.name, serialized);
  return undefined;
}

/** On the page load after a refused post: hands the page its result and typed values back. True when there was one. */
export async function restoreFormPost(context: APIContext, db: Database): Promise<boolean> {
  if (context.request.method !== 'GET') return false;
  const cookie = formReplayCookieName();
  const secret = context.cookies.get(cookie)?.value;
  if (!secret) return false;
  const replay = await takeFormReplay(db, secret, pageAddress(context.url));
  if (!replay) return false;
  context.cookies.delete(cookie, { path: '/' });
  getActionContext(context).setActionResult(replay.actionName, replay.result as Parameters<ReturnType<typeof getActionContext>['setActionResult']>[1]);
  context.locals.formReplay = replay.values;
  return true;
}

/** The posted text fields in order, without secrets (files are never kept). */
async function typedValues(request: Request): Promise<[string, string][]> {
  const values: [string, string][] = [];
  for (const [name, value] of await request.clone().formData()) {
    if (typeof value === 'string' && !SECRET_FIELDS.has(name)) values.push([name, value]);
  }
  return values;
}
