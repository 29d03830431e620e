/** "Bedoelde u …?": corrections come from the site's own words, only for words it does not know. */
import { describe, expect, test } from 'vitest';
import { createSpellingSuggester, editDistance, maxEditsFor } from '#domain/did-you-mean.ts';

const vocabulary = [
  'PostNL opent pakketsorteercentra met plekken voor mensen met een arbeidsbeperking',
  'PostNL',
  'Albert Heijn',
  'Zaanstad',
  'Zaandam',
  'Logistiek',
  'Loonkostensubsidie',
  'Jobcoaching en loonwaardebepaling',
  'Wajong',
];
const suggester = createSpellingSuggester(vocabulary);

describe('editDistance', () => {
  test.each([
    ['pstnl', 'postnl', 1],
    ['lgoistiek', 'logistiek', 1],
    ['zaandam', 'zaandam', 0],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  test('stops early above the maximum', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('createSpellingSuggester', () => {
  test('"PstNL" wordt PostNL, zoals de site het schrijft', () => {
    expect(suggester.suggest('PstNL')).toBe('PostNL');
  });

  test('verwisselde letters en een vergeten letter worden verbeterd, bekende woorden blijven staan', () => {
    expect(suggester.suggest('lgoistiek')).toBe('Logistiek');
    expect(suggester.suggest('Zaandma postnl')).toBe('Zaandam PostNL');
    expect(suggester.suggest('loonkostensubsdie')).toBe('Loonkostensubsidie');
  });

  test('geen voorstel voor bekende woorden, voorvoegsels, korte woorden of onzin', () => {
    expect(suggester.suggest('PostNL')).toBeNull();
    expect(suggester.suggest('pakketsorteer')).toBeNull();
    expect(suggester.suggest('wjg')).toBeNull();
    expect(suggester.suggest('qwerty')).toBeNull();
    expect(suggester.suggest('')).toBeNull();
  });

  test('korte woorden mogen minder fouten hebben dan lange', () => {
    expect(maxEditsFor(3)).toBe(0);
    expect(maxEditsFor(5)).toBe(1);
    expect(maxEditsFor(9)).toBe(2);
    expect(maxEditsFor(14)).toBe(3);
  });
});
