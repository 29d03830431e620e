/**
 * The public pitch list's facet index, built and patched in memory: every public pitch's
 * place, state, closing date, publication time and facets in compact typed arrays (see
 * cache.ts for why and for how it stays fresh). Pure: rows in, index out; no database.
 */
import type { PitchFacetKind } from '#db/marketplace-schema.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { placeFacetCounts, pitchListStates, type MunicipalityPlace, type PitchFacetKey, type PitchFilter } from '#domain/pitch-filter.ts';

/** The facets stored as pitch_facets rows, by the list's facet key, with their vocabularies. */
export const storedFacets = [
  { key: 'targetGroups', kind: 'target-group', ids: targetGroups.ids as readonly string[] },
  { key: 'sectors', kind: 'sector', ids: sectors.ids as readonly string[] },
  { key: 'helpKinds', kind: 'help-kind', ids: helpKinds.ids as readonly string[] },
] as const satisfies readonly { key: PitchFacetKey; kind: PitchFacetKind; ids: readonly string[] }[];
export type StoredFacetKey = (typeof storedFacets)[number]['key'];
export const STATUS = storedFacets.length;

// A pitch's values of one facet are one 32-bit mask: a bigger vocabulary needs a wider type here.
for (const facet of storedFacets) {
  if (facet.ids.length > 31) throw new Error(`pitch-index: de lijst ${facet.key} heeft meer dan 31 waarden; maak de masker breder`);
}
export const bitOf = storedFacets.map((facet) => new Map(facet.ids.map((id, bit) => [id, 1 << bit])));
export const kindIndex = new Map<string, number>(storedFacets.map((facet, i) => [facet.kind, i]));

/** One public pitch as the index knows it. */
export interface IndexRecord {
  seq: number;
  /** Index into `municipalityIds`. */
  municipality: number;
  /** Where arraysFor last put it in "nieuwste" order (scratch, only read while building). */
  position: number;
  closed: boolean;
  /** The closing day as a number YYYYMMDD (compares as the ISO date strings do). */
  closing: number;
  publishedAt: number;
  featured: boolean;
  /** Demo data (the map counts it apart). */
  demo: boolean;
  /** Per stored facet (in `storedFacets` order): the pitch's values as bits. */
  masks: number[];
}

/** The public pitches at one state of the database; positions are in "nieuwste" order. */
export interface PitchIndex {
  /** The last pitch_index_changes id this index has seen. */
  version: number;
  size: number;
  seq: Int32Array;
  /** Index into `municipalityIds`. */
  municipality: Uint16Array;
  /** Municipality ids by number (shared by all indexes of the process, only ever appended to). */
  municipalityIds: readonly string[];
  /** 1: status closed (a published pitch past its closing day is closed too, decided per day). */
  closed: Uint8Array;
  /** The closing day as a number YYYYMMDD. */
  closing: Int32Array;
  featured: Uint8Array;
  /** 1: demo data. */
  demo: Uint8Array;
  /** Per stored facet (in `storedFacets` order): the pitch's values as bits. */
  masks: Uint32Array[];
  /**
   * Per stored facet and value (bit): a bitset over positions (bit i of word i >>> 5), so a
   * filter is an AND of a few bitsets and a count a popcount (query.ts), not a pass over every
   * pitch.
   */
  valueBits: Uint32Array[][];
  /** Positions by closing day ascending, then seq: how open pitches sort by sluitingsdatum. */
  byClosingAsc: Int32Array;
  /** Positions by closing day descending, then seq: how closed pitches sort by sluitingsdatum. */
  byClosingDesc: Int32Array;
  /** Values some public pitch has (the filter column hides the others), filter-independent. */
  used: Record<PitchFacetKey, Set<string>>;
  /** Publication time per position (-Infinity: never published), to merge changes in order. */
  publishedAt: Float64Array;
}

/** A day (YYYY-MM-DD) as a number that orders the same way. */
export function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

export interface PitchRowForIndex {
  seq: number;
  municipality_id: string;
  status: string;
  closing_date: string;
  published_at: number | null;
  featured: number;
  /** Absent in rows from before the column was read: not demo. */
  demo?: number;
}
export interface FacetRowForIndex {
  seq: number;
  facet: string;
  value: string;
}

/**
 * Every municipality id the process has seen in a pitch, numbered once: append-only, so all
 * indexes share it and a record keeps its number across changes.
 */
export const municipalityIds: string[] = [];
const municipalityNumbers = new Map<string, number>();
function municipalityNumber(id: string): number {
  let m = municipalityNumbers.get(id);
  if (m === undefined) {
    m = municipalityIds.push(id) - 1;
    municipalityNumbers.set(id, m);
  }
  return m;
}

// Newest publication first, never-published last, then the higher seq first: the SQL order it replaced.
const newestFirst = (a: IndexRecord, b: IndexRecord) => b.publishedAt - a.publishedAt || b.seq - a.seq;
const closingAscending = (a: IndexRecord, b: IndexRecord) => a.closing - b.closing || a.seq - b.seq;
const closingDescending = (a: IndexRecord, b: IndexRecord) => b.closing - a.closing || a.seq - b.seq;

/** Records from rows, with each pitch's facet values as bits. */
function recordsFrom(rows: readonly PitchRowForIndex[], facets: readonly FacetRowForIndex[]): IndexRecord[] {
  const bySeq = new Map<number, IndexRecord>();
  for (const row of rows) {
    bySeq.set(row.seq, {
      seq: row.seq,
      municipality: municipalityNumber(row.municipality_id),
      position: 0,
      closed: row.status === 'closed',
      closing: dayNumber(row.closing_date),
      publishedAt: row.published_at ?? -Infinity,
      featured: Boolean(row.featured),
      demo: Boolean(row.demo),
      masks: storedFacets.map(() => 0),
    });
  }
  for (const row of facets) {
    const record = bySeq.get(row.seq);
    const k = kindIndex.get(row.facet);
    // A value outside today's vocabulary cannot be chosen or shown; it is left out.
    const bit = k === undefined ? undefined : bitOf[k]!.get(row.value);
    if (record && bit !== undefined) record.masks[k!]! |= bit;
  }
  return [...bySeq.values()];
}

/** One public pitch as the whole-index load reads it: its row and its facets as "kind value". */
export type LoadedPitch = [seq: number, municipalityId: string, status: string, closingDate: string, publishedAt: number | null, featured: number, demo: number, facets: string[]];

/** "kind value" → [stored facet, bit]: one lookup per facet value while loading. */
const facetBits = new Map<string, [number, number]>(storedFacets.flatMap((facet, k) => facet.ids.map((id, bit) => [`${facet.kind} ${id}`, [k, 1 << bit]] as const)));

/**
 * Builds the index from the whole-index load (cache.ts): the columns are filled straight from
 * its tuples and the three orders sorted as numbers, without an object per pitch (this is the
 * first list after every start).
 */
export function buildPitchIndexFromLoaded(version: number, loaded: readonly LoadedPitch[], places: ReadonlyMap<string, MunicipalityPlace>): PitchIndex {
  // "nieuwste": newest publication first, never published last, then the higher seq first.
  // (A finite stand-in for "never": -Infinity minus -Infinity is NaN, which breaks a sort.)
  const published = Float64Array.from(loaded, (pitch) => pitch[4] ?? -Number.MAX_VALUE);
  const seqs = Int32Array.from(loaded, (pitch) => pitch[0]);
  // A plain array: V8 sorts it with a comparator several times faster than a typed array.
  const order = Array.from({ length: loaded.length }, (_, i) => i).sort((a, b) => published[b]! - published[a]! || seqs[b]! - seqs[a]!);
  const pitches = Array.from(order, (i) => loaded[i]!);
  const size = pitches.length;
  const columns = emptyColumns(size);
  for (let i = 0; i < size; i++) {
    const [seq, municipalityId, status, closingDate, publishedAt, featured, demo, facets] = pitches[i]!;
    columns.seq[i] = seq;
    columns.municipality[i] = municipalityNumber(municipalityId);
    columns.closed[i] = status === 'closed' ? 1 : 0;
    columns.closing[i] = dayNumber(closingDate);
    columns.featured[i] = featured ? 1 : 0;
    columns.demo[i] = demo ? 1 : 0;
    columns.publishedAt[i] = publishedAt ?? -Infinity;
    for (const value of facets) {
      // A value outside today's vocabulary cannot be chosen or shown; it is left out.
      const found = facetBits.get(value);
      if (found) columns.masks[found[0]]![i]! |= found[1];
    }
  }
  const { closing, seq } = columns;
  const byClosingAsc = Int32Array.from(
    Array.from({ length: size }, (_, i) => i).sort((a, b) => closing[a]! - closing[b]! || seq[a]! - seq[b]!),
  );
  // Closing day descending, seq ascending within a day: the ascending order with its days reversed.
  const byClosingDesc = new Int32Array(size);
  let out = 0;
  for (let end = size; end > 0; ) {
    let start = end - 1;
    while (start > 0 && closing[byClosingAsc[start - 1]!] === closing[byClosingAsc[end - 1]!]) start--;
    for (let j = start; j < end; j++) byClosingDesc[out++] = byClosingAsc[j]!;
    end = start;
  }
  return indexFromColumns(version, columns, byClosingAsc, byClosingDesc, places);
}

/** `sorted` without the records in `drop`, with `added` (sorted the same way) merged in: linear. */
function mergeOrder(sorted: readonly IndexRecord[], drop: ReadonlySet<number>, added: readonly IndexRecord[], order: (a: IndexRecord, b: IndexRecord) => number): IndexRecord[] {
  const out: IndexRecord[] = [];
  let j = 0;
  for (const record of sorted) {
    if (drop.has(record.seq)) continue;
    while (j < added.length && order(added[j]!, record) < 0) out.push(added[j++]!);
    out.push(record);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}

/** Records in the index's three orders: what a change is merged into. */
interface Orders {
  newest: IndexRecord[];
  closingAsc: IndexRecord[];
  closingDesc: IndexRecord[];
}

/**
 * The records again, from the typed arrays. The index keeps no object per pitch between
 * changes: 100,000s of long-lived objects made every garbage collection walk them, which made
 * each list request slower the more pitches there were.
 */
function ordersOf(index: PitchIndex): Orders {
  const newest: IndexRecord[] = new Array(index.size);
  for (let i = 0; i < index.size; i++) {
    newest[i] = {
      seq: index.seq[i]!,
      municipality: index.municipality[i]!,
      position: i,
      closed: index.closed[i] === 1,
      closing: index.closing[i]!,
      publishedAt: index.publishedAt[i]!,
      featured: index.featured[i] === 1,
      demo: index.demo[i] === 1,
      masks: index.masks.map((masks) => masks[i]!),
    };
  }
  return {
    newest,
    closingAsc: Array.from(index.byClosingAsc, (i) => newest[i]!),
    closingDesc: Array.from(index.byClosingDesc, (i) => newest[i]!),
  };
}

/** The records' positions (set by arraysFor), in the records' order. */
function positionsOf(records: readonly IndexRecord[]): Int32Array {
  const positions = new Int32Array(records.length);
  for (let j = 0; j < records.length; j++) positions[j] = records[j]!.position;
  return positions;
}

/** The per-position columns of an index, in "nieuwste" order. */
interface Columns {
  seq: Int32Array;
  municipality: Uint16Array;
  closed: Uint8Array;
  closing: Int32Array;
  featured: Uint8Array;
  demo: Uint8Array;
  publishedAt: Float64Array;
  masks: Uint32Array[];
}

function emptyColumns(size: number): Columns {
  return {
    seq: new Int32Array(size),
    municipality: new Uint16Array(size),
    closed: new Uint8Array(size),
    closing: new Int32Array(size),
    featured: new Uint8Array(size),
    demo: new Uint8Array(size),
    publishedAt: new Float64Array(size),
    masks: storedFacets.map(() => new Uint32Array(size)),
  };
}

/** The typed arrays and filter-independent sets for records in their three orders. */
function arraysFor(version: number, orders: Orders, places: ReadonlyMap<string, MunicipalityPlace>): PitchIndex {
  const records = orders.newest;
  const columns = emptyColumns(records.length);
  // Plain loops and a position on each record: this runs after every change, over every pitch.
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    record.position = i;
    columns.seq[i] = record.seq;
    columns.municipality[i] = record.municipality;
    columns.closed[i] = record.closed ? 1 : 0;
    columns.closing[i] = record.closing;
    columns.featured[i] = record.featured ? 1 : 0;
    columns.demo[i] = record.demo ? 1 : 0;
    columns.publishedAt[i] = record.publishedAt;
    for (let k = 0; k < STATUS; k++) columns.masks[k]![i] = record.masks[k]!;
  }
  return indexFromColumns(version, columns, positionsOf(orders.closingAsc), positionsOf(orders.closingDesc), places);
}

/** The index around its columns: the value bitsets and the filter-independent sets. */
function indexFromColumns(version: number, columns: Columns, byClosingAsc: Int32Array, byClosingDesc: Int32Array, places: ReadonlyMap<string, MunicipalityPlace>): PitchIndex {
  const size = columns.seq.length;
  const words = (size + 31) >>> 5;
  const valueBits = storedFacets.map((facet) => facet.ids.map(() => new Uint32Array(words)));
  const usedMasks = storedFacets.map(() => 0);
  const usedMunicipalities = new Uint8Array(municipalityIds.length);
  for (let i = 0; i < size; i++) {
    usedMunicipalities[columns.municipality[i]!] = 1;
    for (let k = 0; k < STATUS; k++) {
      const mask = columns.masks[k]![i]!;
      usedMasks[k]! |= mask;
      for (let bits = mask; bits !== 0; bits &= bits - 1) valueBits[k]![31 - Math.clz32(bits & -bits)]![i >>> 5]! |= 1 << (i & 31);
    }
  }
  const none: PitchFilter = { municipalities: [], provinces: [], regions: [], targetGroups: [], sectors: [], helpKinds: [], status: [] };
  const placeUsed = placeFacetCounts(new Map(municipalityIds.filter((_, m) => usedMunicipalities[m] === 1).map((id) => [id, 1])), none, places);
  return {
    version,
    size,
    ...columns,
    municipalityIds,
    valueBits,
    byClosingAsc,
    byClosingDesc,
    used: {
      municipalities: new Set(placeUsed.municipalities.keys()),
      provinces: new Set(placeUsed.provinces.keys()),
      regions: new Set(placeUsed.regions.keys()),
      ...(Object.fromEntries(storedFacets.map((facet, k) => [facet.key, new Set(facet.ids.filter((_, bit) => (usedMasks[k]! & (1 << bit)) !== 0))])) as Record<StoredFacetKey, Set<string>>),
      status: new Set(pitchListStates),
    },
  };
}

/** Builds the index from all public pitches' rows (exported for tests that need no database). */
export function buildPitchIndex(
  version: number,
  rows: readonly PitchRowForIndex[],
  facets: readonly FacetRowForIndex[],
  places: ReadonlyMap<string, MunicipalityPlace>,
): PitchIndex {
  const records = recordsFrom(rows, facets);
  return arraysFor(
    version,
    { newest: [...records].sort(newestFirst), closingAsc: [...records].sort(closingAscending), closingDesc: [...records].sort(closingDescending) },
    places,
  );
}

/**
 * A new index from `index` with the pitches `changed` replaced by their rows now (`rows`,
 * `facets`: those of them that are public; the others are gone from the list).
 */
export function patchPitchIndex(
  index: PitchIndex,
  version: number,
  changed: ReadonlySet<number>,
  rows: readonly PitchRowForIndex[],
  facets: readonly FacetRowForIndex[],
  places: ReadonlyMap<string, MunicipalityPlace>,
): PitchIndex {
  const added = recordsFrom(rows, facets);
  const { newest, closingAsc, closingDesc } = ordersOf(index);
  return arraysFor(
    version,
    {
      newest: mergeOrder(newest, changed, [...added].sort(newestFirst), newestFirst),
      closingAsc: mergeOrder(closingAsc, changed, [...added].sort(closingAscending), closingAscending),
      closingDesc: mergeOrder(closingDesc, changed, [...added].sort(closingDescending), closingDescending),
    },
    places,
  );
}

/** What the list needs of one filtered view. */
