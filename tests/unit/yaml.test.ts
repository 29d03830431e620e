/**
 * The one YAML module (src/platform/yaml.ts): it reads every content file exactly as the build's
 * own parser (Astro's js-yaml) does, and what it writes reads back, in that parser, as the data
 * it was given, however hostile the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readYaml, yamlText } from '#platform/yaml.ts';
import { astroYamlLoad } from './astro-yaml.ts';

const frontmatterOf = (text: string) => /^---\n([\s\S]*?\n)---/.exec(text)![1]!;
const contentFiles = [
  ...['cases', 'instruments'].flatMap((folder) => readdirSync(join('content', folder)).filter((f) => f.endsWith('.mdx')).map((f) => [`${folder}/${f}`, frontmatterOf(readFileSync(join('content', folder, f), 'utf8'))] as const)),
  ...['organisations/organisations.yaml', 'sources/sources.yaml'].map((path) => [path, readFileSync(join('content', path), 'utf8')] as const),
];

describe('lezen zoals de build leest', () => {
  test.each(contentFiles)('%s: dezelfde gegevens als de parser van Astro', (_path, text) => {
    expect(readYaml(text)).toEqual(astroYamlLoad(text));
  });
});

const hostile = [
  'a\n---\nfeatured: true\nb',
  "!!js/function 'function () { return process.exit() }'",
  '&a x: *a',
  'zeg "hallo" \\ dag',
  '- lijst',
  '# geen commentaar',
  'true',
  'null',
  '12',
  '2026-01-01',
  '03-21',
  'x: y',
  '{ a: 1 }',
  '[a, b]',
  ' spaties rondom ',
  '',
  'tab\tregel\rterug\u2028lijn\u2029alinea\u0085nel\u0000nul\u007fdel\ufeffbom',
  `lang ${'woord '.repeat(60)}`,
];

describe('schrijven', () => {
  test.each(hostile.map((value) => [JSON.stringify(value).slice(0, 40), value] as const))('%s blijft tekst, als tekst, bare of tussen aanhalingstekens', (_name, value) => {
    const data = { title: value, evidence: value, sources: [value, 'gewoon-id'], stances: [{ municipality: value, statement: value }] };
    const text = yamlText(data, { plain: ['evidence', 'municipality'], flow: ['sources'] });
    expect(astroYamlLoad(text)).toEqual(data);
    expect(readYaml(text)).toEqual(data);
    // Nothing can end the frontmatter: no line of ours starts with ---.
    expect(text).not.toMatch(/^---/m);
  });

  test('zoals de bestanden eruitzien: tekst tussen aanhalingstekens, ids kaal, id-lijsten op één regel, datums als JJJJ-MM-DD, commentaar boven een sleutel', () => {
    const text = yamlText(
      { title: 'Titel', employers: ['postnl', 'asito'], outcomes: ['Eén', 'Twee'], evidence: 'resultaat', pitch: { id: 'p-1', closedOn: new Date('2026-06-30') }, published: new Date('2026-11-22'), featured: false, updated: undefined },
      { plain: ['evidence', 'id'], flow: ['employers'], comments: { title: ['bovenaan', '  - ingesprongen'], 'pitch.closedOn': ['de dag'] } },
    );
    expect(text).toBe(
      [
        '# bovenaan',
        '#   - ingesprongen',
        'title: "Titel"',
        'employers: [postnl, asito]',
        'outcomes:',
        '  - "Eén"',
        '  - "Twee"',
        'evidence: resultaat',
        'pitch:',
        '  id: p-1',
        '  # de dag',
        '  closedOn: 2026-06-30',
        'published: 2026-11-22',
        'featured: false',
        '',
      ].join('\n'),
    );
  });
});
