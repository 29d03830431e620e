/**
 * Every source says when it is from (or "onbekend"), what kind of text it is and
 * what it supports; every case gets its provenance from its sources; every page that cites a
 * source is listed on that source's page. Dates and event facts must occur in the source text.
 */
import { describe, expect, test } from 'vitest';
import { haveSourceTexts, noSourceTexts, sourceText, sourceTextExists } from '../source-texts.ts';
import { loadSourceRecords, sourceHref, sourceSlug } from '#features/catalog/sources.ts';
import { sourceKinds } from '#features/catalog/source-kinds.ts';
import { provenanceOf, standByStatus } from '#features/catalog/provenance.ts';
import { citationIndex } from '#features/catalog/citations.ts';
import { sourceSchema } from '#features/catalog/schemas/source.ts';
import { caseSchema } from '#features/catalog/schemas/case.ts';
import { citingContent, readCases, readInstruments, sourceRecordMap } from './content-files.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';

const conference = 'werkconferentie-werkgevers-en-gemeenten.txt';

describe('bronnen', () => {
  test.each(loadSourceRecords().map((s) => [s.id, s] as const))('%s heeft datum (of onbekend), soort met uitleg en wat ze onderbouwt', (_id, source) => {
    const parsed = sourceSchema.safeParse(source);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(source.date === 'onbekend' || source.date.text.length > 0).toBe(true);
    expect(sourceKinds[source.kind].weight.length).toBeGreaterThan(40);
    expect(source.supports.length).toBeGreaterThan(20);
  });
});

// These read the source texts themselves: where the folder is missing, they are skipped and say so.
describe.skipIf(!haveSourceTexts)(`bronnen tegen hun tekst${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, () => {
  test.each(loadSourceRecords().filter((s) => s.id.endsWith('.txt')).map((s) => [s.id] as const))('%s: het tekstbestand bestaat', (id) => {
    expect(sourceTextExists(id)).toBe(true);
  });

  test('een datum komt uit de tekst zelf: elke genoemde datum staat in het bronbestand', () => {
    for (const source of loadSourceRecords().filter((s) => s.id.endsWith('.txt'))) {
      const text = sourceText(source.id).toLowerCase();
      for (const date of [source.date, source.event?.date]) {
        if (date && date !== 'onbekend') expect(text, source.id).toContain(date.text.toLowerCase());
      }
    }
  });

  test('de werkconferentie: datum, gastheer, organisatoren en deelnemers uit het verslag', () => {
    const event = sourceRecordMap().get(conference)!.event!;
    const text = sourceText(conference);
    expect(event.date).toMatchObject({ text: 'donderdag 21 maart', note: 'jaartal niet genoemd' });
    expect(event.hosts).toEqual(['ProRail']);
    expect(text).toContain('We waren te gast bij ProRail');
    expect(event.organisers).toEqual(expect.arrayContaining(['VNG', 'Op naar de 100.000 banen']));
    expect(event.participants.join(' ')).toMatch(/21 centrumgemeenten/);
    expect(event.participants.join(' ')).toMatch(/vijftig inclusieve werkgevers/);
    // Every named person in the participants is named in the report.
    for (const name of ['Bert van Boggelen', 'Peter Heijkoop', 'Aart van der Gaag']) {
      expect(event.participants.join(' ')).toContain(name);
      expect(text).toContain(name);
    }
  });
});

describe('bronnen: schema en adres', () => {
  test('het schema weigert een bron zonder datum, zonder uitleg of met een verzonnen soort', () => {
    const good = loadSourceRecords()[1]!;
    const { date: _date, ...withoutDate } = good;
    expect(sourceSchema.safeParse(withoutDate).success).toBe(false);
    const { supports: _supports, ...withoutSupports } = good;
    expect(sourceSchema.safeParse(withoutSupports).success).toBe(false);
    expect(sourceSchema.safeParse({ ...good, kind: 'blog' }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...good, date: { text: 'ergens in 2019', iso: 'maart 2019' } }).success).toBe(false);
  });

  test('elke bron heeft een eigen adres zonder bestandsnaam-extensie', () => {
    expect(sourceSlug(conference)).toBe('werkconferentie-werkgevers-en-gemeenten');
    expect(sourceHref(conference)).toBe('/bronnen/werkconferentie-werkgevers-en-gemeenten/');
    const slugs = loadSourceRecords().map((s) => sourceSlug(s.id));
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

describe('herkomst van een praktijkvoorbeeld', () => {
  test.each(readCases().map((c) => [c.id, c] as const))('%s toont bijeenkomst of document, datum en stand van zaken uit zijn eerste bron', (_id, item) => {
    const p = provenanceOf(item.data, sourceRecordMap());
    const first = sourceRecordMap().get(item.data.sources[0]!)!;
    expect(p.source?.href).toBe(sourceHref(first.id));
    expect(p.origin.href).toBe(sourceHref(first.id));
    expect(p.origin.name.length).toBeGreaterThan(5);
    expect(p.origin.dateText).toMatch(/\S/);
    expect(p.standLabel).toMatch(/^Stand van zaken \(/);
    expect(p.stand).toBe(item.data.stand ?? standByStatus[item.data.status]);
    if (first.event) {
      expect(p.origin.kind).toBe('event');
      expect(p.origin.name).toBe(first.event.name);
    }
  });

  test('een voorbeeld van de werkconferentie: "Stand van zaken (verslag van donderdag 21 maart, jaartal niet genoemd): liep nog"', () => {
    const facilicom = readCases().find((c) => c.id === 'facilicom-buitengewoon')!;
    const p = provenanceOf(facilicom.data, sourceRecordMap());
    expect(p.origin).toMatchObject({ kind: 'event', name: 'Werkconferentie van werkgevers en gemeenten', iso: '03-21', hosts: ['ProRail'] });
    expect(`${p.standLabel}: ${p.stand}`).toBe('Stand van zaken (verslag van donderdag 21 maart, jaartal niet genoemd): liep nog');
  });

  test('een voorbeeld uit een programma zonder datum zegt "datum onbekend", geen verzonnen datum', () => {
    const p = provenanceOf({ sources: ['nijmegen-groenlinks-programma-werk.txt'], status: 'voornemen' }, sourceRecordMap());
    expect(p.origin.kind).toBe('document');
    expect(p.origin.dateText).toBe('datum onbekend');
    expect(p.standLabel).toBe('Stand van zaken (verkiezingsprogramma, datum onbekend)');
    expect(p.stand).toMatch(/voorstel/);
  });

  test('een nieuw praktijkvoorbeeld in het huidige schema (zonder stand, bron als bestandsnaam of als adres) blijft geldig', () => {
    const newCase = {
      title: 'Een nieuw voorbeeld',
      summary: 'Een korte samenvatting in gewone taal.',
      evidence: 'ervaring',
      status: 'lopend',
      sources: ['werkconferentie-werkgevers-en-gemeenten.txt'],
      published: '2026-11-26',
    };
    expect(caseSchema.parse(newCase).stand).toBeUndefined();
    expect(caseSchema.parse({ ...newCase, sources: ['werkconferentie-werkgevers-en-gemeenten'] }).sources).toEqual([conference]);
    expect(provenanceOf(caseSchema.parse(newCase), sourceRecordMap()).stand).toBe('liep nog');
  });
});

describe('wie een bron citeert', () => {
  const index = citationIndex(citingContent());

  test('elke pagina die een bron noemt, staat in de lijst van die bron', () => {
    for (const item of readCases()) {
      for (const source of item.data.sources) expect(index.get(source)?.map((c) => c.href), `${item.id} → ${source}`).toContain(`/praktijkvoorbeelden/${item.id}/`);
    }
    for (const item of readInstruments()) {
      for (const source of [...item.data.sources, ...item.data.stances.map((s) => s.source)]) {
        expect(index.get(source)?.map((c) => c.href), `${item.id} → ${source}`).toContain(`/instrumenten/${item.id}/`);
      }
    }
    for (const org of loadOrganisationRecords()) {
      for (const source of org.sources ?? []) expect(index.get(source)?.map((c) => c.href), `${org.id} → ${source}`).toContain(`/organisaties/${org.id}/`);
    }
  });

  test('en niets anders: elke vermelding hoort bij een pagina die de bron echt noemt', () => {
    const cited = new Set<string>();
    for (const item of readCases()) for (const s of item.data.sources) cited.add(`${s} /praktijkvoorbeelden/${item.id}/`);
    for (const item of readInstruments()) for (const s of [...item.data.sources, ...item.data.stances.map((x) => x.source)]) cited.add(`${s} /instrumenten/${item.id}/`);
    for (const org of loadOrganisationRecords()) for (const s of org.sources ?? []) cited.add(`${s} /organisaties/${org.id}/`);
    const listed = [...index].flatMap(([source, list]) => list.map((c) => `${source} ${c.href}`));
    expect(new Set(listed)).toEqual(cited);
    expect(listed.length).toBe(cited.size);
  });

  test('bij een instrument staat voor welke gemeente de uitspraak op de bron rust', () => {
    const utrecht = index.get('utrecht-verkiezingsprogramma-werk.txt')!;
    expect(utrecht.find((c) => c.id === 'basisbaan')?.stanceMunicipalities).toEqual(['utrecht']);
    // The werkgarantie page cites Utrecht's programme in its text, without a stance for Utrecht.
    expect(utrecht.find((c) => c.id === 'werkgarantie')?.stanceMunicipalities).toEqual([]);
  });

  test('de lijst begint met praktijkvoorbeelden, dan instrumenten, dan organisaties', () => {
    const kinds = index.get(conference)!.map((c) => c.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['case', 'instrument', 'organisation'].indexOf(a) - ['case', 'instrument', 'organisation'].indexOf(b)));
    expect(new Set(kinds)).toEqual(new Set(['case', 'instrument', 'organisation']));
  });
});
