/**
 * A source's page (/bronnen/<slug>/) lists exactly the pages that rest on it: the read model
 * it shows (citationIndex, built by source-pages.ts from the collections) agrees with the
 * frontmatter both ways, every cited source has a page, and a page that says in its own text
 * that a source does not make the link ("het verslag verbindt ze zelf niet met …") does not
 * list that source as one it rests on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { citationIndex } from '#features/catalog/citations.ts';
import { loadSourceRecords, sourceFileId } from '#features/catalog/sources.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { body, citingContent, readCases, readInstruments } from './content-files.ts';

/** What each page cites in its frontmatter: "source href". */
function citedInFrontmatter(): Set<string> {
  const cited = new Set<string>();
  for (const c of readCases()) for (const s of c.data.sources) cited.add(`${sourceFileId(s)} /praktijkvoorbeelden/${c.id}/`);
  for (const i of readInstruments()) for (const s of [...i.data.sources, ...i.data.stances.map((x) => x.source)]) cited.add(`${sourceFileId(s)} /instrumenten/${i.id}/`);
  for (const o of loadOrganisationRecords()) for (const s of o.sources ?? []) cited.add(`${sourceFileId(s)} /organisaties/${o.id}/`);
  return cited;
}

describe('bronpagina’s en de pagina’s die op een bron steunen, in beide richtingen', () => {
  const index = citationIndex(citingContent());
  const listed = new Set([...index].flatMap(([source, list]) => list.map((c) => `${source} ${c.href}`)));
  const cited = citedInFrontmatter();

  test('elke pagina die een bron noemt, staat op de pagina van die bron', () => {
    expect([...cited].filter((c) => !listed.has(c))).toEqual([]);
  });

  test('een bronpagina noemt geen pagina die de bron niet noemt', () => {
    expect([...listed].filter((l) => !cited.has(l))).toEqual([]);
  });

  test('elke genoemde bron heeft een eigen pagina (staat in sources.yaml)', () => {
    const known = new Set(loadSourceRecords().map((s) => s.id));
    expect([...new Set([...cited].map((c) => c.split(' ')[0]!))].filter((id) => !known.has(id))).toEqual([]);
  });

  test('de bronpagina’s bouwen hun lijst met dezelfde citationIndex uit dezelfde velden', () => {
    // source-pages.ts reads the collections (astro:content, not loadable here); it must pass the
    // fields this test compares: sources, and for instruments also the stances.
    const code = readFileSync('src/features/catalog/source-pages.ts', 'utf8');
    expect(code).toMatch(/citationIndex\(/);
    expect(code).toMatch(/stances/);
  });
});

describe('een pagina rust niet op een bron die volgens haar eigen tekst het verband niet legt', () => {
  const records = loadSourceRecords();
  /** A sentence that says a source does not make the link: "… verbindt ze zelf niet met …", "… legt dat verband niet". */
  const disclaims = /\b(verbindt|verbinden|koppelt|koppelen)\b[^.]*\bzelf niet\b|\blegt\b[^.]*\bverband\b[^.]*\bniet\b|\bleggen\b[^.]*\bverband\b[^.]*\bniet\b/i;

  /** The cited sources a sentence is about: "het verslag" is a report, "het programma (voor X)" a programme (of X). */
  function sourcesMeant(sentence: string, cited: readonly string[]): string[] {
    return cited.filter((id) => {
      const record = records.find((r) => r.id === sourceFileId(id));
      if (!record) return false;
      if (record.kind === 'verslag') return /\bverslag\b/i.test(sentence);
      if (!/\bprogramma\b|verkiezingsprogramma/i.test(sentence)) return false;
      const place = /Verkiezingsprogramma(?: \w+)? (\p{Lu}\p{L}+)/u.exec(record.publisher)?.[1];
      return !place || sentence.includes(place) || !/\b(Utrecht|Amsterdam|Zoetermeer|Nijmegen)\b/.test(sentence);
    });
  }

  const pages = [
    ...readCases().map((c) => [`content/cases/${c.id}.mdx`, c.file, c.data.sources] as const),
    ...readInstruments().map((i) => [`content/instruments/${i.id}.mdx`, i.file, i.data.sources] as const),
  ];

  test.each(pages)('%s', (_name, file, sources) => {
    const suspicious: string[] = [];
    for (const sentence of body(file).split(/(?<=[.!?])\s+/)) {
      if (!disclaims.test(sentence)) continue;
      for (const id of sourcesMeant(sentence, sources)) suspicious.push(`noemt ${sourceFileId(id)} als bron, maar zegt zelf: "${sentence.trim()}"`);
    }
    expect(suspicious).toEqual([]);
  });
});
