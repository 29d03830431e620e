/**
 * Security and caching headers for every response, prerendered files included (docs/architecture.md).
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

/** Text types answered without a charset get `charset=utf-8` (every page and feed is UTF-8). */
const TEXTUAL = /^(?:text\/[\w.+-]+|application\/(?:json|xml|rss\+xml|atom\+xml|javascript|manifest\+json))$/i;

/**
 * The Content-Type to send instead of `type`: with `charset=utf-8` when a textual type lacks one.
 * @param {string} type
 */
export function withCharset(type) {
  if (/;\s*charset=/i.test(type)) return type;
  const essence = type.split(';')[0].trim();
  return TEXTUAL.test(essence) ? `${type.trim().replace(/;\s*$/, '')}; charset=utf-8` : type;
}

/**
 * The Content-Type for a file served from dist/client where the extension alone says too little:
 * the RSS feed is RSS, sitemaps are XML for machines (not `text/xml`). Undefined: keep sirv's guess.
 * @param {string} pathname
 */
export function staticContentType(pathname) {
  if (pathname === '/rss.xml') return 'application/rss+xml; charset=utf-8';
  if (pathname.endsWith('.xml')) return 'application/xml; charset=utf-8';
  return undefined;
}

/**
 * Makes every response's Content-Type carry a charset where it is text, whichever way it is
 * set (setHeader before writeHead, or a header object passed to writeHead as Astro does).
 * @param {import('node:http').ServerResponse} res
 */
export function ensureCharset(res) {
  const writeHead = res.writeHead;
  // @ts-expect-error -- same signature, wrapped
  res.writeHead = function (statusCode, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object');
    if (headers && !Array.isArray(headers)) {
      for (const key of Object.keys(headers)) {
        if (key.toLowerCase() === 'content-type' && typeof headers[key] === 'string') headers[key] = withCharset(headers[key]);
      }
    }
    const current = res.getHeader('content-type');
    if (typeof current === 'string') res.setHeader('Content-Type', withCharset(current));
    return writeHead.call(this, statusCode, ...rest);
  };
}
