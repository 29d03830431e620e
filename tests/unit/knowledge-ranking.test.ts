/**
 * The knowledge base's order, as the server and the browser both run it over the search index:
 * an exact title first, then every word in the engine's order, then (few results, several words)
 * the pages with most of the words; and the order of the page's parts. A small engine stands in
 * for Pagefind: AND over words, like Pagefind.
 */
import { describe, expect, test } from 'vitest';
import { rankKnowledge, sectionOrder, type EngineResult, type SearchEngine } from '#domain/search/knowledge-ranking.ts';
import { queryKeys, textKeys } from '#domain/search/words.ts';

interface Page {
  title: string;
  words: string;
  score: number;
}

function engine(pages: Page[]): SearchEngine {
  return {
    async search(term) {
      const wanted = term === null ? [] : term.split(' ');
      const results: EngineResult[] = pages
        .filter((page) => wanted.every((key) => textKeys(`${page.title} ${page.words}`).includes(key)))
        .sort((a, b) => b.score - a.score)
        .map((page) => ({ score: page.score, data: async () => ({ meta: { title: page.title, summary: '', kind: 'Instrument', href: `/${page.title}/` } }) }));
      return { results };
    },
  };
}

const pages: Page[] = [
  { title: 'Banenpact', words: 'basisbaan bijstand werk', score: 9 },
  { title: 'Basisbaan', words: 'werk', score: 5 },
  { title: 'Werkgarantie', words: 'bijstand', score: 3 },
  { title: 'Omscholing', words: 'bijstand scholing', score: 2 },
];

describe('rankKnowledge', () => {
  test('a title typed exactly comes first, whatever the engine scored', async () => {
    const { pages: found } = await rankKnowledge(engine(pages), 'basisbaan');
    expect(found.map((page) => page.title)).toEqual(['Basisbaan', 'Banenpact']);
  });

  test('a sentence no page fully holds finds the pages with most of its words, most first', async () => {
    const { pages: found, total } = await rankKnowledge(engine(pages), 'hoe kom ik aan scholing in de bijstand of een basisbaan');
    expect(queryKeys('hoe kom ik aan scholing in de bijstand of een basisbaan')).toHaveLength(4);
    expect(found.map((page) => page.title)).toEqual(['Banenpact', 'Omscholing']);
    expect(total).toBe(2);
  });

  test('nothing typed and no filter: nothing asked, nothing found', async () => {
    expect(await rankKnowledge(engine(pages), '   ')).toEqual({ pages: [], total: 0 });
  });
});

describe('sectionOrder', () => {
  test('the part with the exact title comes first; otherwise knowledge, pitches, organisations', () => {
    expect(sectionOrder('Wie biedt? Werk voor de Poelenbrug', { knowledge: 'Zaanstad: Poelenbrug', pitches: 'Wie biedt? Werk voor de Poelenbrug' })).toEqual(['pitches', 'knowledge', 'organisations']);
    expect(sectionOrder('postnl', { knowledge: 'PostNL: werk in sorteercentra', organisations: 'PostNL' })).toEqual(['organisations', 'knowledge', 'pitches']);
    expect(sectionOrder('logistiek', { knowledge: 'PostNL', organisations: 'PostNL' })).toEqual(['knowledge', 'pitches', 'organisations']);
  });
});
