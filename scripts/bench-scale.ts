/**
 * The scale part of `npm run bench`: `node scripts/bench-scale.ts 1000 10000 100000`
 * fills a temporary database per size (ten offers per pitch) and times the pitch queries the pages
 * run, through the same functions (listPitches for the list and its filters, searchPitches for the
 * search's pitch half). Prints one JSON line per size on stdout, prefixed `SCALE `, for
 * scripts/bench.mjs to put in the report; progress goes to stderr. Never part of the tests.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { parsePitchQuery } from '#domain/pitch-filter.ts';
import { listPitches, pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { searchPitches } from '#features/marketplace/pitch-search.ts';
import { generateMarketplace } from './generate-marketplace.ts';

const OFFERS_PER_PITCH = 10;
const ROUNDS = 15;

/** What the pages ask, as their query strings (the list) or search words. */
const listQueries = {
  lijst: '',
  'lijst pagina 5 op sluitingsdatum': 'sorteer=sluitingsdatum&pagina=5',
  'filter doelgroep + provincie + open': 'doelgroep=jongeren&provincie=noord-holland&status=open',
  'filter sector + hulp': 'sector=zorg&hulp=werkervaringsplaatsen',
} as const;
const searches = { 'zoeken "basisbaan" (veel treffers)': 'basisbaan', 'zoeken "haven 4242" (weinig treffers)': 'haven 4242' } as const;

/**
 * Median of up to `ROUNDS` timed calls after one untimed call (warm page cache of SQLite and the
 * JIT); a slow query stops after three calls once it has taken five seconds.
 */
async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ROUNDS && (i < 3 || performance.now() - started < 5000); i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
const now = new Date();
const places = pitchPlaces();
for (const size of sizes.length > 0 ? sizes : [1000, 10_000]) {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkplein-bench-schaal-'));
  const file = join(dir, 'schaal.db');
  const handle = await openDatabase({ url: `file:${file}` });
  try {
    await migrateDatabase(handle);
    await ensureReferenceData(handle.db);
    const generateStart = performance.now();
    await generateMarketplace(handle.db, { count: size, offersPerPitch: OFFERS_PER_PITCH });
    const generateMs = performance.now() - generateStart;
    // Fold the WAL into the file and let SQLite see the new tables' statistics, as a running
    // site's database would have by then.
    await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    await handle.client.execute('PRAGMA optimize');
    const bytes = statSync(file).size;
    const timings: Record<string, number> = {};
    for (const [name, query] of Object.entries(listQueries)) {
      const parsed = parsePitchQuery(new URLSearchParams(query), places.vocabulary);
      timings[name] = await time(() => listPitches(handle.db, parsed, now));
    }
    for (const [name, q] of Object.entries(searches)) timings[name] = await time(() => searchPitches(handle.db, { q }, now));
    // The list's facet index is reloaded once per instance after a pitch or its facets change
    // (src/features/marketplace/pitch-index.ts): the first list after a change pays that, once.
    const empty = parsePitchQuery(new URLSearchParams(''), places.vocabulary);
    let flip = false;
    const reloadMs = await time(async () => {
      flip = !flip;
      await handle.client.execute({ sql: 'update pitches set featured = ? where id = ?', args: [flip ? 1 : 0, 'gen-pitch-0'] });
      await listPitches(handle.db, empty, now);
    });
    console.error(`  ${size} pitches: gemaakt in ${(generateMs / 1000).toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    console.log(`SCALE ${JSON.stringify({ size, offersPerPitch: OFFERS_PER_PITCH, generateMs, bytes, timings, reloadMs })}`);
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
