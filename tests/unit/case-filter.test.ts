import { describe, expect, test } from 'vitest';
import { emptyFilter, facetCounts, filterCases, filterToSearchParams, parseCaseFilter, type CaseFacetKey, type FacetedCase } from '#domain/case-filter.ts';

const item = (id: string, values: Partial<Record<CaseFacetKey, string[]>>): FacetedCase => ({
  id,
  sectors: [],
  targetGroups: [],
  instruments: [],
  municipalities: [],
  provinces: [],
  regions: [],
  ...values,
});

const cases = [
  item('postnl', { sectors: ['logistiek'], targetGroups: ['arbeidsbeperking'], provinces: ['gelderland', 'limburg'] }),
  item('asito', { sectors: ['facilitair', 'onderwijs'], targetGroups: ['leerlingen'] }),
  item('facilicom', { sectors: ['facilitair'], targetGroups: ['afstand-arbeidsmarkt'], provinces: ['utrecht'] }),
];
const known = {
  sectors: new Set(['logistiek', 'facilitair', 'onderwijs']),
  targetGroups: new Set(['arbeidsbeperking', 'leerlingen', 'afstand-arbeidsmarkt']),
  instruments: new Set<string>(),
  municipalities: new Set<string>(),
  provinces: new Set(['gelderland', 'limburg', 'utrecht']),
  regions: new Set<string>(),
};

describe('parseCaseFilter', () => {
  test('leest de Nederlandse parameternamen en slaat onbekende waarden over', () => {
    const { filter, ignored } = parseCaseFilter(new URLSearchParams('sector=logistiek&sector=bestaatniet&provincie=utrecht&sector=logistiek'), known);
    expect(filter.sectors).toEqual(['logistiek']);
    expect(filter.provinces).toEqual(['utrecht']);
    expect(ignored).toEqual(['bestaatniet']);
  });

  test('een lege waarde is geen filter', () => {
    expect(parseCaseFilter(new URLSearchParams('sector='), known).filter).toEqual(emptyFilter());
  });

  test('terug naar een URL geeft dezelfde filter', () => {
    const { filter } = parseCaseFilter(new URLSearchParams('sector=facilitair&doelgroep=leerlingen'), known);
    expect(filterToSearchParams(filter).toString()).toBe('sector=facilitair&doelgroep=leerlingen');
  });
});

describe('filterCases', () => {
  test('binnen een facet verbreden keuzes (OF), tussen facetten vernauwen ze (EN)', () => {
    const or = { ...emptyFilter(), sectors: ['logistiek', 'onderwijs'] };
    expect(filterCases(cases, or).map((c) => c.id)).toEqual(['postnl', 'asito']);
    const and = { ...emptyFilter(), sectors: ['facilitair'], targetGroups: ['leerlingen'] };
    expect(filterCases(cases, and).map((c) => c.id)).toEqual(['asito']);
  });

  test('zonder filter komt alles terug', () => {
    expect(filterCases(cases, emptyFilter())).toHaveLength(3);
  });
});

describe('facetCounts', () => {
  test('telt per waarde wat die keuze zou opleveren, gegeven de andere facetten', () => {
    const filter = { ...emptyFilter(), sectors: ['facilitair'] };
    // Sector counts ignore the sector choice itself, so other sectors stay choosable.
    expect(Object.fromEntries(facetCounts(cases, filter, 'sectors'))).toEqual({ logistiek: 1, facilitair: 2, onderwijs: 1 });
    // Target-group counts respect the sector choice.
    expect(Object.fromEntries(facetCounts(cases, filter, 'targetGroups'))).toEqual({ leerlingen: 1, 'afstand-arbeidsmarkt': 1 });
  });
});
