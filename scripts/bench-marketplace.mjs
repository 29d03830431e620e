/**
 * The marketplace part of `npm run bench` (issue 7, item 12): the pitch list (plain, filtered,
 * searched) and a pitch page against a generated database of 10,000 pitches and 100,000
 * offers, under 50 concurrent connections on loopback (autocannon). Target: p99 under 50 ms and
 * no errors. The first, uncached render of each page is reported too. Prints one line per page
 * and exits 1 when a target is missed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const PITCHES = 10_000;
const OFFERS_PER_PITCH = 10;
const CONNECTIONS = 50;
const SECONDS = 8;
const targets = { p99Ms: 50 };

const dataDir = mkdtempSync(join(tmpdir(), 'praktijkplein-bench-markt-'));
const databaseUrl = `file:${join(dataDir, 'markt.db')}`;
const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'bench' };

console.log(`\nPitchmarkt onder belasting (${PITCHES.toLocaleString('nl-NL')} pitches, ${(PITCHES * OFFERS_PER_PITCH).toLocaleString('nl-NL')} aanbiedingen, ${CONNECTIONS} verbindingen, ${SECONDS} s per pagina)`);
const fill = spawnSync(process.execPath, ['scripts/bench-data.ts', String(PITCHES), String(OFFERS_PER_PITCH)], { env, stdio: 'inherit' });
if (fill.status !== 0) process.exit(1);

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = spawn(process.execPath, ['server.mjs'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${base}/pitches/`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const pages = {
  'lijst': '/pitches/',
  'lijst gefilterd (doelgroep + provincie + open)': '/pitches/?doelgroep=jongeren&provincie=noord-holland&status=open',
  'lijst op sluitingsdatum, pagina 5': '/pitches/?sorteer=sluitingsdatum&pagina=5',
  'zoeken': '/zoeken/?q=basisbaan',
  'pitchpagina': '/pitches/gen-pitch-4242/',
};

const failures = [];
for (const [name, path] of Object.entries(pages)) {
  // The first request renders the page (nothing cached yet): reported, no target. Then measure
  // what visitors mostly get: the page from the public page cache (src/server/page-cache.ts).
  const coldStart = performance.now();
  await fetch(base + path).then((r) => r.arrayBuffer());
  const coldMs = performance.now() - coldStart;
  const result = await autocannon({ url: base + path, connections: CONNECTIONS, duration: SECONDS, headers: { 'accept-encoding': 'gzip' } });
  const errors = result.errors + result.timeouts + result.non2xx;
  const ok = errors === 0 && result.latency.p99 <= targets.p99Ms;
  console.log(
    `${ok ? '✓' : '✖'} ${name} (${path}): eerste keer ${coldMs.toFixed(0)} ms; daarna ${Math.round(result.requests.average)} verzoeken/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, fouten ${errors} — doel p99 ≤ ${targets.p99Ms} ms, 0 fouten`,
  );
  if (!ok) failures.push(name);
}

process.kill(-server.pid, 'SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
process.exit(failures.length === 0 ? 0 : 1);
