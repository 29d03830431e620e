/**
 * The knowledge base's search, as the server runs it: a real Pagefind index built from search
 * records of the real content files (as the build makes them from the collections), searched by
 * the server's copy of pagefind.js through the ranking both the server and the browser use.
 * Synonyms find tagged pages, parts and forms of Dutch words find the page, filters narrow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from '../unit/astro-yaml.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rankKnowledge } from '#domain/search/knowledge-ranking.ts';
import { knowledgeEngine, resetKnowledgeEngines, searchKnowledgeBase, usePagefindFolder } from '#features/search/pagefind-server.ts';
import { knowledgeLexicon, searchRecord } from '#features/search/search-records.ts';
import { placeNamesOf } from '#features/catalog/places.ts';
import { caseDocument, instrumentDocument, markdownText, organisationDocument, type SearchDocument } from '#features/catalog/search-documents.ts';

interface Frontmatter {
  [key: string]: unknown;
}

function readMdx(file: string): { data: Frontmatter; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/)!;
  return { data: parseYaml(match[1]!) as Frontmatter, body: match[2]! };
}

const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);

function contentDocuments(): SearchDocument[] {
  const cases = readdirSync('content/cases').map((name) => {
    const { data, body } = readMdx(join('content/cases', name));
    return caseDocument({
      id: name.replace(/\.mdx$/, ''),
      title: String(data.title),
      summary: String(data.summary),
      body,
      sectors: list(data.sectors),
      targetGroups: list(data.targetGroups),
      instruments: list(data.instruments),
      places: list(data.places),
      outcomes: list(data.outcomes),
      organisationNames: [...list(data.employers), ...list(data.partners)],
      municipalityNames: list(data.municipalities),
      provinceNames: [],
      regionNames: [],
      placeNames: list(data.municipalities).flatMap(placeNamesOf),
    });
  });
  const instruments = readdirSync('content/instruments').map((name) => {
    const { data, body } = readMdx(join('content/instruments', name));
    return instrumentDocument({
      id: name.replace(/\.mdx$/, ''),
      title: String(data.title),
      summary: String(data.summary),
      body,
      targetGroups: list(data.targetGroups),
      stances: ((data.stances as { municipality: string; statement: string }[] | undefined) ?? []).map((s) => ({ municipalityName: s.municipality, statement: s.statement })),
      organisationNames: list(data.organisations),
    });
  });
  const organisations = [
    organisationDocument({ id: 'postnl', title: 'PostNL', kindLabel: 'Werkgever', description: 'Pakketten bezorgen.', sectors: ['logistiek'], provinceName: undefined }),
    organisationDocument({ id: 'zaanstad', title: 'Gemeente Zaanstad', kindLabel: 'Gemeente', sectors: [], placeNames: placeNamesOf('zaanstad') }),
  ];
  return [...cases, ...instruments, ...organisations];
}

const folder = mkdtempSync(join(tmpdir(), 'pp-pagefind-'));
beforeAll(async () => {
  const documents = contentDocuments();
  const lexicon = knowledgeLexicon(documents);
  const { index } = await pagefind.createIndex({});
  for (const document of documents) await index!.addHTMLFile(searchRecord(document, lexicon));
  await index!.writeFiles({ outputPath: join(folder, 'pagefind') });
  await pagefind.close();
  usePagefindFolder(join(folder, 'pagefind'));
  resetKnowledgeEngines();
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const search = async (q: string, filters: Record<string, string> = {}) => rankKnowledge(await knowledgeEngine(), q, filters);
const urls = async (q: string, filters: Record<string, string> = {}) => (await search(q, filters)).pages.map((page) => page.href);

describe('knowledge search', () => {
  test.each([
    ['pakketsorteer', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
    ['sorteercentrum', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
    ['regelluwe', '/praktijkvoorbeelden/zwolle-regelluw-werken/'],
    ['Wajong', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
    ['Wajong', '/instrumenten/garantiebanen/'],
    ['banenafspraak', '/instrumenten/garantiebanen/'],
    ['banenafspraak', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
    ['bijstand', '/instrumenten/basisbaan/'],
    ['basisbanen', '/instrumenten/basisbaan/'],
    ['subsidie', '/instrumenten/loonkostensubsidie/'],
    ['Participatiewet', '/instrumenten/basisbaan/'],
    ['loonwaarde', '/instrumenten/jobcoaching-loonwaarde/'],
    ['Poelenbrug', '/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/'],
    ['wie biedt?', '/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/'],
    ['magazijn', '/organisaties/postnl/'],
  ])('"%s" finds %s', async (q, url) => {
    expect(await urls(q)).toContain(url);
  });

  test('a synonym only in the keywords still finds the page: "Wajonger" is in no text, only in the arbeidsbeperking synonyms', async () => {
    const postnl = contentDocuments().find((d) => d.url.includes('postnl-pakketsorteercentra'))!;
    expect(`${postnl.title} ${postnl.summary} ${postnl.text}`).not.toMatch(/wajong/i);
    expect(postnl.keywords).toContain('Wajong');
    expect(await urls('Wajonger')).toContain(postnl.url);
  });

  test('a title typed exactly ranks first: "basisbaan" puts the basisbaan instrument on top', async () => {
    expect((await urls('basisbaan'))[0]).toBe('/instrumenten/basisbaan/');
    expect((await urls('Loonkostensubsidie'))[0]).toBe('/instrumenten/loonkostensubsidie/');
  });

  test('a question typed as a sentence finds the pages about its words', async () => {
    expect(await urls('hoe krijg ik mensen uit de bijstand aan het werk')).toContain('/instrumenten/basisbaan/');
  });

  test('a kind filter keeps only that kind; filters alone list their pages; nothing asked, nothing found', async () => {
    const instrumentsOnly = await urls('loonwaarde', { Soort: 'Instrument' });
    expect(instrumentsOnly).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(instrumentsOnly.every((url) => url.startsWith('/instrumenten/'))).toBe(true);
    const allInstruments = await search('', { Soort: 'Instrument' });
    expect(allInstruments.total).toBe(readdirSync('content/instruments').length);
    expect(await urls('')).toEqual([]);
    expect(await urls('qwxzvbnm')).toEqual([]);
  });

  test.each(['"', 'AND', 'NEAR(', '*', '-', '😀', 'x'.repeat(500)])('hostile input %j never throws', async (q) => {
    await expect(search(q)).resolves.toBeDefined();
  });

  test('markdownText keeps the words and drops the markup', () => {
    expect(markdownText('## Kop\n\nEen **vette** [link](https://example.org) en `code`.\n\n- punt')).toBe('Kop\nEen vette link en code.\npunt');
  });
});

describe('zoeken dat vergeeft', () => {
  test('een plaatsnaam vindt de praktijkvoorbeelden van haar gemeente: Zaandam → Zaanstad', async () => {
    const found = await urls('Zaandam');
    expect(found).toContain('/praktijkvoorbeelden/zaanstad-poelenbrug-wie-biedt/');
    expect(found).toContain('/praktijkvoorbeelden/albert-heijn-zaanstad/');
    expect(found).toContain('/organisaties/zaanstad/');
  });
});

describe('without an index', () => {
  test('the knowledge base answers nothing instead of failing the page', async () => {
    usePagefindFolder(join(folder, 'bestaat-niet'));
    resetKnowledgeEngines();
    try {
      expect(await searchKnowledgeBase('basisbaan', {})).toEqual({ pages: [], total: 0 });
    } finally {
      usePagefindFolder(join(folder, 'pagefind'));
      resetKnowledgeEngines();
    }
  });
});
