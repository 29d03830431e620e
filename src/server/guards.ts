/** Small helpers pages use to send visitors to the login page and back. */
import type { AstroGlobal } from 'astro';

export function loginRedirect(Astro: AstroGlobal): Response {
  const back = Astro.url.pathname + Astro.url.search;
  return Astro.redirect(`/account/inloggen/?terug=${encodeURIComponent(back)}`, 303);
}

/** Pages that carry a one-time token in their URL must not leak it in a Referer header. */
export function protectTokenInUrl(Astro: AstroGlobal): void {
  Astro.response.headers.set('Referrer-Policy', 'strict-origin');
}
