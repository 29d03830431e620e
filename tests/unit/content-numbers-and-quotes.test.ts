/**
 * Every number and every quotation in the content comes from a source the page cites: each
 * number of two or more digits and each quoted phrase („…", "…", '…', “…”, ‘…’) in the cases,
 * instruments, organisation descriptions and source descriptions occurs in the text of a source
 * the page names in its frontmatter (an organisation: its `sources`; a source record: its own
 * text). A failure names the file, the line and the number or phrase.
 *
 * How things are compared:
 * - numbers: "2.000" and "2000" are the same, a range "2022–2026" is two numbers, and a number
 *   word in the source (tien … duizend) counts as its digits ("tien werkgevers" supports "10");
 * - quotations: by their words (lower case, without accents and punctuation), so „reinheid, rust
 *   en regelmaat" matches however the source punctuates it; an ellipsis splits a quotation into
 *   parts that must each occur. An apostrophe inside a word (zo'n, programma's) is no quote.
 *
 * Not claims, so not checked (keep this list short):
 * - the record's own facts: `published`, `updated`, a pitch's `closedOn`, and a source date's
 *   `iso` (the machine form of the date the text gives, "03-21" for "21 maart");
 * - ids and vocabularies: `id`, `sources`/`source` (file names such as
 *   zoetermeer-pvda-programma-2022-2026-werk.txt), the facet and organisation lists;
 * - link targets and web addresses;
 * - YAML comments.
 * A cited source without a text file here (a web page) cannot be checked; such a page is checked
 * against its other sources.
 */
import { describe, expect, test } from 'vitest';
import { haveSourceTexts, noSourceTexts, sourceText, sourceTextExists } from '../source-texts.ts';
import { lineAt, mdxUnits, normalWords, numbersIn, numbersOfSource, quotedPhrases, withoutAddresses, yamlFileUnits, type TextUnit } from '../content-text.ts';
import { readCases, readInstruments } from './content-files.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { sourceFileId } from '#features/catalog/sources.ts';

/** Keys whose values are not claims (see above). */
const notClaims = new Set(['id', 'published', 'updated', 'closedOn', 'sources', 'source', 'featured', 'kind', 'sectors', 'targetGroups', 'employers', 'municipalities', 'partners', 'places', 'instruments', 'organisations', 'evidence', 'status', 'municipality']);

interface SourceFacts {
  numbers: Set<string>;
  /** The text's words joined by single spaces, with a space at both ends. */
  words: string;
}

const facts = new Map<string, SourceFacts>();
function factsOf(id: string): SourceFacts | null {
  const file = sourceFileId(id);
  if (!facts.has(file)) {
    if (!sourceTextExists(file)) return null;
    const text = sourceText(file);
    facts.set(file, { numbers: numbersOfSource(text), words: ` ${normalWords(text).join(' ')} ` });
  }
  return facts.get(file)!;
}

/** What in these units no cited source gives: "regel: getal 80" or "regel: citaat „…"". */
function unsupported(units: TextUnit[], citesOf: (unit: TextUnit) => readonly string[]): string[] {
  const findings: string[] = [];
  for (const unit of units) {
    if (notClaims.has(unit.key)) continue;
    const cited = citesOf(unit).map(factsOf).filter((f): f is SourceFacts => f !== null);
    if (cited.length === 0) continue;
    const text = withoutAddresses(unit.text).replace(/\biso:\s*'[^']*'/g, (m) => ' '.repeat(m.length));
    for (const { number, offset } of numbersIn(text)) {
      if (!cited.some((s) => s.numbers.has(number))) findings.push(`${unit.file}:${lineAt(unit, offset)}: getal ${number}`);
    }
    for (const { phrase, start } of quotedPhrases(text)) {
      const parts = phrase.split(/…|\.\.\./).map((part) => normalWords(part).join(' ')).filter(Boolean);
      if (!parts.every((part) => cited.some((s) => s.words.includes(` ${part} `)))) findings.push(`${unit.file}:${lineAt(unit, start)}: citaat „${phrase}"`);
    }
  }
  return findings;
}

describe.skipIf(!haveSourceTexts)(`getallen en citaten staan in een bron die de pagina noemt${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, () => {
  const pages = [
    ...readCases().map((c) => [c.file, c.data.sources] as const),
    ...readInstruments().map((i) => [i.file, [...i.data.sources, ...i.data.stances.map((s) => s.source)]] as const),
  ];

  test.each(pages)('%s', (file, cites) => {
    expect(unsupported(mdxUnits(file), () => cites)).toEqual([]);
  });

  test('content/organisations/organisations.yaml (elke beschrijving tegen haar eigen bronnen)', () => {
    const sourcesOf = new Map(loadOrganisationRecords().map((o) => [o.id, o.sources ?? []]));
    expect(unsupported(yamlFileUnits('content/organisations/organisations.yaml'), (unit) => sourcesOf.get(unit.record) ?? [])).toEqual([]);
  });

  test('content/sources/sources.yaml (elke bron tegen haar eigen tekst)', () => {
    expect(unsupported(yamlFileUnits('content/sources/sources.yaml'), (unit) => (unit.record ? [unit.record] : []))).toEqual([]);
  });
});

describe('hoe getallen en citaten gelezen worden', () => {
  test('getallen: duizendtallen met of zonder punt, een reeks is twee getallen, één cijfer telt niet', () => {
    expect(numbersIn('2.000 banen, 10000 mensen, 2022–2026, 1,5 jaar, 3 keer en 21 maart.').map((n) => n.number)).toEqual(['2000', '10000', '2022', '2026', '1,5', '21']);
    expect([...numbersOfSource('Maar liefst tien werkgevers en vijftig anderen, 2.000 banen')].sort()).toEqual(['10', '2000', '50']);
  });

  test('citaten: „…", "…", “…”, \'…\' en ‘…’; een apostrof in een woord is geen citaat', () => {
    const phrases = (text: string) => quotedPhrases(text).map((q) => q.phrase);
    expect(phrases('Ze zei „wie biedt?" en “gewoon doen”; het \'Jongerenpact\' en ‘parels’ in zo\'n programma\'s tekst, "reinheid, rust en regelmaat".')).toEqual([
      'wie biedt?', 'gewoon doen', 'Jongerenpact', 'parels', 'reinheid, rust en regelmaat',
    ]);
    expect(phrases("Zo'n programma's arbeidsmarktregio's")).toEqual([]);
  });
});
