/**
 * RFC 8058 one-click unsubscribe, as server.mjs lets it in. A mail provider
 * unsubscribes by POSTing `List-Unsubscribe=One-Click` as a form to the List-Unsubscribe URL
 * of the digest (/afmelden/?t=…) or of an at-once mail about a new pitch
 * (/afmelden/meteen/?t=…), from its own servers: no cookies, no Origin header, or another site's. Astro's origin check (security.checkOrigin, which stays on for every other
 * route) refuses every form POST whose Origin is not the site's own, and it runs before any
 * middleware of ours, so it would refuse the provider. These two routes are exempt: their POST is
 * authorised by the token in its URL, never by a session cookie, and does one thing (switch the
 * digest off, or the at-once mails), so a cross-site POST can do nothing that the holder of the
 * mail could not.
 * The exemption is made by giving the body a content type of its own: Astro's check only
 * concerns form types, and the pages (src/pages/afmelden/) read no body at all.
 */

/** The paths whose POST is exempt: the weekly digest's and the at-once mail's unsubscribe pages. */
export const ONE_CLICK_PATHS = ['/afmelden/', '/afmelden/meteen/'];

/** What the exempt POST's content type becomes (not a form type, so Astro's origin check lets it pass). */
export const ONE_CLICK_CONTENT_TYPE = 'application/x-praktijkplein-one-click';

/**
 * Marks a POST to an unsubscribe page as a one-click unsubscribe; true when it did.
 * @param {{ method?: string, headers: Record<string, string | string[] | undefined> }} req
 * @param {string} pathname
 */
export function exemptOneClick(req, pathname) {
  if (req.method !== 'POST' || !ONE_CLICK_PATHS.includes(pathname)) return false;
  req.headers['content-type'] = ONE_CLICK_CONTENT_TYPE;
  return true;
}
