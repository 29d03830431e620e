/**
 * Home of cutting text and queries into search keys: words folded (lower case, accents off),
 * reduced by dutch-stem.ts, and the little words that say nothing about a page left out, so a
 * question typed as a sentence ("hoe krijg ik mensen uit de bijstand aan het werk") searches
 * for what it is about. Runs in the browser too (the as-you-type search), so it imports
 * nothing but dutch-stem.ts.
 */
import { foldWord, stemDutch } from './dutch-stem.ts';

/** At most this many words of a query are searched; the rest of a pasted paragraph is ignored. */
export const MAX_QUERY_TERMS = 8;
/** Input beyond this length is not read at all. */
export const MAX_QUERY_LENGTH = 500;

const WORD = /[\p{L}\p{N}\p{M}]+(?:[-'’][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Words that never decide what a page is about: articles, pronouns, prepositions, question
 * words and the verbs of a question. Folded, as foldWord leaves them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'de het een en of van in op te met voor aan uit bij over naar om tot door als dan die dat dit deze ' +
    'is zijn was waren wordt worden word werd ben bent heb hebt heeft hebben had kan kun kunt kunnen ' +
    'moet moeten wil wilt willen zal zullen mag mogen doe doet doen krijg krijgt krijgen vind vindt vinden ' +
    'zoek zoekt zoeken ik je jij u we wij ze zij hij mijn jouw uw ons onze hun er hier daar ' +
    'hoe wat wie waar wanneer waarom welke welk niet geen ook nog wel al meer veel zo'
  ).split(' '),
);

/**
 * The folded words of a text in order; an apostrophe ends a word ("auto's" → "auto"). In a
 * page, a hyphenated word counts as its parts and as one word ("re-integratie" gives "re",
 * "integratie" and "reintegratie"); in a query only as one word, so "re-integratie" and
 * "reïntegratie" typed find the same pages and "integratie" finds both.
 */
export function foldedWords(text: string, hyphenParts = true): string[] {
  const words: string[] = [];
  for (const match of String(text ?? '').matchAll(WORD)) {
    const pieces = match[0].split(/['’]/)[0]!.split('-').map(foldWord).filter(Boolean);
    if (hyphenParts || pieces.length === 1) words.push(...pieces);
    if (pieces.length > 1) words.push(pieces.join(''));
  }
  return words;
}

/** The search keys of a text, in order, stop words kept (a page's own words are all indexed). */
export function textKeys(text: string): string[] {
  return foldedWords(text).map(stemDutch);
}

/** What a person typed, folded into words, with the little words out unless the query is nothing but. */
function meaningfulWords(input: string): string[] {
  const folded = foldedWords([...String(input ?? '')].slice(0, MAX_QUERY_LENGTH).join(''), false);
  const meaningful = folded.filter((word) => !STOP_WORDS.has(word));
  return meaningful.length > 0 ? meaningful : folded;
}

/**
 * The words of what a person typed, as typed (folded): stop words out (unless the query is
 * nothing but), duplicates out, at most MAX_QUERY_TERMS. The pitch search builds its forms from
 * these (domain/search-query.ts).
 */
export function queryWords(input: string): string[] {
  return [...new Set(meaningfulWords(input))].slice(0, MAX_QUERY_TERMS);
}

/** The search keys of what a person typed: as queryWords, each reduced to its key. */
export function queryKeys(input: string): string[] {
  return [...new Set(meaningfulWords(input).map(stemDutch))].slice(0, MAX_QUERY_TERMS);
}
