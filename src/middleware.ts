/**
 * Resolves who is asking (session cookie → Astro.locals, a user view without the password hash)
 * and guards state changes; nothing
 * here decides permissions (that is the policy module's job, inside each page and action).
 * Prerendered pages skip all of it: at build time there is no request and no user.
 */
import { defineMiddleware } from 'astro:middleware';
import { actorFrom } from '#features/accounts/actor.ts';
import { sessionCookieName, sessionCookieOptions } from '#platform/auth/cookie.ts';
import { validateSessionToken } from '#platform/auth/session.ts';
import { housekeeping } from '#features/jobs/housekeeping.ts';
import { warmPitchIndex } from '#features/marketplace/pitch-list.ts';
import { startMailLoop } from '#features/jobs/mail-loop.ts';
import { appDatabase } from '#web/app-database.ts';
import { cacheable, withPageCache } from '#platform/page-cache.ts';
import { redirectFormPost, restoreFormPost } from '#web/form-replay.ts';
import { isEmbedPath } from '#platform/http/headers.mjs';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A call of an Astro action: its RPC route, or a page's form with `?_action=`. */
const isActionRequest = (url: URL) => url.pathname.startsWith('/_actions/') || url.searchParams.has('_action');

/** A body Astro would parse as JSON (its check: the media type, whatever the parameters). */
const isJsonBody = (request: Request) => request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() === 'application/json';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.user = null;
  context.locals.organisation = null;
  context.locals.session = null;
  context.locals.actor = null;
  if (context.isPrerendered) return next();

  // Second line of CSRF defence after Astro's origin check: browsers say where a request
  // comes from; a state change must come from this site itself.
  if (!SAFE_METHODS.has(context.request.method)) {
    const site = context.request.headers.get('sec-fetch-site');
    if (site && site !== 'same-origin') {
      return new Response('Dit verzoek komt niet van Praktijkplein zelf en is geweigerd.', {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  }

  // Every action takes a form. Astro itself parses a JSON body sent to an action, and a
  // malformed one ("{") ended in a 500 (found by the bad-input test): refuse
  // JSON for actions here, as Astro does for well-formed JSON (415).
  if (!SAFE_METHODS.has(context.request.method) && isActionRequest(context.url) && isJsonBody(context.request)) {
    return new Response('Dit formulier kon niet worden verwerkt: stuur het als formulier, niet als JSON.', {
      status: 415,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }

  const db = await appDatabase();
  housekeeping(db);
  // The pitch list's facet index loads once per process: start it now, not on the first list.
  warmPitchIndex(db);
  // Normally started by server.mjs at start; here too, for a database that was not ready then
  // (and for the development server). Once per process.
  startMailLoop(db);
  // An embed is the same for everyone and shows on other sites: it reads no session and never
  // sets a cookie, whatever the browser sends (docs/decisions/embeds.md).
  if (isEmbedPath(context.url.pathname)) {
    return cacheable(context.request, context.url, false) ? withPageCache(db, context.request, context.url, next) : next();
  }
  const cookieName = sessionCookieName();
  const token = context.cookies.get(cookieName)?.value;
  if (token) {
    const current = await validateSessionToken(db, token);
    if (current) {
      context.locals.user = current.user;
      context.locals.organisation = current.organisation;
      context.locals.session = current.session;
      context.locals.actor = actorFrom(current.user, current.organisation);
      // Lucia's pattern: the cookie's lifetime follows the session's, so it is only sent again
      // when the session was extended; other responses carry no Set-Cookie.
      if (current.refreshed) context.cookies.set(cookieName, token, sessionCookieOptions());
    } else {
      context.cookies.delete(cookieName, { path: '/' });
    }
  }

  // A browser's form post answers with a redirect to the page (POST/Redirect/GET); the page
  // load after a refused one gets its typed values and messages back.
  const redirected = await redirectFormPost(context, db);
  if (redirected) return redirected;
  const restored = await restoreFormPost(context, db);

  // Public pages that look the same to every visitor come from the page cache (never for
  // anyone who carries a session cookie, valid or not).
  if (!restored && cacheable(context.request, context.url, Boolean(token))) return withPageCache(db, context.request, context.url, next);

  const response = await next();
  // Personal pages must never be stored by a browser or proxy cache.
  if (restored || context.locals.user || context.url.pathname.startsWith('/account') || context.url.pathname.startsWith('/beheer')) {
    response.headers.set('Cache-Control', 'no-store');
  }
  return response;
});
