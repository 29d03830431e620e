/**
 * The server-side content index, built from the real content files (as the server builds it from
 * the collections): synonyms find tagged pages, prefixes find Dutch compounds, filters narrow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from '../unit/astro-yaml.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContentIndex, type ContentIndex } from '#features/catalog/content-index.ts';
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

let index: ContentIndex;
beforeAll(async () => {
  index = await createContentIndex(contentDocuments());
});
afterAll(() => index?.close());

const urls = async (q: string, filters = {}) => (await index.search(q, filters)).hits.map((hit) => hit.url);

describe('content search', () => {
  test.each([
    ['pakketsorteer', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
    ['regelluw', '/praktijkvoorbeelden/zwolle-regelluw-werken/'],
    ['Wajong', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'],
    ['Wajong', '/instrumenten/garantiebanen/'],
    ['banenafspraak', '/instrumenten/garantiebanen/'],
    ['bijstand', '/instrumenten/basisbaan/'],
    ['Participatiewet', '/instrumenten/basisbaan/'],
    ['loonwaarde', '/instrumenten/jobcoaching-loonwaarde/'],
    ['loonwaarde', '/praktijkvoorbeelden/zwolle-regelluw-werken/'],
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

  test('the page title ranks first: "basisbaan" puts the basisbaan instrument on top of the instruments', async () => {
    // Cases come before instruments by design (byKindThenRelevance); a case tagged with the
    // instrument (the Amsterdam banenpact) is listed above it, and the instrument leads its kind.
    const hits = await urls('basisbaan');
    expect(hits.find((url) => !url.startsWith('/praktijkvoorbeelden/'))).toBe('/instrumenten/basisbaan/');
  });

  test('a kind filter keeps only that kind; filters alone list their pages; nothing asked, nothing found', async () => {
    const instrumentsOnly = await urls('loonwaarde', { Soort: 'Instrument' });
    expect(instrumentsOnly).toContain('/instrumenten/jobcoaching-loonwaarde/');
    expect(instrumentsOnly.every((url) => url.startsWith('/instrumenten/'))).toBe(true);
    const allInstruments = await urls('', { Soort: 'Instrument' });
    expect(allInstruments).toHaveLength(readdirSync('content/instruments').length);
    expect(await urls('')).toEqual([]);
    expect(await urls('qwxzvbnm')).toEqual([]);
  });

  test.each(['"', 'AND', 'NEAR(', '*', '-', '😀', 'x'.repeat(500)])('hostile input %j never throws', async (q) => {
    await expect(index.search(q)).resolves.toBeDefined();
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

  test('"logistiek": praktijkvoorbeelden eerst, dan instrumenten, organisaties als laatste', async () => {
    const found = await urls('logistiek');
    const postnlCase = found.indexOf('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    const firstOrganisation = found.findIndex((url) => url.startsWith('/organisaties/'));
    expect(postnlCase).toBeGreaterThanOrEqual(0);
    expect(firstOrganisation).toBeGreaterThan(postnlCase);
    const kinds = (await index.search('werk')).hits.map((hit) => hit.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['Praktijkvoorbeeld', 'Instrument', 'Organisatie'].indexOf(a) - ['Praktijkvoorbeeld', 'Instrument', 'Organisatie'].indexOf(b)));
  });
});

