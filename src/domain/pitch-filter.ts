/**
 * Home of the public pitch list's query: which filters, sort and page a URL
 * asks for, and the per-value counts of the place facets. Same rules as the case list
 * (case-filter.ts): within one facet the chosen values widen the result (OR), across facets they
 * narrow it (AND); unknown values are dropped and reported, never an error. Plain TypeScript:
 * the SQL that applies a filter lives in src/features/marketplace/pitch-list.ts.
 */
import { sectors, targetGroups } from './facets.ts';
import { helpKinds } from './help-kinds.ts';

export const pitchFacetKeys = ['municipalities', 'provinces', 'regions', 'targetGroups', 'sectors', 'helpKinds', 'status'] as const;
export type PitchFacetKey = (typeof pitchFacetKeys)[number];

/** The facets a place decides; their values are municipality, province and region ids. */
export const placeFacetKeys = ['municipalities', 'provinces', 'regions'] as const satisfies readonly PitchFacetKey[];
export type PlaceFacetKey = (typeof placeFacetKeys)[number];

/** Query-string names, in Dutch because people see and share these URLs (the plan's URLs). */
export const pitchFacetParams: Record<PitchFacetKey, string> = {
  municipalities: 'gemeente',
  provinces: 'provincie',
  regions: 'regio',
  targetGroups: 'doelgroep',
  sectors: 'sector',
  helpKinds: 'hulp',
  status: 'status',
};

/** Open: published and the closing day not ended; gesloten: closed, or published past its closing date. */
export const pitchListStates = ['open', 'gesloten'] as const;
export type PitchListState = (typeof pitchListStates)[number];

/** What the states are called in the filter column and the open data. */
export const pitchListStateLabel: Record<PitchListState, string> = { open: 'Open voor aanbod', gesloten: 'Gesloten' };

/**
 * open: open pitches first, then closed ones, each newest publication first (the default: most
 * visitors come to join, and a closed pitch on top makes them scroll past it); nieuwste: newest
 * publication first, whatever the status; sluitingsdatum: soonest closing first, closed ones last.
 */
export const pitchSorts = ['open', 'nieuwste', 'sluitingsdatum'] as const;
export type PitchSort = (typeof pitchSorts)[number];

/** The sort a list URL without `sorteer` gets; left out of the URLs we make. */
export const DEFAULT_PITCH_SORT: PitchSort = 'open';

export const PITCHES_PER_PAGE = 20;
/** No one pages this far; a bigger number in a URL is treated as a typo, not a huge OFFSET. */
export const MAX_PAGE = 10_000;

export type PitchFilter = Record<PitchFacetKey, string[]>;

/** What a list URL asks for. */
export interface PitchQuery {
  filter: PitchFilter;
  sort: PitchSort;
  /** 1-based. */
  page: number;
}

export interface ParsedPitchQuery extends PitchQuery {
  /** Values in the URL that are not in the vocabulary; ignored, and reported to the user. */
  ignored: string[];
}

/** The place ids that exist (from src/features/catalog/geo.ts); the domain does not read files itself. */
export interface PlaceVocabulary {
  municipalities: ReadonlySet<string>;
  provinces: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

/** An empty filter: every public pitch. */
export function emptyPitchFilter(): PitchFilter {
  return { municipalities: [], provinces: [], regions: [], targetGroups: [], sectors: [], helpKinds: [], status: [] };
}

const fixedVocabularies = {
  targetGroups: new Set<string>(targetGroups.ids),
  sectors: new Set<string>(sectors.ids),
  helpKinds: new Set<string>(helpKinds.ids),
  status: new Set<string>(pitchListStates),
};

/**
 * Reads filter, sort and page from query parameters. Unknown values, sorts and page numbers
 * are dropped rather than failing, so an old or mistyped link still shows a useful page.
 */
export function parsePitchQuery(params: URLSearchParams, places: PlaceVocabulary): ParsedPitchQuery {
  const known: Record<PitchFacetKey, ReadonlySet<string>> = { ...places, ...fixedVocabularies };
  const filter = emptyPitchFilter();
  const ignored: string[] = [];
  for (const key of pitchFacetKeys) {
    for (const value of params.getAll(pitchFacetParams[key])) {
      if (value === '') continue;
      if (known[key].has(value)) {
        if (!filter[key].includes(value)) filter[key].push(value);
      } else {
        ignored.push(value.slice(0, 60));
      }
    }
  }
  const sortParam = params.get('sorteer');
  const sort: PitchSort = (pitchSorts as readonly string[]).includes(sortParam ?? '') ? (sortParam as PitchSort) : DEFAULT_PITCH_SORT;
  return { filter, sort, page: parsePage(params.get('pagina')), ignored };
}

/** A page number from the URL: a whole number from 1 to MAX_PAGE, otherwise page 1. */
export function parsePage(value: string | null): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function isEmptyPitchFilter(filter: PitchFilter): boolean {
  return pitchFacetKeys.every((key) => filter[key].length === 0);
}

/**
 * The URL query for a list view; defaults (DEFAULT_PITCH_SORT, page 1) are left out so links stay short
 * and one view has one URL.
 */
export function pitchQueryToSearchParams(query: { filter: PitchFilter; sort?: PitchSort; page?: number }): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of pitchFacetKeys) for (const value of query.filter[key]) params.append(pitchFacetParams[key], value);
  if (query.sort && query.sort !== DEFAULT_PITCH_SORT) params.set('sorteer', query.sort);
  if (query.page && query.page > 1) params.set('pagina', String(query.page));
  return params;
}

/** Number of pages for a total (at least 1, so "pagina 1 van 1" also reads right when empty). */
export function pageCountFor(total: number, perPage = PITCHES_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** Where a municipality lies, to count provinces and regions from counts per municipality. */
export interface MunicipalityPlace {
  province: string;
  region: string;
}

/**
 * The counts beside the place checkboxes. `byMunicipality`: public pitches per municipality
 * with every non-place filter applied. Each place facet is counted with the other two place
 * facets applied, as every facet of the case list is.
 */
export function placeFacetCounts(
  byMunicipality: ReadonlyMap<string, number>,
  filter: PitchFilter,
  places: ReadonlyMap<string, MunicipalityPlace>,
): Record<PlaceFacetKey, Map<string, number>> {
  const counts = { municipalities: new Map<string, number>(), provinces: new Map<string, number>(), regions: new Map<string, number>() };
  for (const [municipality, n] of byMunicipality) {
    const place = places.get(municipality);
    if (!place) continue;
    const values: Record<PlaceFacetKey, string> = { municipalities: municipality, provinces: place.province, regions: place.region };
    for (const key of placeFacetKeys) {
      const passesOthers = placeFacetKeys.every((other) => other === key || filter[other].length === 0 || filter[other].includes(values[other]));
      if (passesOthers) counts[key].set(values[key], (counts[key].get(values[key]) ?? 0) + n);
    }
  }
  return counts;
}
