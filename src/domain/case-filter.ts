/**
 * Home of faceted filtering of case studies: parse a filter from a URL, apply it, and count
 * per facet value how many cases a choice would give. Within one facet the chosen values
 * widen the result (OR); across facets they narrow it (AND). Plain TypeScript, no Astro.
 */

export const caseFacetKeys = ['sectors', 'targetGroups', 'instruments', 'municipalities', 'provinces', 'regions'] as const;
export type CaseFacetKey = (typeof caseFacetKeys)[number];

/** Query-string names, in Dutch because people see and share these URLs. */
export const facetParams: Record<CaseFacetKey, string> = {
  sectors: 'sector',
  targetGroups: 'doelgroep',
  instruments: 'instrument',
  municipalities: 'gemeente',
  provinces: 'provincie',
  regions: 'regio',
};

/** The facet values one case carries; provinces and regions derive from its municipalities. */
export type FacetedCase = { id: string } & Record<CaseFacetKey, readonly string[]>;

export type CaseFilter = Record<CaseFacetKey, string[]>;

export function emptyFilter(): CaseFilter {
  return { sectors: [], targetGroups: [], instruments: [], municipalities: [], provinces: [], regions: [] };
}

export interface ParsedFilter {
  filter: CaseFilter;
  /** Values in the URL that are not in the vocabulary; ignored, and reported to the user. */
  ignored: string[];
}

/**
 * Reads a filter from query parameters. Unknown values are dropped rather than failing,
 * so an old or mistyped link still shows a useful page.
 */
export function parseCaseFilter(params: URLSearchParams, known: Record<CaseFacetKey, ReadonlySet<string>>): ParsedFilter {
  const filter = emptyFilter();
  const ignored: string[] = [];
  for (const key of caseFacetKeys) {
    for (const value of params.getAll(facetParams[key])) {
      if (value === '') continue;
      if (known[key].has(value)) {
        if (!filter[key].includes(value)) filter[key].push(value);
      } else {
        ignored.push(value.slice(0, 60));
      }
    }
  }
  return { filter, ignored };
}

export function isEmptyFilter(filter: CaseFilter): boolean {
  return caseFacetKeys.every((key) => filter[key].length === 0);
}

/** Does the case satisfy every facet of the filter, optionally leaving one facet out? */
export function matchesFilter(item: FacetedCase, filter: CaseFilter, except?: CaseFacetKey): boolean {
  return caseFacetKeys.every((key) => {
    if (key === except || filter[key].length === 0) return true;
    return filter[key].some((value) => item[key].includes(value));
  });
}

export function filterCases<T extends FacetedCase>(items: readonly T[], filter: CaseFilter): T[] {
  return items.filter((item) => matchesFilter(item, filter));
}

/**
 * For each value of one facet: how many cases there would be with that value ticked,
 * given the choices in all other facets. This is the number shown beside each checkbox.
 */
export function facetCounts(items: readonly FacetedCase[], filter: CaseFilter, key: CaseFacetKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (!matchesFilter(item, filter, key)) continue;
    for (const value of new Set(item[key])) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

export function filterToSearchParams(filter: CaseFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of caseFacetKeys) for (const value of filter[key]) params.append(facetParams[key], value);
  return params;
}
