/** The official area lists and the content that rests on them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { haveSourceTexts, noSourceTexts, sourceTextExists } from '../source-texts.ts';
import { describe, expect, test } from 'vitest';
import { loadGeo } from '#features/catalog/geo.ts';
import { parseCsv } from '#platform/csv.ts';
import { slugify } from '#features/catalog/slug.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';
import { instruments } from '#domain/facets.ts';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { instrumentSchema } from '#features/catalog/schemas/instrument.ts';

function frontmatter(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const match = text.match(/^---\n([\s\S]*?)\n---/);
  if (!match) throw new Error(`${file}: geen frontmatter`);
  return parseYaml(match[1]!);
}

describe('CBS-gebiedsindelingen', () => {
  const { municipalities, provinces, regions } = loadGeo();

  test('alle 342 gemeenten, 12 provincies en 35 arbeidsmarktregio’s', () => {
    expect(municipalities).toHaveLength(342);
    expect(provinces).toHaveLength(12);
    expect(regions).toHaveLength(35);
  });

  test.each([
    ['zaanstad', 'GM0479', 'Noord-Holland', 'Zaanstreek/Waterland'],
    ['amsterdam', 'GM0363', 'Noord-Holland', 'Groot Amsterdam'],
    ['nuenen-gerwen-en-nederwetten', 'GM0820', 'Noord-Brabant', 'Zuidoost-Brabant'],
    ['sudwest-fryslan', 'GM1900', 'Fryslân', 'Friesland'],
  ])('%s ligt in de juiste provincie en regio', (id, code, province, region) => {
    const m = municipalities.find((x) => x.id === id)!;
    expect(m.code).toBe(code);
    expect(m.province.name).toBe(province);
    expect(m.region.name).toBe(region);
  });

  test('parseCsv kent aanhalingstekens met komma’s erin', () => {
    expect(parseCsv('a,b\n"x, y",z\n')).toEqual([{ a: 'x, y', b: 'z' }]);
    expect(parseCsv('a\n"zei ""hoi"""\n')).toEqual([{ a: 'zei "hoi"' }]);
  });

  test('slugify maakt nette ids van Nederlandse namen', () => {
    expect(slugify("'s-Hertogenbosch")).toBe('s-hertogenbosch');
    expect(slugify('Súdwest-Fryslân')).toBe('sudwest-fryslan');
  });
});

describe('inhoud', () => {
  const caseFiles = readdirSync('content/cases').filter((f) => f.endsWith('.mdx'));
  const instrumentFiles = readdirSync('content/instruments').filter((f) => f.endsWith('.mdx'));

  test('de zeven gevraagde praktijkvoorbeelden bestaan', () => {
    for (const id of [
      'postnl-pakketsorteercentra',
      'asito-universiteit-utrecht',
      'facilicom-buitengewoon',
      'albert-heijn-zaanstad',
      'iss-de-liemers-breed-offensief',
      'zwolle-regelluw-werken',
      'zaanstad-poelenbrug-wie-biedt',
    ]) {
      expect(caseFiles).toContain(`${id}.mdx`);
    }
  });

  test.each(caseFiles)('praktijkvoorbeeld %s voldoet aan het schema', (file) => {
    const result = caseSchema.safeParse(frontmatter(join('content/cases', file)));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('elk instrument uit de lijst heeft precies één pagina, en omgekeerd', () => {
    expect(instrumentFiles.map((f) => f.replace(/\.mdx$/, '')).sort()).toEqual([...instruments.ids].sort());
  });

  test.each(instrumentFiles)('instrument %s voldoet aan het schema', (file) => {
    const result = instrumentSchema.safeParse(frontmatter(join('content/instruments', file)));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('een ambitie uit een verkiezingsprogramma staat nooit als resultaat in een praktijkvoorbeeld', () => {
    const programmes = new Set(loadSourceRecords().filter((s) => s.kind === 'verkiezingsprogramma').map((s) => s.id));
    for (const file of caseFiles) {
      const data = caseSchema.parse(frontmatter(join('content/cases', file)));
      // A case from a pitch may cite no source at all; `every` of nothing would wrongly count it as a programme's.
      if (data.sources.length > 0 && data.sources.every((s) => programmes.has(s))) expect(data.evidence, file).not.toBe('resultaat');
    }
  });

  // A source named after a text file has that text in the source texts folder (CI has it); one
  // added in the editor is a record with a web address or a description of where to read it.
  test.skipIf(!haveSourceTexts)(`elke bron met een tekstbestand bestaat in de bronteksten${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, () => {
    expect(loadSourceRecords().length).toBeGreaterThan(0);
    for (const source of loadSourceRecords()) if (source.id.endsWith('.txt')) expect(sourceTextExists(source.id), source.id).toBe(true);
  });

  test('een bron zonder tekstbestand zegt waar hij te lezen is', () => {
    for (const source of loadSourceRecords()) if (!source.id.endsWith('.txt')) expect(Boolean(source.url || source.location), source.id).toBe(true);
  });

  test('organisatie-ids zijn uniek over werkgevers, partners en gemeenten', () => {
    const ids = loadOrganisationRecords().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(342 + 19);
  });
});
