/** Small helpers pages use to send visitors to the login page and back. */
import type { AstroGlobal } from 'astro';
import { safeReturnPath } from './return-path.ts';

/** To the login page, with the current page (if it is a safe path) as the place to return to. */
export function loginRedirect(Astro: AstroGlobal): Response {
  const back = safeReturnPath(Astro.url.pathname + Astro.url.search);
  return Astro.redirect(`/account/inloggen/?terug=${encodeURIComponent(back)}`, 303);
}
