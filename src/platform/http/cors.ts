/**
 * Cross-origin reading of the open-data API (the Fetch standard's CORS protocol): any website may
 * read the public data with GET or HEAD, without cookies. Nothing on these addresses depends on who
 * asks, so `*` gives nothing away. The response headers a script may read beyond the safelisted
 * ones are exposed here, and a preflight (a script that sends If-None-Match) is answered for a day.
 * Plain, erasable TypeScript: server.mjs loads it from source, for the answers it gives itself.
 */

/** The methods the API answers. */
export const API_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

/** Request headers a cross-origin script may send beyond the safelisted ones (conditional requests). */
const ALLOWED_REQUEST_HEADERS = ['If-None-Match', 'If-Modified-Since'];

/** Response headers a cross-origin script may read beyond the safelisted ones. */
const EXPOSED_HEADERS = ['ETag', 'Link', 'Retry-After', 'API-Version', 'Allow'];

/** On every API answer, errors included, so a script sees a 400 or 429 instead of a network error. */
export function corsHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    // The site's default (same-origin) would also stop cross-origin reads that are not CORS reads.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
}

/** The answer to OPTIONS: a CORS preflight when the browser asks for one, else just what the address allows. */
export function preflightHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = { ...corsHeaders(), Allow: API_METHODS.join(', '), 'Cache-Control': 'public, max-age=86400' };
  if (request.headers.has('origin') && request.headers.has('access-control-request-method')) {
    headers['Access-Control-Allow-Methods'] = API_METHODS.join(', ');
    headers['Access-Control-Allow-Headers'] = ALLOWED_REQUEST_HEADERS.join(', ');
    headers['Access-Control-Max-Age'] = '86400';
  }
  return headers;
}
