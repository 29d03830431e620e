/**
 * Home of the activity list's filters: which filters a URL asks for, whether
 * an activity matches them, and the counts beside each choice. The same rules as the other
 * lists (pitch-filter.ts, case-filter.ts): within one facet the chosen values widen the result
 * (OR), across facets they narrow it (AND); unknown values are dropped and reported, never an
 * error. The list page and the iCal feed read the same query, so a filtered view and its feed
 * always hold the same activities. Plain TypeScript: no database, no Astro.
 */
import { activityAudiences, activityKinds } from './activity-vocabulary.ts';
import { sectors, targetGroups } from './facets.ts';
import type { PlaceVocabulary } from './pitch-filter.ts';

export const activityFacetKeys = ['kinds', 'audiences', 'municipalities', 'provinces', 'regions', 'targetGroups', 'sectors', 'online'] as const;
export type ActivityFacetKey = (typeof activityFacetKeys)[number];

/** Query-string names, in Dutch because people see and share these URLs (and subscribe to them). */
export const activityFacetParams: Record<ActivityFacetKey, string> = {
  kinds: 'soort',
  audiences: 'voor',
  municipalities: 'gemeente',
  provinces: 'provincie',
  regions: 'regio',
  targetGroups: 'doelgroep',
  sectors: 'sector',
  online: 'online',
};

/** The one value of the online facet: "can be joined online". */
export const ONLINE = 'ja';

export type ActivityFilter = Record<ActivityFacetKey, string[]>;

/** Upcoming (not yet ended) or past activities. */
export const activityPeriods = ['komend', 'voorbij'] as const;
export type ActivityPeriod = (typeof activityPeriods)[number];

export interface ActivityQuery {
  filter: ActivityFilter;
  period: ActivityPeriod;
  /** 1-based. */
  page: number;
  /** Values in the URL that are not in a vocabulary; ignored, and reported to the user. */
  ignored: string[];
}

/** What the filter reads of an activity. */
export interface FilterableActivity {
  kind: string;
  audiences: readonly string[];
  targetGroups: readonly string[];
  sectors: readonly string[];
  municipalityId: string | null;
  province: string | null;
  region: string | null;
  online: boolean;
}

export const ACTIVITIES_PER_PAGE = 25;
const MAX_PAGE = 10_000;

/** An empty filter: every public activity. */
export function emptyActivityFilter(): ActivityFilter {
  return { kinds: [], audiences: [], municipalities: [], provinces: [], regions: [], targetGroups: [], sectors: [], online: [] };
}

/** Reads filter, period and page from query parameters; unknown values are dropped, not errors. */
export function parseActivityQuery(params: URLSearchParams, places: PlaceVocabulary): ActivityQuery {
  const known: Record<ActivityFacetKey, ReadonlySet<string>> = {
    kinds: new Set(activityKinds.ids),
    audiences: new Set(activityAudiences.ids),
    ...places,
    targetGroups: new Set(targetGroups.ids),
    sectors: new Set(sectors.ids),
    online: new Set([ONLINE]),
  };
  const filter = emptyActivityFilter();
  const ignored: string[] = [];
  for (const key of activityFacetKeys) {
    for (const value of params.getAll(activityFacetParams[key])) {
      if (value === '') continue;
      if (known[key].has(value)) {
        if (!filter[key].includes(value)) filter[key].push(value);
      } else ignored.push(value.slice(0, 60));
    }
  }
  const period: ActivityPeriod = params.get('wanneer') === 'voorbij' ? 'voorbij' : 'komend';
  const pageText = params.get('pagina');
  const page = pageText && /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 && Number(pageText) <= MAX_PAGE ? Number(pageText) : 1;
  return { filter, period, page, ignored };
}

export function isEmptyActivityFilter(filter: ActivityFilter): boolean {
  return activityFacetKeys.every((key) => filter[key].length === 0);
}

/** The query string of a view; defaults (komend, page 1) are left out so one view has one URL. */
export function activityQueryToSearchParams(query: { filter: ActivityFilter; period?: ActivityPeriod; page?: number }): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of activityFacetKeys) for (const value of query.filter[key]) params.append(activityFacetParams[key], value);
  if (query.period === 'voorbij') params.set('wanneer', 'voorbij');
  if (query.page && query.page > 1) params.set('pagina', String(query.page));
  return params;
}

/** The values an activity has for one facet. */
function valuesOf(activity: FilterableActivity, key: ActivityFacetKey): readonly string[] {
  switch (key) {
    case 'kinds':
      return [activity.kind];
    case 'audiences':
    case 'targetGroups':
    case 'sectors':
      return activity[key];
    case 'municipalities':
      return activity.municipalityId ? [activity.municipalityId] : [];
    case 'provinces':
      return activity.province ? [activity.province] : [];
    case 'regions':
      return activity.region ? [activity.region] : [];
    case 'online':
      return activity.online ? [ONLINE] : [];
  }
}

/** Does the activity match the filter, leaving out the facets in `except` (for counting those)? */
export function matchesActivityFilter(activity: FilterableActivity, filter: ActivityFilter, except: readonly ActivityFacetKey[] = []): boolean {
  return activityFacetKeys.every((key) => except.includes(key) || filter[key].length === 0 || valuesOf(activity, key).some((value) => filter[key].includes(value)));
}

/**
 * Per facet, per value: how many activities that value would give with the other facets'
 * choices applied (the number beside each checkbox), and which values occur at all.
 */
export function activityFacetCounts(items: readonly FilterableActivity[], filter: ActivityFilter): { counts: Record<ActivityFacetKey, Map<string, number>>; used: Record<ActivityFacetKey, Set<string>> } {
  const counts = Object.fromEntries(activityFacetKeys.map((key) => [key, new Map<string, number>()])) as Record<ActivityFacetKey, Map<string, number>>;
  const used = Object.fromEntries(activityFacetKeys.map((key) => [key, new Set<string>()])) as Record<ActivityFacetKey, Set<string>>;
  for (const item of items) {
    for (const key of activityFacetKeys) {
      const values = valuesOf(item, key);
      for (const value of values) used[key].add(value);
      if (!matchesActivityFilter(item, filter, [key])) continue;
      for (const value of values) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  return { counts, used };
}
