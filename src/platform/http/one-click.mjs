/**
 * RFC 8058 one-click unsubscribe, as server.mjs lets it in. A mail provider
 * unsubscribes by POSTing `List-Unsubscribe=One-Click` as a form to the digest's
 * List-Unsubscribe URL (/afmelden/?t=…), from its own servers: no cookies, no Origin header, or
 * another site's. Astro's origin check (security.checkOrigin, which stays on for every other
 * route) refuses every form POST whose Origin is not the site's own, and it runs before any
 * middleware of ours, so it would refuse the provider. This one route is exempt: its POST is
 * authorised by the token in its URL, never by a session cookie, and does one thing (switch the
 * digest off), so a cross-site POST can do nothing that the holder of the mail could not.
 * The exemption is made by giving the body a content type of its own: Astro's check only
 * concerns form types, and the page (src/pages/afmelden/index.astro) reads no body at all.
 */

/** The one path whose POST is exempt. */
export const ONE_CLICK_PATH = '/afmelden/';

/** What the exempt POST's content type becomes (not a form type, so Astro's origin check lets it pass). */
export const ONE_CLICK_CONTENT_TYPE = 'application/x-praktijkplein-one-click';

/**
 * Marks a POST to the unsubscribe page as a one-click unsubscribe; true when it did.
 * @param {{ method?: string, headers: Record<string, string | string[] | undefined> }} req
 * @param {string} pathname
 */
export function exemptOneClick(req, pathname) {
  if (req.method !== 'POST' || pathname !== ONE_CLICK_PATH) return false;
  req.headers['content-type'] = ONE_CLICK_CONTENT_TYPE;
  return true;
}
