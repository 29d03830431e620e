/**
 * The start every on-demand page shares: answer a finished post with its redirect, send a
 * visitor to the login page (and back), and set the status for "not for you" (403) or "not
 * there" (404). A guard returns either `{ response }`, which the page returns as it is, or what
 * the page goes on with, so a page reads:
 *
 *   const page = await signedInPage(Astro, actions.editor.saveCase);
 *   if (page.response) return page.response;
 *   const allowed = requireCan(Astro, page.actor, 'content:edit');
 *
 * Pages still render their own 403/404 text (a sentence and a way back), so the guards set the
 * status and leave the body to the page. A record one may not see answers 404, as one that
 * does not exist, so a URL does not tell whether a hidden record is there.
 */
import type { AstroGlobal } from 'astro';
import { readPageFormState, type FormState } from '#web/form-state.ts';
import { can, type Action, type Actor, type SubjectArgs } from '#domain/policy.ts';
import type { Deps } from '#platform/context.ts';
import { safeReturnPath } from './return-path.ts';
import { depsFor } from './request.ts';

type ActionLike = Parameters<AstroGlobal['getActionResult']>[0];

/** What a guard answers when the page must not render: return it as it is. */
export interface Stop {
  response: Response;
}

/** To the login page, with the current page (if it is a safe path) as the place to return to. */
export function loginRedirect(Astro: AstroGlobal): Response {
  const back = safeReturnPath(Astro.url.pathname + Astro.url.search);
  return Astro.redirect(`/account/inloggen/?terug=${encodeURIComponent(back)}`, 303);
}

/**
 * A page with forms: the state of whichever of `pageActions` was posted, or the redirect a
 * successful post asked for. An action posted here that the page does not host is answered too
 * (readPageFormState): its refusal as the page's message and status, its success by its redirect.
 */
export async function formPage(Astro: AstroGlobal, ...pageActions: ActionLike[]): Promise<Stop | { response?: undefined; state: FormState }> {
  const state = await readPageFormState(Astro, ...pageActions);
  if (state.redirect) return { response: Astro.redirect(state.redirect, 303) };
  return { state };
}

/** Who is signed in: the actor with the person and organisation it was made from (the middleware sets all three or none). */
export interface SignedIn {
  actor: Actor;
  user: NonNullable<App.Locals['user']>;
  organisation: NonNullable<App.Locals['organisation']>;
}

/** The signed-in person, or the login redirect that brings a visitor back here afterwards. */
export function requireActor(Astro: AstroGlobal): Stop | ({ response?: undefined } & SignedIn) {
  const { actor, user, organisation } = Astro.locals;
  if (!actor || !user || !organisation) return { response: loginRedirect(Astro) };
  return { actor, user, organisation };
}

/** A page for signed-in people with forms: `formPage` then `requireActor`, in that order (a post is read before anything else). */
export async function signedInPage(Astro: AstroGlobal, ...pageActions: ActionLike[]): Promise<Stop | ({ response?: undefined; state: FormState } & SignedIn)> {
  const form = await formPage(Astro, ...pageActions);
  if (form.response) return form;
  const signedIn = requireActor(Astro);
  if (signedIn.response) return signedIn;
  return { state: form.state, ...signedIn };
}

/**
 * A signed-in page whose use case answers null to whom may not see it (the curators' pages):
 * `signedInPage`, then the use case's answer as `data`, with 403 set when it is null (the page
 * still renders its own explanation). `deps` is there for the page's further loads.
 */
export async function loadedPage<T>(
  Astro: AstroGlobal,
  load: (deps: Deps, actor: Actor) => Promise<T | null>,
  ...pageActions: ActionLike[]
): Promise<Stop | ({ response?: undefined; state: FormState; deps: Deps; data: T | null } & SignedIn)> {
  const page = await signedInPage(Astro, ...pageActions);
  if (page.response) return page;
  const deps = await depsFor(Astro);
  const data = await load(deps, page.actor);
  if (data === null) Astro.response.status = 403;
  return { ...page, deps, data };
}

/** Whether the policy allows it; when not, the page answers 403 (it still renders its own explanation). */
export function requireCan<A extends Action>(Astro: AstroGlobal, actor: Actor | null, action: A, ...subject: SubjectArgs<A>): boolean {
  const allowed = can(actor, action, ...subject);
  if (!allowed) Astro.response.status = 403;
  return allowed;
}

/** Sets the status for what a use case found: 403 for a refusal, 404 for nothing (or nothing one may see); true when found. */
export function answerFor(Astro: AstroGlobal, outcome: 'found' | 'forbidden' | 'missing'): boolean {
  if (outcome === 'forbidden') Astro.response.status = 403;
  else if (outcome === 'missing') Astro.response.status = 404;
  return outcome === 'found';
}

/**
 * The site's own "niet gevonden" page for an address no page serves (an unknown content kind,
 * a step a kind does not have): the same answer as for a URL with no route at all.
 */
export function notFound(): Stop {
  return { response: new Response(null, { status: 404 }) };
}
