/**
 * Ranking and excerpts for a bounded set of full-text candidates, computed here instead of
 * by FTS5's bm25() and snippet(). Both of those evaluate the MATCH again over the whole table
 * (bm25 counts, per word, every row that has it; a prefix longer than the table's prefix
 * indexes is rebuilt from every matching word's list each time), so their cost grew with the
 * number of pitches. Here the work is bounded by the candidates (at most a thousand): BM25 with
 * the document frequencies taken within the candidates.
 *
 * Words are cut the way search-query.ts cuts a query (and unicode61 cuts text): letters, digits
 * and marks; compared lower-cased without diacritics ("coöperatie" = "cooperatie"). A search term
 * of MIN_PREFIX_LENGTH letters or more matches every word it begins, a shorter one only itself,
 * as in the MATCH expression.
 */
import { MIN_PREFIX_LENGTH, SNIPPET_CLOSE, SNIPPET_OPEN } from './search-query.ts';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const K1 = 1.2;
const B = 0.75;

/**
 * Lower case without diacritics, every other character in place: how a candidate's text and the
 * terms are compared (search/dutch-stem.ts foldWord also drops what is not a letter or digit).
 */
export function foldText(text: string): string {
  // Most text is plain ASCII: skip the decomposition then (this runs over every candidate).
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}
const ASCII = /^[ -~\t\n\r]*$/;

/** Does `word` (folded) match `term` (folded)? */
function matches(word: string, term: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(term) : word === term;
}

/** Search terms prepared for matching. */
export interface RankTerms {
  terms: { text: string; prefix: boolean }[];
}

export function rankTerms(terms: readonly string[]): RankTerms {
  // As the MATCH expression (search-query.ts): a number matches whole.
  return { terms: terms.map((term) => ({ text: foldText(term), prefix: [...term].length >= MIN_PREFIX_LENGTH && !/^\d+$/.test(term) })) };
}

/** One candidate: its searchable columns, in the order of the weights. */
export interface RankCandidate {
  columns: readonly string[];
}

/**
 * BM25 scores (higher is better) for each candidate, with per-column weights as FTS5's bm25
 * takes them: a hit in a column counts its weight; the document frequencies and average
 * length are those of the candidates.
 */
export function rankScores(query: RankTerms, candidates: readonly RankCandidate[], weights: readonly number[]): number[] {
  const n = candidates.length;
  if (n === 0 || query.terms.length === 0) return candidates.map(() => 0);
  // Per candidate: weighted hits per term, and its length. Found with indexOf and a look at
  // the characters around each hit (a word starts there; a short term also ends there) rather
  // than cutting every word: this runs over every candidate's whole text. The length is counted
  // in characters, which serves BM25's length normalisation as well as words do.
  const termCount = query.terms.length;
  const freqs: Float64Array[] = [];
  const lengths = new Float64Array(n);
  const docFreq = new Float64Array(termCount);
  for (let i = 0; i < n; i++) {
    const freq = new Float64Array(termCount);
    let length = 0;
    const columns = candidates[i]!.columns;
    for (let c = 0; c < columns.length; c++) {
      const weight = weights[c] ?? 1;
      const text = foldText(columns[c]!);
      length += text.length;
      for (let t = 0; t < termCount; t++) {
        const { text: term, prefix } = query.terms[t]!;
        for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
          if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue;
          if (!prefix && at + term.length < text.length && WORD_CHAR.test(text[at + term.length]!)) continue;
          freq[t]! += weight;
        }
      }
    }
    for (let t = 0; t < termCount; t++) if (freq[t]! > 0) docFreq[t]!++;
    freqs.push(freq);
    lengths[i] = length;
  }
  const average = lengths.reduce((sum, l) => sum + l, 0) / n || 1;
  // As FTS5's bm25: an idf below zero (a word in most candidates) is kept just above zero.
  const idf = Array.from(docFreq, (df) => Math.max(Math.log((n - df + 0.5) / (df + 0.5)), 1e-6));
  return freqs.map((freq, i) => {
    let score = 0;
    freq.forEach((f, t) => {
      score += (idf[t]! * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * lengths[i]!) / average));
    });
    return score;
  });
}

/**
 * A stretch of about `size` words of `text` around its first match, with the matched words
 * between SNIPPET_OPEN and SNIPPET_CLOSE and '…' where text was cut: the shape FTS5's snippet()
 * gives, for excerptParts() in search-query.ts. Without a match (the words were in the title),
 * the start of the text, as snippet() gives then.
 */
export function snippetFor(query: RankTerms, text: string, size = 24): string {
  const words = [...text.matchAll(WORD)];
  const isMatch = (word: string) => {
    const folded = foldText(word);
    return query.terms.some((term) => matches(folded, term.text, term.prefix));
  };
  const first = Math.max(0, words.findIndex((word) => isMatch(word[0])));
  // Start a little before the first match, as snippet() does, so it reads in context.
  const start = Math.max(0, Math.min(first - Math.floor(size / 4), words.length - size));
  const end = Math.min(words.length, start + size);
  let out = start > 0 ? '…' : '';
  let at = start > 0 ? words[start]!.index : 0;
  for (let w = start; w < end; w++) {
    const word = words[w]!;
    out += text.slice(at, word.index);
    out += isMatch(word[0]) ? `${SNIPPET_OPEN}${word[0]}${SNIPPET_CLOSE}` : word[0];
    at = word.index + word[0].length;
  }
  if (end < words.length) out += '…';
  else out += text.slice(at);
  return out;
}
