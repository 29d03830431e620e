/**
 * Conditional GET (RFC 9110 §13): a strong entity tag from the body's hash, the `If-None-Match`
 * list read strictly (so a malformed one is refused rather than silently ignored), and
 * `If-Modified-Since`, which only counts without `If-None-Match` and is ignored when it is not
 * an HTTP date, as the RFC says.
 */
import { createHash } from 'node:crypto';

/** A strong entity tag for a body: the same bytes always give the same tag, on every instance. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** `*`, or the opaque tags listed (weak ones without their `W/`, since If-None-Match compares weakly). */
export type IfNoneMatch = { any: true } | { any: false; tags: string[] };

/** One list element: `*` is only allowed alone; an entity tag is `W/`? and a quoted run of etagc (RFC 9110 §8.8.3). */
const ELEMENT = /^(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;
const MAX_TAGS = 50;

/** Parses an If-None-Match value; undefined when it breaks the grammar (or lists absurdly many tags). */
export function parseIfNoneMatch(value: string): IfNoneMatch | undefined {
  const trimmed = value.trim();
  if (trimmed === '*') return { any: true };
  // Entity tags cannot hold a quote, so splitting at commas between tags is safe once each tag's
  // own commas are kept: split at commas outside quotes.
  const elements: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of trimmed) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      elements.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) return undefined;
  elements.push(current.trim());
  // A list may carry empty elements ("a, , b"), but not be empty as a whole.
  const tags = elements.filter((element) => element !== '');
  if (tags.length === 0 || tags.length > MAX_TAGS) return undefined;
  const opaque = tags.map((tag) => ELEMENT.exec(tag)?.[1]);
  if (opaque.some((tag) => tag === undefined)) return undefined;
  return { any: false, tags: opaque as string[] };
}

/** An HTTP date (IMF-fixdate) for a moment in milliseconds. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * Whether the client's copy is still current: its If-None-Match names the tag, or (without
 * If-None-Match) nothing changed since its If-Modified-Since. HTTP dates count whole seconds.
 */
export function isNotModified(conditions: { ifNoneMatch: IfNoneMatch | undefined; ifModifiedSince: string | null }, etag: string, lastModified: number | undefined): boolean {
  const { ifNoneMatch, ifModifiedSince } = conditions;
  if (ifNoneMatch) return ifNoneMatch.any || ifNoneMatch.tags.includes(etag.replace(/^W\//, ''));
  if (ifModifiedSince === null || lastModified === undefined) return false;
  // Only the IMF-fixdate form (and the obsolete forms Date.parse also reads) counts; anything else is ignored.
  const since = Date.parse(ifModifiedSince);
  if (Number.isNaN(since) || !/\bGMT$/.test(ifModifiedSince.trim())) return false;
  return Math.floor(lastModified / 1000) * 1000 <= since;
}
