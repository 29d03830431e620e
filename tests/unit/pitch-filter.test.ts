import { describe, expect, test } from 'vitest';
import {
  MAX_PAGE,
  emptyPitchFilter,
  pageCountFor,
  parsePage,
  parsePitchQuery,
  pitchQueryToSearchParams,
  placeFacetCounts,
} from '#domain/pitch-filter.ts';

const places = {
  municipalities: new Set(['zaanstad', 'amsterdam', 'zwolle']),
  provinces: new Set(['noord-holland', 'overijssel']),
  regions: new Set(['zaanstreek-waterland', 'groot-amsterdam', 'regio-zwolle']),
};
const parse = (query: string) => parsePitchQuery(new URLSearchParams(query), places);

describe('parsePitchQuery', () => {
  test('leest de Nederlandse parameternamen van alle filters', () => {
    const q = parse('gemeente=zaanstad&provincie=noord-holland&regio=zaanstreek-waterland&doelgroep=jongeren&sector=zorg&hulp=banen&status=open&sorteer=sluitingsdatum&pagina=3');
    expect(q.filter).toEqual({
      municipalities: ['zaanstad'],
      provinces: ['noord-holland'],
      regions: ['zaanstreek-waterland'],
      targetGroups: ['jongeren'],
      sectors: ['zorg'],
      helpKinds: ['banen'],
      status: ['open'],
    });
    expect(q.sort).toBe('sluitingsdatum');
    expect(q.page).toBe(3);
    expect(q.ignored).toEqual([]);
  });

  test('slaat onbekende waarden over en meldt ze, zonder fout; dubbele en lege waarden tellen één keer of niet', () => {
    const q = parse('gemeente=atlantis&doelgroep=jongeren&doelgroep=jongeren&doelgroep=&status=misschien&hulp=<script>&sector=' + 'x'.repeat(500));
    expect(q.filter.municipalities).toEqual([]);
    expect(q.filter.targetGroups).toEqual(['jongeren']);
    expect(q.filter.status).toEqual([]);
    expect(q.ignored).toEqual(['atlantis', 'x'.repeat(60), '<script>', 'misschien']);
  });

  test('een onbekende sortering of een vreemd paginanummer geeft de standaard', () => {
    for (const page of ['0', '-1', 'twee', '1.5', '1e3', String(MAX_PAGE + 1), '99999999999999999999', '']) {
      expect(parse(`pagina=${page}`).page, page).toBe(1);
    }
    expect(parse('pagina=7').page).toBe(7);
    // The default puts open pitches first; an explicit choice is kept.
    expect(parse('sorteer=duurste').sort).toBe('open');
    expect(parse('').sort).toBe('open');
    expect(parse('sorteer=nieuwste').sort).toBe('nieuwste');
    expect(parsePage(null)).toBe(1);
  });
});

describe('pitchQueryToSearchParams', () => {
  test('laat standaardwaarden weg en houdt filters bij het bladeren', () => {
    const filter = { ...emptyPitchFilter(), targetGroups: ['jongeren', 'ouderen'], municipalities: ['zaanstad'] };
    expect(String(pitchQueryToSearchParams({ filter, sort: 'open', page: 1 }))).toBe('gemeente=zaanstad&doelgroep=jongeren&doelgroep=ouderen');
    expect(String(pitchQueryToSearchParams({ filter, sort: 'nieuwste', page: 1 }))).toBe('gemeente=zaanstad&doelgroep=jongeren&doelgroep=ouderen&sorteer=nieuwste');
    expect(String(pitchQueryToSearchParams({ filter, sort: 'sluitingsdatum', page: 2 }))).toBe('gemeente=zaanstad&doelgroep=jongeren&doelgroep=ouderen&sorteer=sluitingsdatum&pagina=2');
    // Round trip: what a link says is what the page reads.
    const again = parse(String(pitchQueryToSearchParams({ filter, sort: 'sluitingsdatum', page: 2 })));
    expect(again.filter).toEqual(filter);
  });

  test('aantal pagina’s is minstens 1', () => {
    expect(pageCountFor(0, 20)).toBe(1);
    expect(pageCountFor(20, 20)).toBe(1);
    expect(pageCountFor(21, 20)).toBe(2);
  });
});

describe('placeFacetCounts', () => {
  const where = new Map([
    ['zaanstad', { province: 'noord-holland', region: 'zaanstreek-waterland' }],
    ['amsterdam', { province: 'noord-holland', region: 'groot-amsterdam' }],
    ['zwolle', { province: 'overijssel', region: 'regio-zwolle' }],
  ]);
  const byMunicipality = new Map([
    ['zaanstad', 2],
    ['amsterdam', 3],
    ['zwolle', 1],
  ]);

  test('zonder plaatskeuze: per gemeente, provincie en regio opgeteld', () => {
    const c = placeFacetCounts(byMunicipality, emptyPitchFilter(), where);
    expect(Object.fromEntries(c.provinces)).toEqual({ 'noord-holland': 5, overijssel: 1 });
    expect(Object.fromEntries(c.regions)).toEqual({ 'zaanstreek-waterland': 2, 'groot-amsterdam': 3, 'regio-zwolle': 1 });
    expect(c.municipalities.get('zwolle')).toBe(1);
  });

  test('elk plaatsfilter telt met de keuzes in de andere twee, niet met zijn eigen', () => {
    const c = placeFacetCounts(byMunicipality, { ...emptyPitchFilter(), provinces: ['overijssel'] }, where);
    // The province facet ignores its own choice, so Noord-Holland still shows what it would give.
    expect(Object.fromEntries(c.provinces)).toEqual({ 'noord-holland': 5, overijssel: 1 });
    // Municipalities and regions are counted inside Overijssel only.
    expect(Object.fromEntries(c.municipalities)).toEqual({ zwolle: 1 });
    expect(Object.fromEntries(c.regions)).toEqual({ 'regio-zwolle': 1 });
  });
});
