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

import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, queryWords } from './search/words.ts';
import { stemDutch } from './search/dutch-stem.ts';

export { MAX_QUERY_LENGTH };

/** At most this many words are searched; the rest of a pasted paragraph is ignored. */
export const MAX_SEARCH_TERMS = MAX_QUERY_TERMS;
/** A longer word is cut to this many characters (and then matches as a prefix). */
export const MAX_TERM_LENGTH = 40;
/** Words with at least this many characters match as a prefix. */
export const MIN_PREFIX_LENGTH = 3;

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
 *
 * The pitch table holds the words as written, so the Dutch forms are found from the query's
 * side: each meaningful word (domain/search/words.ts leaves out the little words of a question)
 * matches as a prefix in any of its forms: as typed ("basisbanen"), as its key ("basisban", which
 * also starts "basisbanen"), and as its key with the last vowel long again ("basisbaan",
 * "gemeent", "idee"), so singular, plural and diminutive find each other. Words are ANDed.
 */
export function matchExpression(input: string): string | null {
  const chosen = matchedWords(input);
  if (chosen.length === 0) return null;
  // FTS5 wants AND spelled out between groups in brackets.
  return chosen.map((word) => `(${wordForms(word).map(asPrefix).join(' OR ')})`).join(' AND ');
}

/** The words a query searches (queryWords), each cut to MAX_TERM_LENGTH characters. */
function matchedWords(input: string): string[] {
  return [...new Set(queryWords(input).map((word) => [...word].slice(0, MAX_TERM_LENGTH).join('')))];
}

/**
 * The prefixes a found pitch is ranked by: the forms of each word the query searched, without a
 * form another form of the same word already begins ("basisban" covers "basisbanen"), so a word
 * found in one form is not counted twice.
 */
export function rankingForms(input: string): string[] {
  return matchedWords(input).flatMap((word) => {
    const forms = wordForms(word);
    return forms.filter((form) => !forms.some((other) => other !== form && form.startsWith(other)));
  });
}

/** The forms a word's prefix is searched in: as typed, its key, and its key with a long vowel. */
export function wordForms(folded: string): string[] {
  const key = stemDutch(folded);
  if (key === folded) return [folded];
  // Only a single vowel can be long again: "ban" → "baan", never "biedt" → "bieedt".
  const long = key.replace(/(^|[^aeiouy])([aeou])([^aeiouy]+)$/, '$1$2$2$3');
  return [...new Set([folded, key, long])].filter((form) => form !== '');
}

/**
 * A form as an FTS5 term: a prefix from MIN_PREFIX_LENGTH letters on; a number always whole,
 * since "4242" means that number, not 42420 or 424299.
 */
function asPrefix(term: string): string {
  return [...term].length >= MIN_PREFIX_LENGTH && !/^\d+$/.test(term) ? `${quoted(term)}*` : quoted(term);
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
