/**
 * Where to send someone back to after logging in (`?terug=` on the login page, the login form's
 * `next` field, the follow buttons' `next`). Only a path on this site, so a crafted link cannot
 * send a person elsewhere. The value is resolved with the URL parser against the site's origin and
 * only the parser's own, percent-encoded path and query come back: what the browser follows is
 * exactly what was checked, and a Location header never carries a newline or non-Latin-1 text.
 */
import { config } from '#platform/config.ts';

/** Where a person lands after logging in when no (safe) return path was given. */
export const DEFAULT_RETURN_PATH = '/account/';

/** Longer values are not ours: our own paths with a query stay far below this. */
const MAX_LENGTH = 1000;

/**
 * Browsers silently drop tab, newline and carriage return anywhere in a URL and trim control
 * characters and spaces at both ends, and treat `\` as `/`: "/\t/evil.example" becomes
 * "//evil.example". We refuse such values instead of guessing what a browser makes of them;
 * format characters (bidi overrides, zero-width) have no place in our paths either.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Z}\\]/u;

/** A path (with query and fragment) on `origin` for `value`, or DEFAULT_RETURN_PATH. */
export function safeReturnPath(value: string | null | undefined, origin: string = config().siteUrl): string {
  if (!value || value.length > MAX_LENGTH) return DEFAULT_RETURN_PATH;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE_CHARACTERS.test(value)) return DEFAULT_RETURN_PATH;
  if (decodesToUnsafe(value.split(/[?#]/, 1)[0]!)) return DEFAULT_RETURN_PATH;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== new URL(origin).origin) return DEFAULT_RETURN_PATH;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can still produce a protocol-relative path: "/.//evil.example" → "//evil.example",
  // and "/./%2F/evil.example" → "/%2F/evil.example", which decodes to one. So the parser's own
  // path is checked once more, decoded, after it removed the dot segments.
  if (!path.startsWith('/') || path.startsWith('//') || decodesToUnsafe(url.pathname)) return DEFAULT_RETURN_PATH;
  return path;
}

/** How often a path is decoded at most: a proxy decoding more often than this is not plausible. */
const MAX_DECODE_ROUNDS = 5;

/**
 * Encoded forms of the same tricks (%2F%2F, %5C, %09, or %252F decoded twice): a server or proxy
 * that decodes the path again (and merges slashes) would see them, so a path that decodes, once
 * or repeatedly, to something starting with two slashes or holding an unsafe character is refused.
 * A malformed escape ("%E0%A4%A") is refused in the first round; in a later round it only means
 * nothing more can be decoded.
 */
function decodesToUnsafe(rawPath: string): boolean {
  let path = rawPath;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return round === 0;
    }
    if (decoded.startsWith('//') || UNSAFE_CHARACTERS.test(decoded)) return true;
    if (decoded === path) return false;
    path = decoded;
  }
  // Still changing after many rounds: nothing of ours is encoded that deeply.
  return true;
}
