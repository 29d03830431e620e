/**
 * The public pitch list's facet index ("Scale") per database handle: every public pitch's
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
import type { MunicipalityPlace } from '#domain/pitch-filter.ts';
import { buildPitchIndexFromLoaded, patchPitchIndex, type FacetRowForIndex, type LoadedPitch, type PitchIndex, type PitchRowForIndex } from './build.ts';

/** More changes than this since an instance's index: loading everything is as quick. */
const MAX_CHANGES = 5000;

/** The statements that read the index (exported for the query-plan test); `?` is the last log id seen, or a JSON list of seqs. */
export const indexLoadStatements = {
  version: `select coalesce(max(id), 0) as version from pitch_index_changes`,
  oldest: `select coalesce(min(id), 0) as oldest from pitch_index_changes`,
  changes: `select id, seq from pitch_index_changes where id > ? order by id limit ${MAX_CHANGES + 1}`,
  // Every public pitch with its facets as one JSON row: the client's cost per returned row
  // (about 12 µs) made 10,000 pitches and their 40,000 facet rows take 300 ms to read, the
  // first list after a start; one row of JSON takes a fifth of that.
  all: `select json_group_array(json_array(p.seq, p.municipality_id, p.status, p.closing_date, p.published_at, p.featured, p.demo,
    (select json_group_array(f.facet || ' ' || f.value) from pitch_facets f where f.pitch_id = p.id))) as rows
    from pitches p where p.status in ('published', 'closed')`,
  somePitches: `select seq, municipality_id, status, closing_date, published_at, featured, demo from pitches where status in ('published', 'closed') and seq in (select value from json_each(?))`,
  someFacets: `select p.seq, f.facet, f.value from pitches p join pitch_facets f on f.pitch_id = p.id where p.status in ('published', 'closed') and p.seq in (select value from json_each(?))`,
} as const;


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
  const [version, [all]] = await db.batch([
    db.all<{ version: number }>(sql.raw(indexLoadStatements.version)),
    db.all<{ rows: string }>(sql.raw(indexLoadStatements.all)),
  ]);
  return buildPitchIndexFromLoaded(Number(version[0]?.version ?? 0), JSON.parse(all?.rows ?? '[]') as LoadedPitch[], places);
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

