/**
 * Names (of people and of organisations) are one line of printable text. They end up in
 * e-mail to other people and on pages, so a name may not carry line breaks, control
 * characters or invisible format characters (bidi overrides, zero-width), which let a
 * "name" add its own paragraph and link to a real e-mail (issue 6, item 5).
 * nameProblem() refuses such input at the edge and in the domain; oneLine() is the defence in
 * depth for text that is put into an e-mail anyway (older rows, other callers).
 */

/** Line breaks of any kind (LF, CR, NEL, line and paragraph separators). */
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/u;
/** Control characters (C0, DEL, C1), tabs included. */
const CONTROL = /\p{Cc}/u;
/** Format characters: bidi embeddings and isolates (U+202A–202E, U+2066–2069), zero-width ones, soft hyphen, BOM. */
const FORMAT = /\p{Cf}/u;
/** A web address does not belong in a name; in an e-mail it would become a link. */
const WEB_ADDRESS = /[a-z][a-z\d+.-]*:\/\/|\bwww\./iu;

/** A Dutch message when `text` is not one line of printable text that can serve as a name, or null. */
export function nameProblem(text: string): string | null {
  if (LINE_BREAK.test(text)) return 'Een naam past op één regel: haal de regeleinden weg.';
  if (CONTROL.test(text)) return 'Een naam mag geen tabs of andere stuurtekens bevatten.';
  if (FORMAT.test(text)) return 'Een naam mag geen onzichtbare tekens bevatten (zoals tekens die de schrijfrichting omdraaien). Typ de naam opnieuw in plaats van hem te plakken.';
  if (WEB_ADDRESS.test(text)) return 'Een naam mag geen webadres bevatten.';
  return null;
}

/**
 * `text` as one line of printable text of at most `max` characters: control characters and
 * line breaks become spaces, format characters and web addresses (with a scheme or www.) go,
 * runs of whitespace become one space.
 */
export function oneLine(text: string, max = 100): string {
  const flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/\S*(?:[a-z][a-z\d+.-]*:\/\/|\bwww\.)\S*/giu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const characters = [...flat];
  return characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : flat;
}
