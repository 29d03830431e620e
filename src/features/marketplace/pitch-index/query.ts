/**
 * Questions to the facet index (build.ts): one request's filter, total, counts per value (each
 * with the other facets' choices applied) and page in a single pass; the featured pitches; the
 * counts per municipality for the map. Pure: no database.
 */
import {
  pageCountFor,
  placeFacetCounts,
  pitchListStates,
  type MunicipalityPlace,
  type PitchFacetKey,
  type PitchFilter,
  type PitchListState,
  type PitchSort,
  type PlaceFacetKey,
} from '#domain/pitch-filter.ts';
import { bitOf, dayNumber, STATUS, storedFacets, type PitchIndex, type StoredFacetKey } from './build.ts';

export interface PitchIndexView {
  total: number;
  /** The page shown: the asked page, or the last one when the asked page is past the end. */
  page: number;
  pageCount: number;
  /** The page's pitches (pitches.seq) in the list's order. */
  seqs: number[];
  counts: Record<PitchFacetKey, Map<string, number>>;
}

/** The place facets' allowed municipalities combined (null: no place filter). */
function allowedMunicipalities(
  index: PitchIndex,
  filter: PitchFilter,
  municipalitiesIn: Record<Exclude<PlaceFacetKey, 'municipalities'>, ReadonlyMap<string, readonly string[]>>,
): Uint8Array | null {
  const sets: Set<string>[] = [];
  if (filter.municipalities.length > 0) sets.push(new Set(filter.municipalities));
  for (const key of ['provinces', 'regions'] as const) {
    if (filter[key].length > 0) sets.push(new Set(filter[key].flatMap((area) => municipalitiesIn[key].get(area) ?? [])));
  }
  if (sets.length === 0) return null;
  return Uint8Array.from(index.municipalityIds, (id) => (sets.every((set) => set.has(id)) ? 1 : 0));
}

/**
 * Filter, total, counts and one page in one pass. Within a facet the chosen values widen
 * (OR), across facets they narrow (AND); each facet's counts apply every other facet's choices,
 * and the place facets get theirs from counts per municipality (placeFacetCounts).
 */
export function viewPitchIndex(
  index: PitchIndex,
  query: { filter: PitchFilter; sort: PitchSort; page: number },
  today: string,
  perPage: number,
  places: {
    byMunicipality: ReadonlyMap<string, MunicipalityPlace>;
    municipalitiesIn: Record<Exclude<PlaceFacetKey, 'municipalities'>, ReadonlyMap<string, readonly string[]>>;
  },
): PitchIndexView {
  const { filter } = query;
  const todayNumber = dayNumber(today);
  const placeAllowed = allowedMunicipalities(index, filter, places.municipalitiesIn);
  const wanted = storedFacets.map((facet, k) => filter[facet.key].reduce((mask, id) => mask | (bitOf[k]!.get(id) ?? 0), 0));
  // Both states chosen is the same as none.
  const statusActive = filter.status.length > 0 && filter.status.length < pitchListStates.length;
  const wantOpen = filter.status.includes('open');
  const valueCounts = storedFacets.map((facet) => new Uint32Array(facet.ids.length));
  const stateCounts = [0, 0]; // open, gesloten
  const byMunicipality = new Uint32Array(index.municipalityIds.length);
  const hit = new Uint8Array(index.size);
  const { masks, municipality, closed, closing } = index;
  let total = 0;
  for (let i = 0; i < index.size; i++) {
    const open = closed[i] === 0 && closing[i]! >= todayNumber;
    let fails = 0;
    let failed = -1;
    for (let k = 0; k < STATUS; k++) {
      if (wanted[k] !== 0 && (masks[k]![i]! & wanted[k]!) === 0) {
        fails++;
        failed = k;
      }
    }
    if (statusActive && open !== wantOpen) {
      fails++;
      failed = STATUS;
    }
    const m = municipality[i]!;
    if (fails === 0) byMunicipality[m]!++;
    if (fails > 1 || (placeAllowed !== null && placeAllowed[m] === 0)) continue;
    for (let k = 0; k < STATUS; k++) {
      if (fails !== 0 && failed !== k) continue;
      for (let bits = masks[k]![i]!; bits !== 0; bits &= bits - 1) valueCounts[k]![31 - Math.clz32(bits & -bits)]!++;
    }
    if (fails === 0 || failed === STATUS) stateCounts[open ? 0 : 1]!++;
    if (fails === 0) {
      hit[i] = 1;
      total++;
    }
  }

  const pageCount = pageCountFor(total, perPage);
  const page = Math.min(query.page, pageCount);
  const first = (page - 1) * perPage;
  const seqs: number[] = [];
  let seen = 0;
  const take = (i: number) => {
    if (seen++ >= first) seqs.push(index.seq[i]!);
    return seqs.length >= perPage;
  };
  const isOpen = (i: number) => closed[i] === 0 && closing[i]! >= todayNumber;
  if (query.sort === 'sluitingsdatum') {
    // Open first, soonest closing first; then closed ones, the most recently closed first.
    let done = false;
    for (let j = 0; j < index.size && !done; j++) {
      const i = index.byClosingAsc[j]!;
      if (hit[i] === 1 && isOpen(i)) done = take(i);
    }
    for (let j = 0; j < index.size && !done; j++) {
      const i = index.byClosingDesc[j]!;
      if (hit[i] === 1 && !isOpen(i)) done = take(i);
    }
  } else if (query.sort === 'open') {
    // Positions are in "nieuwste" order: the open hits in that order, then the closed ones.
    let done = false;
    for (let i = 0; i < index.size && !done; i++) if (hit[i] === 1 && isOpen(i)) done = take(i);
    for (let i = 0; i < index.size && !done; i++) if (hit[i] === 1 && !isOpen(i)) done = take(i);
  } else {
    for (let i = 0; i < index.size; i++) if (hit[i] === 1 && take(i)) break;
  }

  const perMunicipality = new Map<string, number>();
  byMunicipality.forEach((n, m) => {
    if (n > 0) perMunicipality.set(index.municipalityIds[m]!, n);
  });
  const valueMap = (k: number) => {
    const map = new Map<string, number>();
    valueCounts[k]!.forEach((n, bit) => {
      if (n > 0) map.set(storedFacets[k]!.ids[bit]!, n);
    });
    return map;
  };
  const status = new Map<string, number>();
  pitchListStates.forEach((state: PitchListState, s) => {
    if (stateCounts[s]! > 0) status.set(state, stateCounts[s]!);
  });
  return {
    total,
    page,
    pageCount,
    seqs,
    counts: {
      ...placeFacetCounts(perMunicipality, filter, places.byMunicipality),
      ...(Object.fromEntries(storedFacets.map((facet, k) => [facet.key, valueMap(k)])) as Record<StoredFacetKey, Map<string, number>>),
      status,
    },
  };
}

/** Open featured pitches, newest first (pitches.seq). */
export function featuredSeqs(index: PitchIndex, today: string, limit: number): number[] {
  const todayNumber = dayNumber(today);
  const seqs: number[] = [];
  for (let i = 0; i < index.size && seqs.length < limit; i++) {
    if (index.featured[i] === 1 && index.closed[i] === 0 && index.closing[i]! >= todayNumber) seqs.push(index.seq[i]!);
  }
  return seqs;
}

/** Public pitches per municipality id: all, those open today, and the demo pitches among all. */
export function countsByMunicipality(index: PitchIndex, today: string): Map<string, { total: number; open: number; demo: number }> {
  const todayNumber = dayNumber(today);
  const counts = new Map<string, { total: number; open: number; demo: number }>();
  for (let i = 0; i < index.size; i++) {
    const id = index.municipalityIds[index.municipality[i]!]!;
    const entry = counts.get(id) ?? { total: 0, open: 0, demo: 0 };
    entry.total++;
    if (index.demo[i] === 1) entry.demo++;
    if (index.closed[i] === 0 && index.closing[i]! >= todayNumber) entry.open++;
    counts.set(id, entry);
  }
  return counts;
}

