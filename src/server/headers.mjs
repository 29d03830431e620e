/**
 * Security and caching headers for every response, prerendered files included (DESIGN.md §4).
 * Plain JavaScript because server.mjs loads it directly, outside the Astro build.
 */

/** Pagefind needs 'wasm-unsafe-eval' for its WebAssembly and a blob: worker. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** @param {import('node:http').ServerResponse} res @param {{ production: boolean }} options */
export function setSecurityHeaders(res, { production }) {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  res.setHeader('X-Frame-Options', 'DENY');
  if (production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

/**
 * Hashed build assets never change under the same name, so they are cached for a year;
 * everything else is revalidated so a new deploy shows at once.
 * @param {string} pathname
 */
export function cacheControlFor(pathname) {
  if (pathname.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (pathname.startsWith('/pagefind/') && /\.(pf_fragment|pf_index|pf_filter|pf_meta)$/.test(pathname) && /_[0-9a-f]{6,}/.test(pathname)) {
    return 'public, max-age=31536000, immutable';
  }
  return 'public, max-age=0, must-revalidate';
}
