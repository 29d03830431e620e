/** The activity list's filters: reading a URL, matching (OR within a facet, AND across), and the counts. */
import { describe, expect, test } from 'vitest';
import {
  activityFacetCounts,
  activityQueryToSearchParams,
  emptyActivityFilter,
  matchesActivityFilter,
  parseActivityQuery,
  type FilterableActivity,
} from '#domain/activity-filter.ts';

const places = { municipalities: new Set(['zaanstad', 'utrecht']), provinces: new Set(['noord-holland', 'utrecht']), regions: new Set(['zaanstreek-waterland', 'midden-utrecht']) };

const conference: FilterableActivity = { kind: 'werkconferentie', audiences: ['gemeenten', 'werkgevers'], targetGroups: ['arbeidsbeperking'], sectors: [], municipalityId: 'zaanstad', province: 'noord-holland', region: 'zaanstreek-waterland', online: false };
const webinar: FilterableActivity = { kind: 'anders', audiences: ['werkgevers'], targetGroups: ['jongeren'], sectors: ['logistiek'], municipalityId: null, province: null, region: null, online: true };
const openDay: FilterableActivity = { kind: 'open-dag', audiences: ['werkzoekenden'], targetGroups: ['arbeidsbeperking'], sectors: ['logistiek'], municipalityId: 'utrecht', province: 'utrecht', region: 'midden-utrecht', online: false };
const all = [conference, webinar, openDay];

describe('activiteiten filteren', () => {
  test('een adres leest als filter; onbekende waarden worden gemeld, niet fout', () => {
    const query = parseActivityQuery(new URLSearchParams('soort=werkconferentie&doelgroep=arbeidsbeperking&doelgroep=onzin&online=ja&wanneer=voorbij&pagina=2'), places);
    expect(query.filter.kinds).toEqual(['werkconferentie']);
    expect(query.filter.targetGroups).toEqual(['arbeidsbeperking']);
    expect(query.filter.online).toEqual(['ja']);
    expect(query.period).toBe('voorbij');
    expect(query.page).toBe(2);
    expect(query.ignored).toEqual(['onzin']);
    expect(parseActivityQuery(new URLSearchParams('pagina=-1&wanneer=gisteren'), places)).toMatchObject({ period: 'komend', page: 1 });
  });

  test('heen en terug: een weergave heeft één adres', () => {
    const query = parseActivityQuery(new URLSearchParams('voor=werkgevers&gemeente=zaanstad'), places);
    expect(activityQueryToSearchParams(query).toString()).toBe('voor=werkgevers&gemeente=zaanstad');
  });

  test('binnen een facet OF, tussen facetten EN', () => {
    const pick = (q: string) => all.filter((a) => matchesActivityFilter(a, parseActivityQuery(new URLSearchParams(q), places).filter));
    expect(pick('doelgroep=arbeidsbeperking')).toEqual([conference, openDay]);
    expect(pick('doelgroep=arbeidsbeperking&doelgroep=jongeren')).toEqual(all);
    expect(pick('doelgroep=arbeidsbeperking&sector=logistiek')).toEqual([openDay]);
    expect(pick('online=ja')).toEqual([webinar]);
    expect(pick('provincie=noord-holland')).toEqual([conference]);
    expect(pick('voor=werkgevers')).toEqual([conference, webinar]);
    expect(pick('')).toEqual(all);
  });

  test('de tellingen naast een keuze houden rekening met de andere facetten, niet met de eigen', () => {
    const filter = { ...emptyActivityFilter(), sectors: ['logistiek'] };
    const { counts, used } = activityFacetCounts(all, filter);
    expect(counts.sectors.get('logistiek')).toBe(2);
    expect(counts.targetGroups.get('arbeidsbeperking')).toBe(1);
    expect(counts.targetGroups.get('jongeren')).toBe(1);
    expect(counts.kinds.get('werkconferentie')).toBeUndefined();
    expect(used.kinds).toEqual(new Set(['werkconferentie', 'anders', 'open-dag']));
  });
});
