/**
 * The view model of a faceted list's filter panel, shared by /praktijkvoorbeelden/, /pitches/
 * and /activiteiten/: per facet a fieldset with the values worth offering and their counts, and
 * the chips for the values chosen. A value nothing in the list carries is noise and is left out;
 * a ticked one always stays visible (a link may tick it).
 */
import type { ChosenFilter } from '#domain/filter-chips.ts';

/** A value of a facet: its id in the URL and its label. */
export interface FacetValue {
  id: string;
  label: string;
}

/** One facet's fieldset, as FilterPanel takes it. */
export interface FacetFieldset<K extends string> {
  key: K;
  legend: string;
  param: string;
  options: (FacetValue & { count: number; checked: boolean })[];
  emptyText?: string;
}

/** What a list page knows about its facets. */
export interface FacetInput<K extends string> {
  /** The facets in the panel's order. */
  order: readonly K[];
  legends: Record<K, string>;
  params: Record<K, string>;
  vocabularies: Record<K, FacetValue[]>;
  /** The chosen ids per facet. */
  chosen: Record<K, string[]>;
  /** Whether any item of the whole list carries a value (before filtering). */
  used: (key: K, id: string) => boolean;
  /** How many items choosing a value would give. */
  count: (key: K, id: string) => number;
  /** Shown in a fieldset with nothing to offer. */
  emptyText?: string;
}

/** The fieldsets of the filter panel. */
export function facetFieldsets<K extends string>(input: FacetInput<K>): FacetFieldset<K>[] {
  return input.order.map((key) => ({
    key,
    legend: input.legends[key],
    param: input.params[key],
    options: input.vocabularies[key]
      .filter((v) => input.used(key, v.id) || input.chosen[key].includes(v.id))
      .map((v) => ({ ...v, count: input.count(key, v.id), checked: input.chosen[key].includes(v.id) })),
    ...(input.emptyText === undefined ? {} : { emptyText: input.emptyText }),
  }));
}

/** The chosen values as chips (filterChips turns them into links that remove one). */
export function chosenChips<K extends string>(input: Pick<FacetInput<K>, 'order' | 'params' | 'vocabularies' | 'chosen'>): ChosenFilter[] {
  return input.order.flatMap((key) =>
    input.chosen[key].map((value) => ({ param: input.params[key], value, label: input.vocabularies[key].find((v) => v.id === value)?.label ?? value })),
  );
}
