/**
 * The pages added after the first blind source check (Jongerenpact and youth, anti-discrimination, labour
 * migrants, trust-based benefit rules, Utrecht's 50-plus, the work conference) stay true to
 * their sources: a programme is an ambition, a page cites only sources about its own
 * municipalities, and advice is marked as ours.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { haveSourceTexts, noSourceTexts, sourceText } from '../source-texts.ts';
import { describe, expect, test } from 'vitest';
import { loadGeo } from '#features/catalog/geo.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';
import { caseSchema, type CaseFrontmatter } from '#features/catalog/schemas/case.ts';

const newPages = [
  'nijmegen-jongerenpact',
  'amsterdam-jongeren-diploma-stage-werk',
  'discriminatie-op-het-werk-utrecht-nijmegen',
  'arbeidsmigranten-utrecht-nijmegen',
  'bijstand-minder-controle-meer-vertrouwen',
  'utrecht-50-plussers-van-werk-naar-werk',
  'werkconferentie-werkgevers-en-gemeenten',
  // Added after the second check, for topics the sources support that had no page.
  'amsterdam-55-plussers-en-werkcooperaties',
  'nijmegen-regionale-afspraken-over-werk',
  'amsterdam-banenpact',
] as const;

/** Programme pages about what the party presents as already achieved ("Dit hebben we al bereikt"). */
const claimedPages: readonly string[] = ['nijmegen-jongerenpact', 'nijmegen-regionale-afspraken-over-werk'];

/** The party behind a programme, as its source header and sources.yaml name it; the Utrecht and Amsterdam texts name none. */
const partyOf: Record<string, string | undefined> = {
  'nijmegen-groenlinks-programma-werk.txt': 'GroenLinks',
  'zoetermeer-pvda-programma-2022-2026-werk.txt': 'PvdA',
};

const headings = ['## De situatie', '## De aanpak', '## Wat het laat werken', '## Wat u kunt overnemen'];

function readPage(id: string): { data: CaseFrontmatter; body: string } {
  const text = readFileSync(join('content/cases', `${id}.mdx`), 'utf8');
  const match = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
  if (!match) throw new Error(`${id}: geen frontmatter`);
  return { data: caseSchema.parse(parseYaml(match[1]!)), body: match[2]! };
}

const programmes = new Set(loadSourceRecords().filter((s) => s.kind === 'verkiezingsprogramma').map((s) => s.id));
const municipalityName = new Map(loadGeo().municipalities.map((m) => [m.id, m.name]));

describe('nieuwe pagina’s uit de bronnen (punt 13)', () => {
  test.each(newPages)('%s bestaat en heeft de vier vaste kopjes', (id) => {
    expect(existsSync(join('content/cases', `${id}.mdx`)), id).toBe(true);
    const { body } = readPage(id);
    for (const heading of headings) expect(body, `${id} mist "${heading}"`).toContain(`\n${heading}\n`);
  });

  // Reads the source texts: skipped, with the reason in its title, where the folder is missing.
  test.skipIf(!haveSourceTexts).each(newPages)(`%s noemt alleen bronnen waarin zijn gemeenten voorkomen${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, (id) => {
    const { data } = readPage(id);
    const names = data.municipalities.map((m) => municipalityName.get(m)!);
    // The conference names municipalities in its text but is no practice of theirs: untagged.
    if (id === 'werkconferentie-werkgevers-en-gemeenten') expect(names).toEqual([]);
    else expect(names.length, `${id} hoort bij minstens één gemeente`).toBeGreaterThan(0);
    for (const source of names.length > 0 ? data.sources : []) {
      const text = sourceText(source).toLowerCase();
      expect(names.some((name) => text.includes(name.toLowerCase())), `${source} noemt geen van ${names.join(', ')}`).toBe(true);
    }
    // And the other way round: no municipality is tagged that none of the cited sources mentions.
    for (const name of names) {
      expect(data.sources.some((s) => sourceText(s).toLowerCase().includes(name.toLowerCase())), `geen bron van ${id} noemt ${name}`).toBe(true);
    }
  });

  const programmePages = newPages.filter((id) => readPage(id).data.sources.every((s) => programmes.has(s)));

  test('de pagina’s over verkiezingsprogramma’s zijn er allemaal (alles behalve de werkconferentie)', () => {
    expect(programmePages).toEqual(newPages.filter((id) => id !== 'werkconferentie-werkgevers-en-gemeenten'));
  });

  test.each(programmePages)('%s is een ambitie, een voornemen zonder resultaten, en zegt dat het om een verkiezingsprogramma gaat', (id) => {
    const { data, body } = readPage(id);
    expect(data.evidence).toBe('ambitie');
    // The one thing a programme presents as achieved (the Jongerenpact) is the party's claim, not a proposal.
    expect(data.status).toBe(claimedPages.includes(id) ? 'geclaimd' : 'voornemen');
    expect(data.outcomes).toEqual([]);
    expect(body).toContain('verkiezingsprogramma');
    expect(data.summary.toLowerCase()).toMatch(/programma/);
  });

  test.each(programmePages)('%s noemt de partij alleen waar de bron haar noemt', (id) => {
    const { data, body } = readPage(id);
    for (const source of data.sources) {
      const party = partyOf[source];
      if (party) expect(body, `${id}: ${source} is van ${party}`).toContain(`verkiezingsprogramma van ${party === 'PvdA' ? 'de PvdA' : party} in`);
    }
    // A party that wrote none of the cited programmes is never named.
    for (const [source, party] of Object.entries(partyOf)) {
      if (party && !data.sources.includes(source)) expect(body, `${id} noemt ${party} zonder hun programma als bron`).not.toContain(party);
    }
  });

  test.each(newPages)('%s brengt tips als suggestie van de redactie, niet als bevinding', (id) => {
    const { body } = readPage(id);
    const advice = body.slice(body.indexOf('## Wat u kunt overnemen'));
    expect(advice).toMatch(/suggesties van de redactie van Praktijkplein/);
  });

  const conferenceFacts = ['21 maart', 'ProRail', 'VNG', 'Op naar de 100.000', '21 centrumgemeenten', 'vijftig inclusieve werkgevers'];

  test.skipIf(!haveSourceTexts)(`de feiten van de werkconferentie staan in haar verslag${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, () => {
    const source = sourceText('werkconferentie-werkgevers-en-gemeenten.txt');
    for (const fact of conferenceFacts) expect(source, `het verslag zelf noemt "${fact}"`).toContain(fact);
  });

  test('de werkconferentie noemt datum, plek, organisatoren en deelnemers uit haar verslag', () => {
    const { data, body } = readPage('werkconferentie-werkgevers-en-gemeenten');
    expect(data.sources).toEqual(['werkconferentie-werkgevers-en-gemeenten.txt']);
    for (const fact of conferenceFacts) expect(`${data.summary}\n${body}`, `de pagina noemt "${fact}"`).toContain(fact);
    // The source gives no year: the page must not invent one.
    expect(body).not.toMatch(/21 maart \d{4}/);
    expect(data.partners).toEqual(expect.arrayContaining(['vng', 'op-naar-de-100000-banen']));
  });
});
