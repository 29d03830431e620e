/**
 * The scale part of `npm run bench`: `node scripts/bench-scale.ts 1000 10000 100000`
 * fills a temporary database per size (ten offers per pitch) and times the pitch queries the pages
 * run, through the same functions (listPitches for the list and its filters, searchPitches for the
 * search's pitch half). At 10,000 pitches it also starts the built server (dist/) on that
 * database and times the first, uncached render of the pitch list per query string. Prints one
 * JSON line per size on stdout, prefixed `SCALE `, with the targets per query, for
 * scripts/bench.mjs to judge and put in the report; progress goes to stderr. Never part of the
 * tests.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { parsePitchQuery } from '#domain/pitch-filter.ts';
import { featuredPitches, listPitches, pitchPlaces } from '#features/marketplace/pitch-list.ts';
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
const searches = {
  'zoeken "basisbaan" (veel treffers)': 'basisbaan',
  'zoeken "haven 4242" (weinig treffers)': 'haven 4242',
  // Five letters: served by the FTS table's prefix index (2 to 6 letters).
  'zoeken "leerw" (voorvoegsel)': 'leerw',
} as const;

/**
 * What each measurement may do, judged by scripts/bench.mjs: growth from the smallest to the
 * largest size at most `growth` times, and at the largest size at most `ms` (when given).
 */
const targets: Record<string, { growth: number; ms?: number }> = {
  ...Object.fromEntries(Object.keys(listQueries).map((name) => [name, { growth: 3 }])),
  'filter doelgroep + provincie + open': { growth: 2 },
  ...Object.fromEntries(Object.keys(searches).map((name) => [name, { growth: 3, ms: 50 }])),
};

/** The list pages whose first render is timed on the built server, at this size. */
const RENDER_SIZE = 10_000;
const RENDER_BUDGET_MS = 150;
const renderPaths = {
  '/pitches/': '/pitches/',
  'gefilterd': '/pitches/?doelgroep=jongeren&provincie=noord-holland&status=open',
  'sluitingsdatum, pagina 5': '/pitches/?sorteer=sluitingsdatum&pagina=5',
  'sector + hulp, pagina 2': '/pitches/?sector=zorg&hulp=werkervaringsplaatsen&pagina=2',
} as const;
/** Fresh servers per measurement: each first render happens once per server, so take the median of this many. */
const RENDER_STARTS = 3;

/**
 * Median of the timed calls after one untimed call (warm page cache of SQLite and the JIT): at
 * least `ROUNDS`, and for a fast query as many more as fit in a second (at most 500), because a
 * few milliseconds measured fifteen times moved by 3x between quiet runs of the same code. A slow
 * query stops after three calls once it has taken five seconds.
 */
async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 500; i++) {
    const elapsed = performance.now() - started;
    if (i >= 3 && elapsed > 5000) break;
    if (i >= ROUNDS && elapsed > 1000) break;
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The first render of each list page on a freshly started built server over `file` (page cache
 * empty). The server first answers one other on-demand page, so loading the server's code is
 * not counted; that request also starts the facet index loading in the background (the
 * middleware's warmPitchIndex), and a list asked meanwhile waits for it. The index load on its own
 * is `coldMs`. Median over RENDER_STARTS servers; null without a build.
 */
async function firstRenders(file: string): Promise<{ times: Record<string, number>; processStartMs: number } | null> {
  if (!existsSync('dist/server/entry.mjs')) return null;
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(renderPaths).map((name) => [name, []]));
  const starts: number[] = [];
  for (let run = 0; run < RENDER_STARTS; run++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['server.mjs'], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: 'bench', ASTRO_TELEMETRY_DISABLED: '1', PORT: String(port), HOST: '127.0.0.1', SITE_URL: base },
      stdio: 'ignore',
      detached: true,
    });
    try {
      let up = false;
      for (let i = 0; i < 300 && !up; i++) {
        up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 100));
      }
      if (!up) throw new Error('de gebouwde server startte niet');
      const timed = async (path: string) => {
        const start = performance.now();
        const response = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path} antwoordde ${response.status}`);
        return performance.now() - start;
      };
      // Code loading and the database's first use, on a page that does not touch the pitch list.
      starts.push(await timed('/zoeken/?q=bench'));
      for (const [name, path] of Object.entries(renderPaths)) runs[name]!.push(await timed(path));
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { times: Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, median(values)])), processStartMs: median(starts) };
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
    // The first list of a process: the facet index loaded from nothing (a fresh handle has none).
    const coldHandle = await openDatabase({ url: `file:${file}` });
    const coldStart = performance.now();
    const emptyQuery = parsePitchQuery(new URLSearchParams(''), places.vocabulary);
    await Promise.all([listPitches(coldHandle.db, emptyQuery, now), featuredPitches(coldHandle.db, now)]);
    const coldMs = performance.now() - coldStart;
    coldHandle.close();
    const renders = size === RENDER_SIZE ? await firstRenders(file) : null;
    // The list's facet index is reloaded once per instance after a pitch or its facets change
    // (src/features/marketplace/pitch-index/cache.ts): the first list after a change pays that, once.
    const empty = parsePitchQuery(new URLSearchParams(''), places.vocabulary);
    let flip = false;
    const reloadMs = await time(async () => {
      flip = !flip;
      await handle.client.execute({ sql: 'update pitches set featured = ? where id = ?', args: [flip ? 1 : 0, 'gen-pitch-0'] });
      await listPitches(handle.db, empty, now);
    });
    console.error(`  ${size} pitches: gemaakt in ${(generateMs / 1000).toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    console.log(
      `SCALE ${JSON.stringify({ size, offersPerPitch: OFFERS_PER_PITCH, generateMs, bytes, timings, targets, reloadMs, coldMs, renders: renders && { ...renders, budgetMs: RENDER_BUDGET_MS, starts: RENDER_STARTS } })}`,
    );
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
