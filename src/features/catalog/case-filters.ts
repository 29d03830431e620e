/**
 * The values the case list filters on, with their labels: the closed vocabularies, every CBS
 * municipality (a link to one without cases shows 0) and every province and labour-market region.
 * The list page offers them and its open-data download accepts them, so both read one list.
 * Synchronous: the places come from the CBS lists (geo.ts), as the organisations collection's
 * municipalities do, not from the collections.
 */
import { caseFacetKeys, parseCaseFilter, type CaseFacetKey, type ParsedFilter } from '#domain/case-filter.ts';
import { instruments, sectors, targetGroups } from '#domain/facets.ts';
import { loadGeo } from './geo.ts';

export type CaseFilterVocabularies = Record<CaseFacetKey, { id: string; label: string }[]>;

const termsOf = (vocab: { terms: readonly { id: string; label: string }[] }) => vocab.terms.map(({ id, label }) => ({ id, label }));
const areasOf = (areas: readonly { id: string; name: string }[]) => areas.map(({ id, name }) => ({ id, label: name }));

let cache: { vocabularies: CaseFilterVocabularies; known: Record<CaseFacetKey, Set<string>> } | undefined;

function load() {
  if (cache) return cache;
  const geo = loadGeo();
  const vocabularies: CaseFilterVocabularies = {
    sectors: termsOf(sectors),
    targetGroups: termsOf(targetGroups),
    instruments: termsOf(instruments),
    municipalities: areasOf(geo.municipalities),
    provinces: areasOf(geo.provinces),
    regions: areasOf(geo.regions),
  };
  const known = Object.fromEntries(caseFacetKeys.map((key) => [key, new Set(vocabularies[key].map((v) => v.id))])) as Record<CaseFacetKey, Set<string>>;
  cache = { vocabularies, known };
  return cache;
}

/** Every value of every facet of the case list; places sorted by name (do not change the lists returned). */
export function caseFilterVocabularies(): CaseFilterVocabularies {
  return load().vocabularies;
}

/** The case filter a query asks for, as the list page reads it (unknown values dropped and reported). */
export function readCaseFilter(params: URLSearchParams): ParsedFilter {
  return parseCaseFilter(params, load().known);
}
