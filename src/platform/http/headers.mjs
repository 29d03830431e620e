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

/**
 * The addresses other sites may show in a frame: the embeds (docs/decisions/embeds.md). Every
 * other address refuses to be framed, so no page with a form or a session can be clickjacked.
 */
export const EMBED_PATH_PREFIX = '/embed/';

/**
 * An embed is plain HTML and one stylesheet: nothing runs, nothing is sent, nothing else loads.
 * Any web page (http: or https:) may frame it; `*` would say the same for web pages, the schemes
 * say it plainly and leave out local ones (a file on disk, a data: or blob: document).
 */
export const embedContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors https: http:',
].join('; ');

/**
 * Whether a request target is an embed address. Read as the app reads it (the URL parser
 * resolves `..`, `%2e%2e` and backslashes), so `/embed/../pitches/x/` is the pitch page here
 * too and stays unframeable.
 * @param {string} target the request's path and query, as `req.url` has it
 */
export function isEmbedPath(target) {
  try {
    return new URL(target, 'http://praktijkplein.invalid').pathname.startsWith(EMBED_PATH_PREFIX);
  } catch {
    return false;
  }
}

/**
 * Every response's security headers. Embeds may be framed by any site and are fetched from
 * other origins' pages (Cross-Origin-Resource-Policy: cross-origin, so a host that isolates
 * itself with COEP can still show one); everything else is `DENY`.
 * @param {import('node:http').ServerResponse} res
 * @param {{ production: boolean, url?: string }} options `url`: the request target (`req.url`)
 */
export function setSecurityHeaders(res, { production, url = '/' }) {
  const embed = isEmbedPath(url);
  res.setHeader('Content-Security-Policy', embed ? embedContentSecurityPolicy : contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', embed ? 'cross-origin' : 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  if (!embed) res.setHeader('X-Frame-Options', 'DENY');
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
