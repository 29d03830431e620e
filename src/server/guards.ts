/** Small helpers pages use to send visitors to the login page and back. */
import type { AstroGlobal } from 'astro';

export function loginRedirect(Astro: AstroGlobal): Response {
  const back = Astro.url.pathname + Astro.url.search;
  return Astro.redirect(`/account/inloggen/?terug=${encodeURIComponent(back)}`, 303);
}
