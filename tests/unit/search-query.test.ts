/**
 * Turning typed input into an FTS5 MATCH expression: hostile input never throws, not here and
 * not in SQLite (each expression is run against a real FTS5 table), and the quoting holds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, type Client } from '@libsql/client';
import { foldedWords } from '#domain/search/words.ts';
import { excerptParts, matchExpression, rankingForms, MAX_SEARCH_TERMS, MAX_TERM_LENGTH, searchTerms, SNIPPET_CLOSE, SNIPPET_OPEN } from '#domain/search-query.ts';

const hostile = [
  'wie biedt?',
  '"',
  '""',
  '"""',
  'AND',
  'OR',
  'NOT',
  'a AND',
  'NEAR(',
  'NEAR(a b',
  'NEAR/3',
  '*',
  '**',
  'poel*',
  '-',
  '-poel',
  '^poel',
  'title:poel',
  '{title area}: poel',
  '(poel',
  'poel)',
  ':',
  '+',
  "zo'n",
  '😀',
  '👩‍👩‍👧 werk',
  '\u0000',
  '\u0002\u0003',
  'x'.repeat(500),
  'woord '.repeat(100),
  '<script>alert(1)</script>',
  "'; drop table pitches_fts; --",
  '   ',
  '',
  'ÿ\u0301',
  'ⅷ',
];

let client: Client;
beforeAll(async () => {
  // A real FTS5 table with the same tokenizer, so "never throws" covers SQLite's parser too.
  client = createClient({ url: ':memory:' });
  await client.batch(
    [
      `create virtual table t using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')`,
      `insert into t (rowid, title, body) values (1, 'Wie biedt? Poelenbrug zoekt werkgevers', 'Een coöperatie in de wijk.')`,
    ],
    'write',
  );
});
afterAll(() => client?.close());

describe('matchExpression', () => {
  test.each(hostile)('%j gives a valid expression (or none) that SQLite accepts', async (input) => {
    const expression = matchExpression(input);
    if (expression === null) {
      // Nothing left once folded to letters and digits (a roman numeral sign, emoji, punctuation).
      expect(foldedWords(input, false)).toEqual([]);
      return;
    }
    // Every word is a group of quoted forms, optionally prefixes, joined by OR: nothing else reaches FTS5.
    expect(expression).toMatch(/^\("[^"]*"\*?(?: OR "[^"]*"\*?)*\)(?: AND \("[^"]*"\*?(?: OR "[^"]*"\*?)*\))*$/);
    await expect(client.execute({ sql: 'select rowid from t where t match ?', args: [expression] })).resolves.toBeDefined();
  });

  test('raw input in MATCH does throw: the builder is what protects the query', async () => {
    await expect(client.execute({ sql: 'select rowid from t where t match ?', args: ['wie biedt?'] })).rejects.toThrow();
    await expect(client.execute({ sql: 'select rowid from t where t match ?', args: ['NEAR('] })).rejects.toThrow();
  });

  test('words are quoted; those of three letters or more match as a prefix; the little words of a question are left out', () => {
    expect(matchExpression('wie biedt?')).toBe('("biedt"*)');
    expect(matchExpression('Poel')).toBe('("poel"*)');
    expect(matchExpression('de AND of')).toBe('("and"*)');
    expect(matchExpression('de of')).toBe('("de") AND ("of")');
    expect(matchExpression('NEAR(')).toBe('("near"*)');
  });

  test('a word is searched in its forms: as typed, its key, its key with a long vowel', () => {
    expect(matchExpression('basisbanen')).toBe('("basisbanen"* OR "basisban"* OR "basisbaan"*)');
    expect(matchExpression('ideeën')).toBe('("ideeen"* OR "ide"*)');
  });

  test('a number matches whole: "4242" is that number, not 42420', () => {
    expect(matchExpression('haven 4242')).toBe('("haven"* OR "haf"* OR "haaf"*) AND ("4242")');
  });

  test('a found pitch is ranked by the forms its words were found in, each form once', () => {
    expect(rankingForms('basisbanen')).toEqual(['basisban', 'basisbaan']);
    expect(rankingForms('wie biedt?')).toEqual(['biedt']);
  });

  test('operator words are found as words, not obeyed', async () => {
    const rows = await client.execute({ sql: 'select rowid from t where t match ?', args: [matchExpression('wie biedt?')!] });
    expect(rows.rows.map((r) => r.rowid)).toEqual([1]);
    const none = await client.execute({ sql: 'select rowid from t where t match ?', args: [matchExpression('biedt OR onbekendwoord')!] });
    expect(none.rows).toEqual([]);
  });

  test('diacritics: "cooperatie" and "coöperatie" both find the row', async () => {
    for (const input of ['cooperatie', 'coöperatie', 'COÖP']) {
      const rows = await client.execute({ sql: 'select rowid from t where t match ?', args: [matchExpression(input)!] });
      expect(rows.rows.map((r) => r.rowid), input).toEqual([1]);
    }
  });

  test('a quote inside a term would be doubled', () => {
    // Words never contain quotes after splitting; the expression still never holds a lone one.
    expect(matchExpression('a"b')).toBe('("a") AND ("b")');
  });

  test('no words, no expression', () => {
    for (const input of ['', '   ', '"', '*', '-', '😀', '?!', '\u0000']) expect(matchExpression(input), JSON.stringify(input)).toBeNull();
  });

  test('limits: at most MAX_SEARCH_TERMS words, each at most MAX_TERM_LENGTH characters, duplicates once', () => {
    expect(searchTerms('één twee drie vier vijf zes zeven acht negen tien')).toHaveLength(MAX_SEARCH_TERMS);
    expect([...searchTerms('x'.repeat(500))[0]!]).toHaveLength(MAX_TERM_LENGTH);
    expect(searchTerms('Werk werk WERK')).toEqual(['werk']);
  });
});

describe('excerptParts', () => {
  test('splits the marked words out, so the page escapes text and highlights matches', () => {
    expect(excerptParts(`…de wijk ${SNIPPET_OPEN}Poelenbrug${SNIPPET_CLOSE} zoekt <b>werk</b>`)).toEqual([
      { text: '…de wijk ', match: false },
      { text: 'Poelenbrug', match: true },
      { text: ' zoekt <b>werk</b>', match: false },
    ]);
  });

  test('Markdown noise goes: emphasis, heading marks, link targets', () => {
    const text = excerptParts(`## Kop **vet** en [een link](https://example.org/x) ${SNIPPET_OPEN}hier${SNIPPET_CLOSE}`)
      .map((p) => p.text)
      .join('');
    expect(text).toBe('Kop vet en een link hier');
  });
});
