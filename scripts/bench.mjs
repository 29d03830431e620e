/**
 * `npm run bench`: speed and weight targets, measured against the real built server on
 * loopback (never in timed tests). Builds first if dist/ is missing. Exits 1 when a target is missed.
 *   - weight: compressed HTML + CSS + JS per page type, and whether a content page ships JS;
 *   - latency: p50/p95 over sequential requests to a prerendered page and the on-demand list;
 *   - memory: the server's resident set size after the load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';

const REQUESTS = 300;
// rssMiB: the native libSQL client and drizzle alone take ~95 MiB RSS in Node 24 (measured),
// on top of ~175 MiB for Astro's server bundle; growthPct catches leaks under repeated load.
const targets = { pageKiB: 40, listP95Ms: 60, staticP95Ms: 20, rssMiB: 320, growthPct: 10 };

if (!existsSync('dist/server/entry.mjs')) {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(1);
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = spawn(process.execPath, ['server.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? '✓' : '✖'} ${message}`);
  if (!ok) failures.push(message);
};

console.log('\nGewicht per paginasoort (gzip: HTML + CSS + JS)');
for (const path of ['/', '/praktijkvoorbeelden/', '/praktijkvoorbeelden/postnl-pakketsorteercentra/', '/instrumenten/basisbaan/', '/organisaties/zaanstad/', '/kaart/', '/zoeken/']) {
  const html = await (await fetch(base + path)).text();
  const assets = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
  let bytes = gzipSync(html).length;
  let js = 0;
  for (const asset of new Set(assets)) {
    const body = Buffer.from(await (await fetch(base + asset)).arrayBuffer());
    bytes += gzipSync(body).length;
    if (asset.endsWith('.js')) js += gzipSync(body).length;
  }
  const kib = bytes / 1024;
  const content = !['/praktijkvoorbeelden/', '/zoeken/'].includes(path);
  check(kib <= targets.pageKiB && (!content || js === 0), `${path}: ${kib.toFixed(1)} KiB (JS ${(js / 1024).toFixed(1)} KiB)${content ? ', inhoudspagina zonder JS' : ''} — doel ≤ ${targets.pageKiB} KiB`);
}

async function latency(path) {
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await (await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(REQUESTS * 0.5)], p95: times[Math.floor(REQUESTS * 0.95)] };
}

console.log(`\nSnelheid (${REQUESTS} opeenvolgende verzoeken)`);
const stat = await latency('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
check(stat.p95 <= targets.staticP95Ms, `vooraf gebouwde pagina: p50 ${stat.p50.toFixed(1)} ms, p95 ${stat.p95.toFixed(1)} ms — doel p95 ≤ ${targets.staticP95Ms} ms`);
const list = await latency('/praktijkvoorbeelden/?sector=facilitair&doelgroep=afstand-arbeidsmarkt');
check(list.p95 <= targets.listP95Ms, `gefilterde lijst (op aanvraag): p50 ${list.p50.toFixed(1)} ms, p95 ${list.p95.toFixed(1)} ms — doel p95 ≤ ${targets.listP95Ms} ms`);

const rssOf = () => Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
const rss = rssOf();
console.log('\nGeheugen');
check(rss <= targets.rssMiB, `server na de belasting: ${rss.toFixed(0)} MiB RSS — doel ≤ ${targets.rssMiB} MiB`);
// A leak shows as memory that keeps growing under the same load: one round to warm up
// every path (module loading and JIT are not leaks), then two identical rounds compared.
const leakPaths = ['/praktijkvoorbeelden/?sector=facilitair&doelgroep=afstand-arbeidsmarkt', '/account/inloggen/', '/praktijkvoorbeelden/postnl-pakketsorteercentra/'];
const round = async () => {
  for (const path of leakPaths) await latency(path);
  return rssOf();
};
await round();
const first = await round();
const second = await round();
const growth = ((second - first) / first) * 100;
check(growth <= targets.growthPct, `leksporen: ${first.toFixed(0)} → ${second.toFixed(0)} MiB over ${REQUESTS * leakPaths.length} gelijke verzoeken (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%) — doel ≤ +${targets.growthPct}%`);

process.kill(-server.pid, 'SIGTERM');
console.log(failures.length === 0 ? '\nAlle doelen gehaald.' : `\n${failures.length} doel(en) niet gehaald.`);
process.exit(failures.length === 0 ? 0 : 1);
