/**
 * `npm run bench`: speed and weight targets, measured against the real built server on
 * loopback (never in timed tests). Builds first if dist/ is missing. The server gets a free
 * port and its own temporary database. Exits 1 when a target is missed, listing each.
 *   - weight: compressed HTML + CSS + JS per page type, and whether a content page ships JS;
 *   - latency: p50/p95 over sequential requests to a prerendered page and the on-demand list;
 *   - memory: the server's resident set size after the load, and growth under repeated load;
 *   - large bodies: RSS while 8 clients each send 100 MB at once (issue 6, item 3);
 *   - login storm: page latency while 200 logins hash at once (issue 6, item 16);
 *   - enumeration by timing: existing vs new address, side by side (issue 6, item 2).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const REQUESTS = 300;
// rssMiB: the native libSQL client and drizzle alone take ~95 MiB RSS in Node 24 (measured),
// on top of ~175 MiB for Astro's server bundle; growthPct catches leaks under repeated load.
// bodyGrowthMiB: 8 × 100 MB posts must not be buffered (they once took the server to 1.3 GB).
// storm*P95Ms: pages while 200 logins wait for argon2 (they once stalled for 3–6 s).
// timingRatio: existing / new address, median over the pairs; 1 means the paths cannot be told apart.
const targets = {
  pageKiB: 40, listP95Ms: 60, staticP95Ms: 20, rssMiB: 320, growthPct: 10,
  bodyGrowthMiB: 32, stormStaticP95Ms: 100, stormDynamicP95Ms: 300, timingRatio: [0.8, 1.25],
};
const PAIRS = 40;

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
const dataDir = mkdtempSync(join(tmpdir(), 'praktijkplein-bench-'));
// TRUST_PROXY: every simulated visitor sends its own X-Forwarded-For, so per-IP limits count
// them apart, as they would behind the proxy in production.
const server = spawn(process.execPath, ['server.mjs'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dataDir, 'bench.db')}`, TRUST_PROXY: '1', NODE_ENV: 'bench' },
  stdio: 'ignore',
  detached: true,
});
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

// ---------------------------------------------------------------------------------------------
// Helpers for the sections below: forms as a browser without JavaScript posts them.
let ipCounter = 0;
/** A new client address for each simulated visitor (the server trusts X-Forwarded-For here). */
const nextIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
const runId = Date.now().toString(36);
let addressCounter = 0;
const nextAddress = (kind) => `bench-${kind}-${runId}-${addressCounter++}@voorbeeld.nl`;

/** Posts a form and returns its status and duration in ms (the body is read to the end). */
async function postForm(path, fields) {
  const start = performance.now();
  const response = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: base,
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': nextIp(),
    },
    body: new URLSearchParams(fields).toString(),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - start };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

// ---------------------------------------------------------------------------------------------
console.log('\nGrote verzoeken (8 × 100 MB tegelijk)');
/**
 * Sends `total` bytes as one form post (declared length, or chunked without one) and stops when
 * the server answers, as a browser does. Resolves with the status and bytes sent by then.
 */
function hugePost(total, chunked) {
  return new Promise((resolve) => {
    const piece = Buffer.alloc(256 * 1024, 'a');
    let sent = 0;
    let answer;
    const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin', 'x-forwarded-for': nextIp() };
    if (!chunked) headers['content-length'] = String(total);
    const req = http.request(`${base}/account/inloggen/?_action=account.login`, { method: 'POST', agent: false, headers }, (res) => {
      answer = { status: res.statusCode, sentBeforeAnswer: sent };
      res.resume();
      res.on('end', () => resolve(answer));
    });
    req.on('error', () => resolve(answer ?? { status: 'verbroken', sentBeforeAnswer: sent }));
    const pump = () => {
      while (!answer && !req.destroyed) {
        if (sent >= total) return void req.end();
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', () => setImmediate(pump));
      }
      req.destroy();
    };
    pump();
  });
}
for (const chunked of [false, true]) {
  const before = rssOf();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf())), 20);
  const results = await Promise.all(Array.from({ length: 8 }, () => hugePost(100 * 1024 * 1024, chunked)));
  await new Promise((r) => setTimeout(r, 200));
  clearInterval(sampler);
  peak = Math.max(peak, rssOf());
  const refused = results.filter((r) => r.status === 413).length;
  const sentMiB = Math.max(...results.map((r) => r.sentBeforeAnswer)) / 1024 / 1024;
  const alive = (await fetch(base + '/')).ok;
  check(
    refused === 8 && alive && peak - before <= targets.bodyGrowthMiB,
    `${chunked ? 'chunked, zonder Content-Length' : 'met Content-Length'}: ${refused}/8 kregen 413 (na hoogstens ${sentMiB.toFixed(1)} MiB verstuurd); RSS ${before.toFixed(0)} → piek ${peak.toFixed(0)} MiB (+${(peak - before).toFixed(0)}); server ${alive ? 'draait door' : 'ANTWOORDT NIET'} — doel alle 413, groei ≤ ${targets.bodyGrowthMiB} MiB`,
  );
}

// ---------------------------------------------------------------------------------------------
console.log('\nInlogstorm (200 logins tegelijk, fout wachtwoord) en intussen pagina’s');
{
  const storm = Array.from({ length: 200 }, (_, i) =>
    postForm('/account/inloggen/?_action=account.login', { email: nextAddress(`storm${i}`), password: 'niet het goede wachtwoord' }),
  );
  let stormDone = false;
  const stormResult = Promise.all(storm).finally(() => (stormDone = true));
  const stormStart = performance.now();
  const sample = async (path) => {
    const times = [];
    while (!stormDone) {
      const start = performance.now();
      await (await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
      times.push(performance.now() - start);
    }
    return times;
  };
  const [staticTimes, dynamicTimes, logins] = await Promise.all([
    sample('/praktijkvoorbeelden/postnl-pakketsorteercentra/'),
    sample('/praktijkvoorbeelden/?sector=facilitair'),
    stormResult,
  ]);
  const stormMs = performance.now() - stormStart;
  const answered = logins.filter((r) => r.status === 401).length;
  console.log(`  ${answered}/200 logins beantwoord met 401 in ${(stormMs / 1000).toFixed(1)} s (login p50 ${median(logins.map((r) => r.ms)).toFixed(0)} ms, p95 ${percentile(logins.map((r) => r.ms), 0.95).toFixed(0)} ms)`);
  check(answered === 200, `alle 200 logins kregen een antwoord (401): ${answered}`);
  const sp95 = percentile(staticTimes, 0.95);
  const dp95 = percentile(dynamicTimes, 0.95);
  check(sp95 <= targets.stormStaticP95Ms, `vooraf gebouwde pagina tijdens de storm: p50 ${median(staticTimes).toFixed(1)} ms, p95 ${sp95.toFixed(1)} ms (${staticTimes.length} verzoeken) — doel p95 ≤ ${targets.stormStaticP95Ms} ms`);
  check(dp95 <= targets.stormDynamicP95Ms, `pagina op aanvraag tijdens de storm: p50 ${median(dynamicTimes).toFixed(1)} ms, p95 ${dp95.toFixed(1)} ms (${dynamicTimes.length} verzoeken) — doel p95 ≤ ${targets.stormDynamicP95Ms} ms`);
}

// ---------------------------------------------------------------------------------------------
console.log(`\nAccountenumeratie door tijd (mediaan over ${PAIRS} paren, bestaand en nieuw om en om)`);
{
  const register = (email) =>
    postForm('/account/registreren/?_action=account.register', {
      name: 'Bench Persoon',
      email,
      password: 'zonnige middag aan de grote rivier',
      kind: 'municipality',
      municipality: 'zaanstad',
    });
  const requestReset = (email) => postForm('/account/wachtwoord-vergeten/?_action=account.requestReset', { email });
  // Accounts that exist: each address is used at most twice (limit: 3 mails per address per 10 minutes).
  const existingForRegister = Array.from({ length: PAIRS }, () => nextAddress('bestaand'));
  const existingForReset = Array.from({ length: PAIRS }, () => nextAddress('herstel'));
  const setup = [];
  for (const email of [...existingForRegister, ...existingForReset]) setup.push((await register(email)).status);
  const setupOk = setup.filter((status) => status === 303).length;
  check(setupOk === setup.length, `voorbereiding: ${setupOk}/${setup.length} accounts aangemaakt (303)`);

  const compare = async (label, existing, fresh) => {
    const times = { existing: [], fresh: [] };
    const statuses = new Set();
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which goes first, so warm caches favour neither side.
      const order = i % 2 === 0 ? ['existing', 'fresh'] : ['fresh', 'existing'];
      for (const side of order) {
        const result = side === 'existing' ? await existing(i) : await fresh(i);
        statuses.add(result.status);
        times[side].push(result.ms);
      }
    }
    const a = median(times.existing);
    const b = median(times.fresh);
    const ratio = a / b;
    const [low, high] = targets.timingRatio;
    check(
      ratio >= low && ratio <= high && statuses.size === 1 && statuses.has(303),
      `${label}: bestaand ${a.toFixed(1)} ms, nieuw/onbekend ${b.toFixed(1)} ms, verhouding ${ratio.toFixed(2)} (statussen: ${[...statuses].join(', ')}) — doel ${low}–${high}, overal 303`,
    );
  };
  await compare('registreren', (i) => register(existingForRegister[i]), () => register(nextAddress('nieuw')));
  await compare('wachtwoord vergeten', (i) => requestReset(existingForReset[i]), () => requestReset(nextAddress('onbekend')));
}

process.kill(-server.pid, 'SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

// The marketplace under load runs on its own large generated database (issue 7, item 12).
const market = spawnSync(process.execPath, ['scripts/bench-marketplace.mjs'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
if (market.status !== 0) failures.push('pitchmarkt onder belasting (zie hierboven)');

if (failures.length === 0) {
  console.log('\nAlle doelen gehaald.');
} else {
  console.log(`\n${failures.length} doel(en) niet gehaald:`);
  for (const failure of failures) console.log(`  ✖ ${failure}`);
}
process.exit(failures.length === 0 ? 0 : 1);
