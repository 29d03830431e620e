/**
 * Home of the public pitch list's facet index ("Scale"): every public pitch's
 * place, state, closing date, publication time and facets, held in compact typed arrays per
 * process, so one request's filter, total, counts per value (each with the other facets'
 * choices applied) and page come from a single pass in memory instead of some ten counting
 * queries over all matching pitches (which grew 45–113× from 1,000 to 100,000 pitches).
 *
 * Why not in SQL: exact cross-facet counts for any combination of filters need every matching
 * row (no index or trigger-kept table answers "sectors of the young people's pitches in
 * Noord-Holland that are open today" without reading them), and "open" depends on today's date.
 * A pass over typed arrays reads those rows at memory speed.
 *
 * Freshness across instances: the index is a cache of the database, never a source. Each use
 * reads the highest id of pitch_index_changes (one read), a log that triggers fill on every
 * write to pitches or pitch_facets that changes what is filtered, counted or sorted (migration
 * 0007); offers do not touch it (their counts are read per page). When it moved, only the
 * pitches named since are read again and merged into the index (linear in memory, no sort of
 * the whole list); an instance further behind than the log reaches loads everything. So
 * every instance sees a change at its next request, as with the page cache
 * (src/platform/page-cache.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { type PitchFacetKind } from '#db/marketplace-schema.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
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

/** The facets stored as pitch_facets rows, by the list's facet key, with their vocabularies. */
const storedFacets = [
  { key: 'targetGroups', kind: 'target-group', ids: targetGroups.ids as readonly string[] },
  { key: 'sectors', kind: 'sector', ids: sectors.ids as readonly string[] },
  { key: 'helpKinds', kind: 'help-kind', ids: helpKinds.ids as readonly string[] },
] as const satisfies readonly { key: PitchFacetKey; kind: PitchFacetKind; ids: readonly string[] }[];
type StoredFacetKey = (typeof storedFacets)[number]['key'];
const STATUS = storedFacets.length;

// A pitch's values of one facet are one 32-bit mask: a bigger vocabulary needs a wider type here.
for (const facet of storedFacets) {
  if (facet.ids.length > 31) throw new Error(`pitch-index: de lijst ${facet.key} heeft meer dan 31 waarden; maak de masker breder`);
}
const bitOf = storedFacets.map((facet) => new Map(facet.ids.map((id, bit) => [id, 1 << bit])));
const kindIndex = new Map<string, number>(storedFacets.map((facet, i) => [facet.kind, i]));
/** More changes than this since an instance's index: loading everything is as quick. */
const MAX_CHANGES = 5000;

/** The statements that read the index (exported for the query-plan test); `?` is the last log id seen, or a JSON list of seqs. */
export const indexLoadStatements = {
  version: `select coalesce(max(id), 0) as version from pitch_index_changes`,
  oldest: `select coalesce(min(id), 0) as oldest from pitch_index_changes`,
  changes: `select id, seq from pitch_index_changes where id > ? order by id limit ${MAX_CHANGES + 1}`,
  pitches: `select seq, municipality_id, status, closing_date, published_at, featured from pitches where status in ('published', 'closed')`,
  facets: `select p.seq, f.facet, f.value from pitches p join pitch_facets f on f.pitch_id = p.id where p.status in ('published', 'closed')`,
  somePitches: `select seq, municipality_id, status, closing_date, published_at, featured from pitches where status in ('published', 'closed') and seq in (select value from json_each(?))`,
  someFacets: `select p.seq, f.facet, f.value from pitches p join pitch_facets f on f.pitch_id = p.id where p.status in ('published', 'closed') and p.seq in (select value from json_each(?))`,
} as const;

/** One public pitch as the index knows it. */
interface IndexRecord {
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
  /** Per stored facet (in `storedFacets` order): the pitch's values as bits. */
  masks: Uint32Array[];
  /** Positions by closing day ascending, then seq: how open pitches sort by sluitingsdatum. */
  byClosingAsc: Int32Array;
  /** Positions by closing day descending, then seq: how closed pitches sort by sluitingsdatum. */
  byClosingDesc: Int32Array;
  /** Values some public pitch has (the filter column hides the others), filter-independent. */
  used: Record<PitchFacetKey, Set<string>>;
  /** The records in the three orders, kept to merge changes into. */
  orders: { newest: IndexRecord[]; closingAsc: IndexRecord[]; closingDesc: IndexRecord[] };
}

/** A day (YYYY-MM-DD) as a number that orders the same way. */
export function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

interface PitchRowForIndex {
  seq: number;
  municipality_id: string;
  status: string;
  closing_date: string;
  published_at: number | null;
  featured: number;
}
interface FacetRowForIndex {
  seq: number;
  facet: string;
  value: string;
}

/**
 * Every municipality id the process has seen in a pitch, numbered once: append-only, so all
 * indexes share it and a record keeps its number across changes.
 */
const municipalityIds: string[] = [];
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

/** The records' positions (set by arraysFor), in the records' order. */
function positionsOf(records: readonly IndexRecord[]): Int32Array {
  const positions = new Int32Array(records.length);
  for (let j = 0; j < records.length; j++) positions[j] = records[j]!.position;
  return positions;
}

/** The typed arrays and filter-independent sets for records in their three orders. */
function arraysFor(version: number, orders: PitchIndex['orders'], places: ReadonlyMap<string, MunicipalityPlace>): PitchIndex {
  const records = orders.newest;
  const size = records.length;
  const seq = new Int32Array(size);
  const municipality = new Uint16Array(size);
  const closed = new Uint8Array(size);
  const closing = new Int32Array(size);
  const featured = new Uint8Array(size);
  const masks = storedFacets.map(() => new Uint32Array(size));
  const usedMasks = storedFacets.map(() => 0);
  const usedMunicipalities = new Uint8Array(municipalityIds.length);
  // Plain loops and a position on each record: this runs after every change, over every pitch.
  for (let i = 0; i < size; i++) {
    const record = records[i]!;
    record.position = i;
    seq[i] = record.seq;
    municipality[i] = record.municipality;
    usedMunicipalities[record.municipality] = 1;
    closed[i] = record.closed ? 1 : 0;
    closing[i] = record.closing;
    featured[i] = record.featured ? 1 : 0;
    for (let k = 0; k < STATUS; k++) {
      masks[k]![i] = record.masks[k]!;
      usedMasks[k]! |= record.masks[k]!;
    }
  }
  const none: PitchFilter = { municipalities: [], provinces: [], regions: [], targetGroups: [], sectors: [], helpKinds: [], status: [] };
  const placeUsed = placeFacetCounts(new Map(municipalityIds.filter((_, m) => usedMunicipalities[m] === 1).map((id) => [id, 1])), none, places);
  return {
    version,
    size,
    seq,
    municipality,
    municipalityIds,
    closed,
    closing,
    featured,
    masks,
    byClosingAsc: positionsOf(orders.closingAsc),
    byClosingDesc: positionsOf(orders.closingDesc),
    used: {
      municipalities: new Set(placeUsed.municipalities.keys()),
      provinces: new Set(placeUsed.provinces.keys()),
      regions: new Set(placeUsed.regions.keys()),
      ...(Object.fromEntries(storedFacets.map((facet, k) => [facet.key, new Set(facet.ids.filter((_, bit) => (usedMasks[k]! & (1 << bit)) !== 0))])) as Record<StoredFacetKey, Set<string>>),
      status: new Set(pitchListStates),
    },
    orders,
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
  const { newest, closingAsc, closingDesc } = index.orders;
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
  if (query.sort === 'sluitingsdatum') {
    // Open first, soonest closing first; then closed ones, the most recently closed first.
    const isOpen = (i: number) => closed[i] === 0 && closing[i]! >= todayNumber;
    let done = false;
    for (let j = 0; j < index.size && !done; j++) {
      const i = index.byClosingAsc[j]!;
      if (hit[i] === 1 && isOpen(i)) done = take(i);
    }
    for (let j = 0; j < index.size && !done; j++) {
      const i = index.byClosingDesc[j]!;
      if (hit[i] === 1 && !isOpen(i)) done = take(i);
    }
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

/** Public pitches per municipality id, all and those open today. */
export function countsByMunicipality(index: PitchIndex, today: string): Map<string, { total: number; open: number }> {
  const todayNumber = dayNumber(today);
  const counts = new Map<string, { total: number; open: number }>();
  for (let i = 0; i < index.size; i++) {
    const id = index.municipalityIds[index.municipality[i]!]!;
    const entry = counts.get(id) ?? { total: 0, open: 0 };
    entry.total++;
    if (index.closed[i] === 0 && index.closing[i]! >= todayNumber) entry.open++;
    counts.set(id, entry);
  }
  return counts;
}

interface IndexState {
  current?: PitchIndex;
  loading?: Promise<PitchIndex>;
}
/** Per database handle (tests open several in one process). */
const states = new WeakMap<Database, IndexState>();

/** A statement with its `?` bound to `args`, in order. */
function bound(statement: string, ...args: unknown[]): SQL {
  return sql.join(
    statement.split('?').map((part, i) => (i < args.length ? sql`${sql.raw(part)}${args[i]}` : sql.raw(part))),
    sql.raw(''),
  );
}

async function indexVersion(db: Database): Promise<number> {
  const [row] = await db.all<{ version: number }>(sql.raw(indexLoadStatements.version));
  return Number(row?.version ?? 0);
}

/** Loads the whole index in one read transaction: the log's last id and the rows agree. */
async function loadIndex(db: Database, places: ReadonlyMap<string, MunicipalityPlace>): Promise<PitchIndex> {
  const [version, rows, facets] = await db.batch([
    db.all<{ version: number }>(sql.raw(indexLoadStatements.version)),
    db.all<PitchRowForIndex>(sql.raw(indexLoadStatements.pitches)),
    db.all<FacetRowForIndex>(sql.raw(indexLoadStatements.facets)),
  ]);
  return buildPitchIndex(Number(version[0]?.version ?? 0), rows, facets, places);
}

/**
 * Brings `index` up to date: reads the pitches named in the log since its version and merges
 * them in; loads everything when the log no longer reaches back that far or names too many.
 * Rows read may be newer than the last log id seen; reading them again later does no harm.
 */
async function refreshIndex(db: Database, index: PitchIndex | undefined, places: ReadonlyMap<string, MunicipalityPlace>): Promise<PitchIndex> {
  if (!index) return loadIndex(db, places);
  const [[oldest], changes] = await db.batch([
    db.all<{ oldest: number }>(sql.raw(indexLoadStatements.oldest)),
    db.all<{ id: number; seq: number }>(bound(indexLoadStatements.changes, index.version)),
  ]);
  if (changes.length === 0) return index;
  if (Number(oldest?.oldest ?? 0) > index.version + 1 || changes.length > MAX_CHANGES) return loadIndex(db, places);
  const changed = new Set(changes.map((c) => Number(c.seq)));
  const list = JSON.stringify([...changed]);
  const [rows, facets] = await db.batch([
    db.all<PitchRowForIndex>(bound(indexLoadStatements.somePitches, list)),
    db.all<FacetRowForIndex>(bound(indexLoadStatements.someFacets, list)),
  ]);
  return patchPitchIndex(index, Number(changes.at(-1)!.id), changed, rows, facets, places);
}

/**
 * The index at the database's current state: the one in memory when the log has not moved,
 * otherwise brought up to date (one refresh at a time; requests meanwhile wait for it).
 */
export async function currentPitchIndex(db: Database, places: ReadonlyMap<string, MunicipalityPlace>): Promise<PitchIndex> {
  let state = states.get(db);
  if (!state) states.set(db, (state = {}));
  const version = await indexVersion(db);
  if (state.current?.version === version) return state.current;
  // A log that went back (a database restored under a running instance): start over.
  if (state.current && version < state.current.version) state.current = undefined;
  const loading = (state.loading ??= refreshIndex(db, state.current, places)
    .then((index) => (state.current = index))
    .finally(() => (state.loading = undefined)));
  const index = await loading;
  // A refresh that began before this request's write was seen is too old: refresh again.
  return index.version >= version ? index : currentPitchIndex(db, places);
}
