/** The word diff a curator reads for a resubmitted pitch: the parts join back to both texts. */
import { describe, expect, test } from 'vitest';
import { wordDiff, type DiffPart } from '#domain/word-diff.ts';

const before = (parts: DiffPart[]) => parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('');
const after = (parts: DiffPart[]) => parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('');

describe('wordDiff', () => {
  test('een vervangen woord: de rest blijft gelijk', () => {
    expect(wordDiff('Banen van 20 uur per week.', 'Banen van 24 uur per week.')).toEqual([
      { kind: 'same', text: 'Banen van ' },
      { kind: 'removed', text: '20 ' },
      { kind: 'added', text: '24 ' },
      { kind: 'same', text: 'uur per week.' },
    ]);
  });

  test('toegevoegde zin en lege teksten', () => {
    expect(wordDiff('', 'Nieuw.')).toEqual([{ kind: 'added', text: 'Nieuw.' }]);
    expect(wordDiff('Weg.', '')).toEqual([{ kind: 'removed', text: 'Weg.' }]);
    expect(wordDiff('Gelijk', 'Gelijk')).toEqual([{ kind: 'same', text: 'Gelijk' }]);
  });

  test.each([
    ['Wie biedt een plek?\n\nIn de Poelenbrug.', 'Wie biedt twee plekken?\n\nIn de Poelenbrug en Rosmolenwijk.'],
    ['a b c d e', 'e d c b a'],
    ['  spaties   blijven ', 'spaties blijven'],
  ])('de delen geven beide teksten terug: %j → %j', (a, b) => {
    const parts = wordDiff(a, b);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
  });

  test('een enorme tekst: één keer weg en één keer nieuw, zonder een enorme tabel', () => {
    const big = 'woord '.repeat(4000);
    expect(wordDiff(big, `${big}meer`)).toEqual([{ kind: 'removed', text: big }, { kind: 'added', text: `${big}meer` }]);
  });
});
