/**
 * What several datasets do alike: labels of stored vocabulary ids, days from instants, the
 * latest change of rows, the sources a content row cites, and the parts of a dataset whose list
 * page has no filters.
 */
import type { FacetTerm } from '#domain/facets.ts';
import { sourceFileId, sourceHref, sourceName, type SourceRecord } from '#features/catalog/sources.ts';
import type { Deps } from '#platform/context.ts';
import type { FilterParameter } from '../dataset.ts';
import { parseFiltersWith } from '../filter-parameters.ts';

/** The labels of stored ids; an id no longer in the vocabulary shows as it is (old rows stay readable). */
export const labelsIn =
  (vocab: { terms: readonly FacetTerm[] }) =>
  (values: readonly string[]): string[] =>
    values.map((value) => vocab.terms.find((term) => term.id === value)?.label ?? value);

/** YYYY-MM-DD of an instant (UTC, as the database's days are kept), or null. */
export const isoDay = (instant: number | Date | null): string | null => (instant === null ? null : new Date(instant).toISOString().slice(0, 10));

/** The latest of these instants (ms); undefined for none. */
export function latestInstant(instants: readonly (number | null)[]): number | undefined {
  // A loop, not Math.max(...list): a list of a hundred thousand would overflow the call stack.
  let latest: number | undefined;
  for (const value of instants) if (value !== null && Number.isFinite(value) && (latest === undefined || value > latest)) latest = value;
  return latest;
}

/** The attribution columns of a content row: the names of the sources it cites and their pages on the site, in the same order. */
export function citedSources(cited: readonly string[], sources: ReadonlyMap<string, Pick<SourceRecord, 'publisher' | 'event'>>, origin: string): { bronnen: string[]; bronAdressen: string[] } {
  const ids = cited.map(sourceFileId);
  return {
    bronnen: ids.map((id) => {
      const source = sources.get(id);
      return source ? sourceName(source) : id;
    }),
    bronAdressen: ids.map((id) => `${origin}${sourceHref(id)}`),
  };
}

/**
 * A dataset of a list page without filters, whose rows are all made at once (the content): no
 * filter parameters (a strict query with any parameter is refused), the whole list, an item by id.
 */
export function unfiltered<Row>(rows: (origin: string) => Promise<Row[]>, idOf: (row: Row) => string) {
  const none: FilterParameter[] = [];
  return {
    idOf,
    filterParameters: none,
    parseFilters: (params: URLSearchParams, options: { strict: boolean }) => parseFiltersWith(params, options, none, () => ({})),
    queryOf: () => new URLSearchParams(),
    list: (deps: Deps) => rows(deps.origin),
    get: async (deps: Deps, id: string) => (await rows(deps.origin)).find((row) => idOf(row) === id),
    // Content changes with a publication; no date in the rows is that moment.
    lastModified: () => undefined,
  };
}
