/**
 * Ranking and excerpts of the bounded pitch search (domain/search-rank.ts): what FTS5's bm25()
 * and snippet() did, within the candidates.
 */
import { describe, expect, test } from 'vitest';
import { excerptParts } from '#domain/search-query.ts';
import { rankScores, rankTerms, snippetFor } from '#domain/search-rank.ts';

const weights = [10, 4, 4, 1];
const scores = (q: string[], docs: string[][]) => rankScores(rankTerms(q), docs.map((columns) => ({ columns })), weights);

describe('rankScores', () => {
  test('a title hit scores above an area hit, and that above a body hit', () => {
    const [title, area, body] = scores(['bakkerij'], [
      ['Bakkerij zoekt collega’s', 'Centrum', 'Zaanstad', 'Wij zoeken mensen.'],
      ['Leerwerkplekken', 'Bakkerijkwartier', 'Zaanstad', 'Wij zoeken mensen.'],
      ['Stageplekken', 'Centrum', 'Zaanstad', 'Wij zoeken een bakkerij.'],
    ]);
    expect(title).toBeGreaterThan(area!);
    expect(area).toBeGreaterThan(body!);
    expect(body).toBeGreaterThan(0);
  });

  test('a word of three letters or more matches words it begins; a shorter one only itself; not inside a word', () => {
    const [begins, inside, none] = scores(['poel'], [['Poelenbrug'], ['Kikkerpoel'], ['Anders']]);
    expect(begins).toBeGreaterThan(0);
    expect(inside).toBe(0);
    expect(none).toBe(0);
    const [whole, longer] = scores(['ad'], [['ad hoc'], ['adres']]);
    expect(whole).toBeGreaterThan(0);
    expect(longer).toBe(0);
  });

  test('diacritics and case do not matter', () => {
    const [a, b] = scores(['coöperatie'], [['Een COOPERATIE'], ['een coöperatie']]);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeCloseTo(b!);
  });

  test('a rarer word weighs more, and every word counts', () => {
    const docs = [['haven werk'], ['haven'], ['haven'], ['werk station']];
    const [both, havenOnly, , rare] = scores(['haven', 'station'], docs);
    expect(both).toBeGreaterThan(0);
    expect(rare).toBeGreaterThan(havenOnly!);
    expect(scores(['x'], [])).toEqual([]);
  });
});

describe('snippetFor', () => {
  test('marks the matches around the first one, cut with an ellipsis', () => {
    const text = Array.from({ length: 60 }, (_, i) => (i === 40 ? 'Basisbanen' : `woord${i}`)).join(' ');
    const parts = excerptParts(snippetFor(rankTerms(['basisba']), text));
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Basisbanen']);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(joined.split(' ').length).toBeLessThanOrEqual(26);
  });

  test('without a match in the text: its start, as snippet() gives', () => {
    const parts = excerptParts(snippetFor(rankTerms(['elders']), 'In de Poelenbrug wonen veel mensen zonder werk.'));
    expect(parts).toEqual([{ text: 'In de Poelenbrug wonen veel mensen zonder werk.', match: false }]);
  });
});
