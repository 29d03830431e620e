/**
 * Home of "Bedoelde u …?": a typo such as "PstNL" finds nothing, so the search
 * page offers the nearest words from the site's own vocabulary (titles, organisation, municipality
 * and place names, facet labels and synonyms). Plain TypeScript, no outside service: the vocabulary
 * is a few thousand words, so comparing each typed word with the words of about its length is
 * cheap. Distance is optimal string alignment (Damerau–Levenshtein without repeated edits of one
 * substring): a swapped pair of letters ("lgoistiek") counts as one typo, as people make them.
 */
import { searchTerms } from './search-query.ts';

/** Words shorter than this are never corrected: "de", "van" and abbreviations are too easily "near" something. */
export const MIN_CORRECTABLE_LENGTH = 4;

/** How many edits a word of this length may be away from its correction. */
export function maxEditsFor(length: number): number {
  if (length < MIN_CORRECTABLE_LENGTH) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/**
 * The optimal-string-alignment distance between two words, or `max + 1` as soon as it is
 * certain to exceed `max` (so far-off words cost little).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i, ...new Array<number>(t.length).fill(0)];
    let rowMin = current[0]!;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[t.length]!;
}

/** Finds corrections for typed queries among the words of a vocabulary. */
export interface SpellingSuggester {
  /** The query with its unknown words replaced by their nearest known word, or null when there is nothing to correct. */
  suggest(query: string): string | null;
}

interface Known {
  /** As the site writes it, e.g. "PostNL". */
  display: string;
  /** How often the word occurs in the vocabulary: the tie-breaker between equally near words. */
  count: number;
}

/**
 * A suggester over these phrases (titles, names, labels …). Each phrase is cut into words the
 * way the search cuts a query, so a correction is always a word the search can find.
 */
export function createSpellingSuggester(phrases: Iterable<string>): SpellingSuggester {
  const known = new Map<string, Known>();
  for (const phrase of phrases) {
    const displayWords = phrase.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
    for (const display of displayWords) {
      const word = display.toLowerCase();
      const entry = known.get(word);
      if (entry) entry.count++;
      else known.set(word, { display, count: 1 });
    }
  }
  const byLength = new Map<number, string[]>();
  for (const word of known.keys()) {
    const length = [...word].length;
    byLength.set(length, [...(byLength.get(length) ?? []), word]);
  }
  /** Is the word in the vocabulary, or the start of one (the search matches prefixes)? */
  const isKnown = (term: string) => known.has(term) || (term.length >= 3 && [...known.keys()].some((word) => word.startsWith(term)));

  function nearest(term: string): string | undefined {
    const length = [...term].length;
    const max = maxEditsFor(length);
    if (max === 0) return undefined;
    let best: { word: string; distance: number; count: number } | undefined;
    for (let l = length - max; l <= length + max; l++) {
      for (const word of byLength.get(l) ?? []) {
        const distance = editDistance(term, word, best ? Math.min(best.distance, max) : max);
        if (distance > max) continue;
        const count = known.get(word)!.count;
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word, distance, count };
      }
    }
    return best?.word;
  }

  return {
    suggest(query) {
      const terms = searchTerms(query);
      if (terms.length === 0) return null;
      let changed = false;
      const corrected = terms.map((term) => {
        if (isKnown(term)) return known.get(term)?.display ?? term;
        const word = nearest(term);
        if (!word) return term;
        changed = true;
        return known.get(word)!.display;
      });
      return changed ? corrected.join(' ') : null;
    },
  };
}
