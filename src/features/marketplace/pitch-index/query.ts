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
import { bitOf, dayNumber, kindIndex, storedFacets, type PitchIndex, type StoredFacetKey } from './build.ts';

export interface PitchIndexView {
  total: number;
  /** The page shown: the asked page, or the last one when the asked page is past the end. */
  page: number;
  pageCount: number;
  /** The page's pitches (pitches.seq) in the list's order. */
  seqs: number[];
  counts: Record<PitchFacetKey, Map<string, number>>;
}

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Bits set in `a` AND `b` (null: every position). */
function countAnd(a: Uint32Array, b: Uint32Array | null): number {
  let n = 0;
  if (b === null) for (let w = 0; w < a.length; w++) n += popcount(a[w]!);
  else for (let w = 0; w < a.length; w++) n += popcount(a[w]! & b[w]!);
  return n;
}

/** The positions of the words of `bits` that have a bit set, to count several sets against it. */
function wordsWithBits(bits: Uint32Array): Uint32Array {
  let n = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) n++;
  const words = new Uint32Array(n);
  n = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) words[n++] = w;
  return words;
}

/** Bits set in `a` AND `b`, looking only at the given words (those where `b` has bits). */
function countAndAt(a: Uint32Array, b: Uint32Array, words: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    n += popcount(a[w]! & b[w]!);
  }
  return n;
}

/**
 * Scratch bitsets for one view, reused by the next: a view is synchronous, and a dozen fresh
 * arrays of size/32 words per request made the garbage collector walk the (large) index often.
 */
const scratch = { words: -1, used: 0, buffers: [] as Uint32Array[] };
function resetScratch(words: number): void {
  if (scratch.words !== words) {
    scratch.words = words;
    scratch.buffers = [];
  }
  scratch.used = 0;
}
/** A scratch bitset (contents undefined until written). */
function scratchBits(): Uint32Array {
  if (scratch.used === scratch.buffers.length) scratch.buffers.push(new Uint32Array(scratch.words));
  return scratch.buffers[scratch.used++]!;
}

/** The AND of the bitsets given (nulls are "no filter"); every position when none is given. */
function and(index: PitchIndex, sets: readonly (Uint32Array | null)[]): Uint32Array {
  const given = sets.filter((set): set is Uint32Array => set !== null);
  if (given.length === 0) return allPositions(index);
  const out = scratchBits();
  out.set(given[0]!);
  for (let g = 1; g < given.length; g++) {
    const set = given[g]!;
    for (let w = 0; w < out.length; w++) out[w]! &= set[w]!;
  }
  return out;
}

const allCache = new WeakMap<PitchIndex, Uint32Array>();
/** Every position of the index (the last word only as far as the size); do not change it. */
function allPositions(index: PitchIndex): Uint32Array {
  let out = allCache.get(index);
  if (!out) {
    out = new Uint32Array((index.size + 31) >>> 5).fill(0xffffffff);
    if (index.size % 32 !== 0) out[out.length - 1] = (2 ** (index.size % 32) - 1) >>> 0;
    allCache.set(index, out);
  }
  return out;
}

const openCache = new WeakMap<PitchIndex, { today: number; open: Uint32Array; closed: Uint32Array }>();
/** The open and the closed pitches on `today` as bitsets: computed once per index and day. */
function openBits(index: PitchIndex, today: number): { open: Uint32Array; closed: Uint32Array } {
  const cached = openCache.get(index);
  if (cached?.today === today) return cached;
  const words = (index.size + 31) >>> 5;
  const open = new Uint32Array(words);
  for (let i = 0; i < index.size; i++) if (index.closed[i] === 0 && index.closing[i]! >= today) open[i >>> 5]! |= 1 << (i & 31);
  const all = allPositions(index);
  const closed = all.map((word, w) => word & ~open[w]!);
  const entry = { today, open, closed };
  openCache.set(index, entry);
  return entry;
}

const municipalityCache = new WeakMap<PitchIndex, Uint32Array[]>();
/** A bitset per municipality number: made in one pass at the first place filter per index. */
function municipalityBits(index: PitchIndex): Uint32Array[] {
  let bits = municipalityCache.get(index);
  if (!bits) {
    const words = (index.size + 31) >>> 5;
    bits = index.municipalityIds.map(() => new Uint32Array(0));
    for (let i = 0; i < index.size; i++) {
      const m = index.municipality[i]!;
      if (bits[m]!.length === 0) bits[m] = new Uint32Array(words);
      bits[m]![i >>> 5]! |= 1 << (i & 31);
    }
    municipalityCache.set(index, bits);
  }
  return bits;
}

const perMunicipalityCache = new WeakMap<PitchIndex, Uint32Array>();
/** Pitches per municipality number, all of the index (do not change the array returned). */
function allPerMunicipality(index: PitchIndex): Uint32Array {
  let counts = perMunicipalityCache.get(index);
  if (!counts) {
    counts = new Uint32Array(index.municipalityIds.length);
    for (let i = 0; i < index.size; i++) counts[index.municipality[i]!]!++;
    perMunicipalityCache.set(index, counts);
  }
  return counts;
}

/** The place facets' allowed positions combined (null: no place filter). */
function placeBits(index: PitchIndex, filter: PitchFilter, municipalitiesIn: MunicipalitiesIn): Uint32Array | null {
  const sets: Set<string>[] = [];
  if (filter.municipalities.length > 0) sets.push(new Set(filter.municipalities));
  for (const key of ['provinces', 'regions'] as const) {
    if (filter[key].length > 0) sets.push(new Set(filter[key].flatMap((area) => municipalitiesIn[key].get(area) ?? [])));
  }
  if (sets.length === 0) return null;
  // The same place choice comes back on every request for that list: keep its bitset per index.
  const key = JSON.stringify([filter.municipalities, filter.provinces, filter.regions]);
  let kept = placeCache.get(index);
  if (!kept) placeCache.set(index, (kept = new Map()));
  const cached = kept.get(key);
  if (cached) return cached;
  const perMunicipality = municipalityBits(index);
  const out = new Uint32Array((index.size + 31) >>> 5);
  index.municipalityIds.forEach((id, m) => {
    const bits = perMunicipality[m]!;
    if (bits.length === 0 || !sets.every((set) => set.has(id))) return;
    for (let w = 0; w < out.length; w++) out[w]! |= bits[w]!;
  });
  // Bounded: a request can name any combination of places.
  if (kept.size >= PLACE_CACHE_SIZE) kept.delete(kept.keys().next().value!);
  kept.set(key, out);
  return out;
}

const PLACE_CACHE_SIZE = 64;
const placeCache = new WeakMap<PitchIndex, Map<string, Uint32Array>>();

/** Calls `each` for every set bit's position from `start` on, in order, until it returns true. */
function forEachSet(bits: Uint32Array, each: (i: number) => boolean | void, start = 0): void {
  for (let w = start >>> 5; w < bits.length; w++) {
    // In the first word, only the bits from `start` on.
    const from = w === start >>> 5 ? (0xffffffff << (start & 31)) >>> 0 : 0xffffffff;
    for (let x = (bits[w]! & from) >>> 0; x !== 0; x &= x - 1) {
      if (each((w << 5) | (31 - Math.clz32(x & -x))) === true) return;
    }
  }
}

/** The place facets' lookups: which municipalities lie in a province or region. */
type MunicipalitiesIn = Record<Exclude<PlaceFacetKey, 'municipalities'>, ReadonlyMap<string, readonly string[]>>;

/**
 * The positions that pass `filter` on `today`, and the parts a view counts from: each facet's
 * choice is the OR of its values' bitsets, the result the AND of all facets'. Writes scratch
 * bitsets: the caller resets them first.
 */
function filterBits(index: PitchIndex, filter: PitchFilter, today: string, municipalitiesIn: MunicipalitiesIn) {
  const words = (index.size + 31) >>> 5;
  const { open, closed } = openBits(index, dayNumber(today));
  // Per stored facet: the OR of the chosen values' bitsets (null: nothing chosen).
  const chosen = storedFacets.map((facet, k) => {
    const bits = filter[facet.key].map((id) => bitOf[k]!.get(id)).filter((bit): bit is number => bit !== undefined);
    if (bits.length === 0) return null;
    const out = scratchBits().fill(0);
    for (const bit of bits) {
      const set = index.valueBits[k]![31 - Math.clz32(bit)]!;
      for (let w = 0; w < words; w++) out[w]! |= set[w]!;
    }
    return out;
  });
  // Both states chosen is the same as none.
  const statusActive = filter.status.length > 0 && filter.status.length < pitchListStates.length;
  const status = statusActive ? (filter.status.includes('open') ? open : closed) : null;
  const place = placeBits(index, filter, municipalitiesIn);
  const notPlace = and(index, [status, ...chosen]);
  const hit = place === null ? notPlace : and(index, [notPlace, place]);
  return { open, closed, chosen, status, place, notPlace, hit };
}

/**
 * Filter, total, counts and one page, with bitsets (build.ts `valueBits`): within a facet the
 * chosen values widen (OR), across facets they narrow (AND); each facet's counts apply every other
 * facet's choices (a popcount per value), and the place facets get theirs from counts per
 * municipality (placeFacetCounts) over the pitches that pass the other facets. The work is a few
 * passes over words of 32 pitches plus the matching pitches for the place counts, instead of a
 * pass over every pitch with every facet.
 */
export function viewPitchIndex(
  index: PitchIndex,
  query: { filter: PitchFilter; sort: PitchSort; page: number },
  today: string,
  perPage: number,
  places: {
    byMunicipality: ReadonlyMap<string, MunicipalityPlace>;
    municipalitiesIn: MunicipalitiesIn;
  },
): PitchIndexView {
  const { filter } = query;
  resetScratch((index.size + 31) >>> 5);
  const { open, closed, chosen, status, place, notPlace, hit } = filterBits(index, filter, today, places.municipalitiesIn);
  const total = countAnd(hit, null);

  // Per municipality: the pitches that pass every facet but the place ones (without such a
  // filter: all of them, counted once per index).
  const byMunicipality = status === null && chosen.every((set) => set === null) ? allPerMunicipality(index) : new Uint32Array(index.municipalityIds.length);
  if (byMunicipality !== allPerMunicipality(index)) {
    forEachSet(notPlace, (i) => {
      byMunicipality[index.municipality[i]!]!++;
    });
  }
  const valueMap = (k: number) => {
    const base = and(index, [place, status, ...chosen.filter((_, j) => j !== k)]);
    // Every value is counted against the same base: only its words with a pitch in them matter,
    // which under a narrow filter is a small part of the index (npm run bench, the narrow filter).
    const words = wordsWithBits(base);
    const map = new Map<string, number>();
    storedFacets[k]!.ids.forEach((id, bit) => {
      const n = countAndAt(index.valueBits[k]![bit]!, base, words);
      if (n > 0) map.set(id, n);
    });
    return map;
  };
  const stateBase = and(index, [place, ...chosen]);
  const stateCounts = new Map<string, number>();
  pitchListStates.forEach((state: PitchListState) => {
    const n = countAnd(state === 'open' ? open : closed, stateBase);
    if (n > 0) stateCounts.set(state, n);
  });

  const pageCount = pageCountFor(total, perPage);
  const page = Math.min(query.page, pageCount);
  const first = (page - 1) * perPage;
  const seqs: number[] = [];
  let seen = 0;
  const take = (i: number) => {
    if (seen++ >= first) seqs.push(index.seq[i]!);
    return seqs.length >= perPage;
  };
  const isSet = (bits: Uint32Array, i: number) => ((bits[i >>> 5]! >>> (i & 31)) & 1) === 1;
  if (query.sort === 'sluitingsdatum') {
    // Open first, soonest closing first; then closed ones, the most recently closed first.
    let done = false;
    for (let j = 0; j < index.size && !done; j++) {
      const i = index.byClosingAsc[j]!;
      if (isSet(hit, i) && isSet(open, i)) done = take(i);
    }
    for (let j = 0; j < index.size && !done; j++) {
      const i = index.byClosingDesc[j]!;
      if (isSet(hit, i) && !isSet(open, i)) done = take(i);
    }
  } else if (query.sort === 'open') {
    // Positions are in "nieuwste" order: the open hits in that order, then the closed ones.
    let done = false;
    forEachSet(and(index, [hit, open]), (i) => (done = take(i)));
    if (!done) forEachSet(and(index, [hit, closed]), take);
  } else {
    forEachSet(hit, take);
  }

  const perMunicipality = new Map<string, number>();
  byMunicipality.forEach((n, m) => {
    if (n > 0) perMunicipality.set(index.municipalityIds[m]!, n);
  });
  return {
    total,
    page,
    pageCount,
    seqs,
    counts: {
      ...placeFacetCounts(perMunicipality, filter, places.byMunicipality),
      ...(Object.fromEntries(storedFacets.map((facet, k) => [facet.key, valueMap(k)])) as Record<StoredFacetKey, Map<string, number>>),
      status: stateCounts,
    },
  };
}

/** A page of the filter's pitches in "nieuwste" order, without the counts a list page shows. */
export interface PitchIndexPage {
  /** How many pitches pass the filter, on every page. */
  total: number;
  /** The page's pitches (pitches.seq). */
  seqs: number[];
  /** Whether more pitches follow the page. */
  more: boolean;
}

/**
 * The pitches that pass `filter` on `today`, newest publication first, after the pitch `afterSeq`
 * (from the first without): at most `limit`, with the total. Undefined when `afterSeq` does not
 * pass the filter (any more). One pass over the matching bits from that pitch on, so a page of
 * the open data costs the same at any depth of the list and with any number of pitches after it.
 */
export function pitchesAfter(index: PitchIndex, filter: PitchFilter, today: string, afterSeq: number | undefined, limit: number, municipalitiesIn: MunicipalitiesIn): PitchIndexPage | undefined {
  resetScratch((index.size + 31) >>> 5);
  const { hit } = filterBits(index, filter, today, municipalitiesIn);
  let start = 0;
  if (afterSeq !== undefined) {
    const position = index.seq.indexOf(afterSeq);
    if (position === -1 || ((hit[position >>> 5]! >>> (position & 31)) & 1) === 0) return undefined;
    start = position + 1;
  }
  const seqs: number[] = [];
  let more = false;
  forEachSet(
    hit,
    (i) => {
      if (seqs.length === limit) return (more = true);
      seqs.push(index.seq[i]!);
    },
    start,
  );
  return { total: countAnd(hit, null), seqs, more };
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


/** An open pitch as the index knows it: where, and its facet values (ids in vocabulary order). */
export interface IndexedOpenPitch {
  seq: number;
  municipalityId: string;
  targetGroups: readonly string[];
  sectors: readonly string[];
  helpKinds: readonly string[];
}

/** The ids a mask stands for, per stored facet and mask (pitches share few distinct masks). */
const maskIds = storedFacets.map(() => new Map<number, readonly string[]>());
function idsOf(k: number, mask: number): readonly string[] {
  let ids = maskIds[k]!.get(mask);
  if (!ids) {
    ids = storedFacets[k]!.ids.filter((_, bit) => (mask & (1 << bit)) !== 0);
    maskIds[k]!.set(mask, ids);
  }
  return ids;
}

/**
 * The pitches that take offers on `today` (published, closing day not passed), newest first,
 * with their place and facets: what matchmaking needs to rank every open pitch for an employer
 * without reading them from the database.
 */
export function openIndexedPitches(index: PitchIndex, today: string): IndexedOpenPitch[] {
  const todayNumber = dayNumber(today);
  const found: IndexedOpenPitch[] = [];
  const valuesOf = (kind: string, i: number) => {
    const k = kindIndex.get(kind)!;
    return idsOf(k, index.masks[k]![i]!);
  };
  for (let i = 0; i < index.size; i++) {
    if (index.closed[i] !== 0 || index.closing[i]! < todayNumber) continue;
    found.push({
      seq: index.seq[i]!,
      municipalityId: index.municipalityIds[index.municipality[i]!]!,
      targetGroups: valuesOf('target-group', i),
      sectors: valuesOf('sector', i),
      helpKinds: valuesOf('help-kind', i),
    });
  }
  return found;
}
