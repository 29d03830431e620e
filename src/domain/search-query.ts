/**
 * Home of turning what a person types into an SQLite FTS5 MATCH expression,
 * for the pitch search and the content search alike. Raw input is FTS5 query syntax: `wie biedt?`
 * is a syntax error, and `AND`, `OR`, `NOT`, `NEAR(`, `*`, `-`, `^`, `:` and `"` are operators
 * (docs/architecture.md). So the input is cut into words the way the unicode61 tokenizer cuts text
 * (letters, digits and combining marks belong to a word; everything else separates, emoji
 * included), and each word becomes a quoted FTS5 string: an operator word is then just a word.
 *
 * Prefix matching: every word of three letters or more matches as a prefix (`"poel"*`), not only
 * the last one. Dutch glues words together ("pakketsorteercentra", "regelluwe", "loonwaarde-
 * bepaling") and the tokenizer does no stemming, so a prefix on every word is what finds them;
 * words of one or two letters match whole, because `"a"*` would match nearly every row.
 * Words are ANDed (FTS5's default): more words narrow the result, as people expect.
 */

/** At most this many words are searched; the rest of a pasted paragraph is ignored. */
export const MAX_SEARCH_TERMS = 8;
/** A longer word is cut to this many characters (and then matches as a prefix). */
export const MAX_TERM_LENGTH = 40;
/** Words with at least this many characters match as a prefix. */
export const MIN_PREFIX_LENGTH = 3;
/** Input beyond this length is not read at all. */
export const MAX_QUERY_LENGTH = 500;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a query, lower-cased, duplicates removed, at most MAX_SEARCH_TERMS, each at most MAX_TERM_LENGTH characters. */
export function searchTerms(input: string): string[] {
  const text = [...String(input ?? '')].slice(0, MAX_QUERY_LENGTH).join('').normalize('NFC').toLowerCase();
  const words = (text.match(WORD) ?? []).map((word) => [...word].slice(0, MAX_TERM_LENGTH).join(''));
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** One word as an FTS5 string: quotes doubled (words have none, but the quoting must not rely on that). */
function quoted(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * The MATCH expression for a query, or null when it has no words (then there is nothing to
 * search and the caller shows no results instead of asking the database).
 */
export function matchExpression(input: string): string | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return terms.map((term) => ([...term].length >= MIN_PREFIX_LENGTH ? `${quoted(term)}*` : quoted(term))).join(' ');
}

/** A piece of an excerpt: text, and whether it matched the query (shown highlighted). */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/** Marks that the database puts around matched words in snippet(); control characters, so no text contains them. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

/**
 * Splits a snippet() result into parts, so the page can escape the text and highlight the
 * matches itself: the snippet is user text and never becomes HTML. Markdown punctuation that
 * reads as noise in an excerpt (emphasis, heading and list marks at a line start, link targets)
 * is dropped.
 */
export function excerptParts(snippet: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pieces = snippet.split(SNIPPET_OPEN);
  pieces.forEach((piece, index) => {
    const [marked, rest] = index === 0 ? [undefined, piece] : splitOnce(piece, SNIPPET_CLOSE);
    if (marked) parts.push({ text: withoutMarkup(marked), match: true });
    if (rest) parts.push({ text: withoutMarkup(rest), match: false });
  });
  return parts.filter((part) => part.text !== '');
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

function withoutMarkup(text: string): string {
  return text
    .replaceAll(SNIPPET_CLOSE, '')
    .replace(/(^|\n)[ \t]*(?:#{1,6}|>+|[-+*]|\d+[.)])[ \t]+/g, '$1')
    .replace(/\]\([^)\s]*\)?/g, '')
    .replace(/[*_`[\]]+/g, '')
    .replace(/\s+/g, ' ');
}
