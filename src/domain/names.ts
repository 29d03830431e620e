/**
 * Names (of people and of organisations) are one line of printable text. They end up in
 * e-mail to other people and on pages, so a name may not carry line breaks, control
 * characters or invisible format characters (bidi overrides, zero-width), which let a
 * "name" add its own paragraph and link to a real e-mail.
 * nameProblem() refuses such input at the edge and in the domain; oneLine() is the defence in
 * depth for text that is put into an e-mail anyway (older rows, other callers).
 */

/** Line breaks of any kind (LF, CR, NEL, line and paragraph separators). */
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/u;
/** Control characters (C0, DEL, C1), tabs included. */
const CONTROL = /\p{Cc}/u;
/** Format characters: bidi embeddings and isolates (U+202A–202E, U+2066–2069), zero-width ones, soft hyphen, BOM. */
const FORMAT = /\p{Cf}/u;
/** A link with a scheme or www.: never in any name (organisations included). */
const LINK = /[a-z][a-z\d+.-]*:\/\/|\bwww\./iu;
/**
 * In a person's name also nothing shaped like an address, which a mail client turns into a
 * link even without a scheme ("praktijkplein-hulp.nl/herstel", "mailto:x@evil.nl"): any
 * "scheme:", an "@", or a word.word shape ending in two or more letters (a domain).
 * Initials ("J.R.R. Tolkien") stay allowed. Organisation names may look like a domain
 * ("Bol.com"): a curator looks at every new organisation before anyone else sees it.
 */
const ADDRESS = /[a-z][a-z\d+.-]*:|@|[\p{L}\p{N}-]{2,}\.\p{L}{2,}/iu;

export type NameKind = 'person' | 'organisation';

/** A Dutch message when `text` is not one line of printable text that can serve as a name, or null. */
export function nameProblem(text: string, kind: NameKind = 'person'): string | null {
  if (LINE_BREAK.test(text)) return 'Een naam past op één regel: haal de regeleinden weg.';
  if (CONTROL.test(text)) return 'Een naam mag geen tabs of andere stuurtekens bevatten.';
  if (FORMAT.test(text)) return 'Een naam mag geen onzichtbare tekens bevatten (zoals tekens die de schrijfrichting omdraaien). Typ de naam opnieuw in plaats van hem te plakken.';
  if (LINK.test(text)) return 'Een naam mag geen webadres bevatten.';
  if (kind === 'person' && ADDRESS.test(text)) return 'Een naam mag geen webadres, e-mailadres of dubbele punt bevatten.';
  return null;
}

/**
 * `text` as one line of printable text of at most `max` characters: control characters and
 * line breaks become spaces, format characters and links go (for a person's name also
 * anything shaped like an address), runs of whitespace become one space.
 */
export function oneLine(text: string, max = 100, kind: NameKind = 'person'): string {
  const flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(kind === 'person' ? /\S*(?:[a-z][a-z\d+.-]*:|\bwww\.|@|[\p{L}\p{N}-]{2,}\.\p{L}{2,})\S*/giu : /\S*(?:[a-z][a-z\d+.-]*:\/\/|\bwww\.)\S*/giu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const characters = [...flat];
  return characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : flat;
}
