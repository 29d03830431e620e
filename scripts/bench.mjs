/**
 * `npm run bench` (never in timed tests): speed, weight and scale budgets, measured against the
 * real built server on loopback, written as a Markdown report to bench/REPORT.md (and printed).
 * Builds first if dist/ is missing. Every server gets a free port and its own temporary
 * database. Exits 1 when a budget is missed, naming each. Sections:
 *   - basics: weight per page type (alone: `--only=gewicht`), sequential latency, memory and leaks, large bodies, a login storm, account enumeration by timing;
 *   - Lighthouse per page type (scripts/bench-lighthouse.mjs);
 *   - 50 concurrent connections per page, against the prerendered page (scripts/bench-load.mjs);
 *   - the pitch queries at 1,000 to 100,000 pitches (scripts/bench-scale.ts);
 *   - build and search-index cost for 100 and 1,000 case studies (scripts/bench-build.mjs).
 * `npm run bench -- --quick` skips 100,000 pitches, 1,000 case studies and Lighthouse pages beyond
 * three; `-- --only=basis,gewicht,lighthouse,belasting,schaal,build` runs only those sections (the
 * report then says so; `gewicht` is the first part of `basis`; `scale`, `load` and `basics` are
 * accepted for the Dutch names).
 * Timing budgets (ms, requests per second, ratios of times) are judged only when the machine was
 * quiet at the start and the end (`timingVerdict` in scripts/bench-report.mjs); bytes and counts always.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { benchBuild } from './bench-build.mjs';
import { benchLighthouse } from './bench-lighthouse.mjs';
import { benchLoad } from './bench-load.mjs';
import { freePort, ms, Report, size, waitFor } from './bench-report.mjs';

const REQUESTS = 300;
// rssMiB: the native libSQL client and drizzle alone take ~95 MiB RSS in Node 24 (measured),
// on top of ~175 MiB for Astro's server bundle; growthPct catches leaks under repeated load.
// bodyGrowthMiB: 8 × 100 MB posts must not be buffered (they once took the server to 1.3 GB).
// storm*P95Ms: pages while 200 logins wait for argon2 (they once stalled for 3–6 s).
// timingRatio: existing / new address, median over the pairs; 1 means the paths cannot be told apart.
// contentPageKiB: HTML + CSS as sent to a browser (compressed) for a content page.
const targets = {
  pageKiB: 40, contentPageKiB: 20, listP95Ms: 60, staticP95Ms: 20, rssMiB: 320, growthPct: 10,
  bodyGrowthMiB: 32, stormStaticP95Ms: 100, stormDynamicP95Ms: 300, timingRatio: [0.8, 1.25],
};
const PAIRS = 40;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// English names work too: `-- --only=scale` is `-- --only=schaal`.
const sectionAliases = { basics: 'basis', load: 'belasting', scale: 'schaal' };
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').map((name) => sectionAliases[name] ?? name);
const runs = (name) => !only || only.includes(name);
const report = new Report({ quick });
if (only) report.line(`Alleen de onderdelen: ${only.join(', ')}.`);

if (!existsSync('dist/server/entry.mjs')) {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(1);
}

// A dist/ older than the sources measures old code (a fix would not show): say so loudly.
{
  const built = statSync('dist/server/entry.mjs').mtimeMs;
  const newer = readdirSync('src', { recursive: true }).filter((f) => statSync(join('src', String(f))).mtimeMs > built);
  if (newer.length > 0) report.fail(`dist/ is ouder dan ${newer.length} bestand(en) in src/ (zoals src/${newer[0]}): bouw eerst opnieuw (npm run build)`);
}

/** Runs one section; a crash in it is a missed budget, not the end of the bench. */
async function section(name, run) {
  if (name !== 'demoserver' && !runs(name)) return;
  try {
    await run();
  } catch (error) {
    report.fail(`onderdeel ${name} liep vast: ${error?.stack ?? error}`);
  }
}

// ---------------------------------------------------------------------------------------------
/** The pages Lighthouse visits; `js`: the page may ship JavaScript (search, filter enhancement). */
const lighthousePages = [
  { name: 'home', path: '/', js: false },
  { name: 'praktijkvoorbeelden', path: '/praktijkvoorbeelden/', js: true },
  { name: 'praktijkvoorbeeld', path: '/praktijkvoorbeelden/postnl-pakketsorteercentra/', js: false },
  { name: 'instrument', path: '/instrumenten/basisbaan/', js: false },
  { name: 'kaart', path: '/kaart/', js: false },
  { name: 'zoeken', path: '/zoeken/?q=basisbaan', js: true },
  { name: 'pitches', path: '/pitches/', js: true },
  { name: 'pitch', path: '/pitches/demo-zaanstad-poelenbrug/', js: false },
  { name: 'inloggen', path: '/account/inloggen/', js: false },
];

/** The pages under load; the account page with a session of a demo user. */
async function loadPages(base) {
  const login = await fetch(`${base}/account/inloggen/?_action=account.login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ email: 'gemeente@demo.praktijkplein.nl', password: 'oefenen op het praktijkplein' }).toString(),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie.includes('sessie=')) report.fail(`inloggen als demogebruiker gaf geen sessie (status ${login.status})`);
  return [
    { name: 'praktijkvoorbeeld', path: '/praktijkvoorbeelden/postnl-pakketsorteercentra/', reference: true },
    { name: 'praktijkvoorbeelden gefilterd', path: '/praktijkvoorbeelden/?sector=facilitair&doelgroep=afstand-arbeidsmarkt' },
    { name: 'pitches', path: '/pitches/' },
    { name: 'pitches gefilterd', path: '/pitches/?doelgroep=jongeren&provincie=noord-holland&status=open' },
    { name: 'pitches op sluitingsdatum, pagina 5', path: '/pitches/?sorteer=sluitingsdatum&pagina=5' },
    { name: 'zoeken', path: '/zoeken/?q=basisbaan' },
    { name: 'pitch', path: '/pitches/gen-pitch-4242/' },
    { name: 'account (ingelogd)', path: '/account/', cookie, personal: true },
  ];
}

/**
 * Starts the built server on a temporary database with the demo data and 10,000 generated
 * pitches with ten offers each, runs `work(base)`, and stops it.
 */
async function withDemoServer(work) {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkplein-bench-demo-'));
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'demo.db')}`, NODE_ENV: 'bench', ASTRO_TELEMETRY_DISABLED: '1' };
  try {
    for (const [script, ...rest] of [['scripts/migrate.ts'], ['scripts/seed.ts'], ['scripts/bench-data.ts', '10000', '10']]) {
      const step = spawnSync(process.execPath, [script, ...rest], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (step.status !== 0) throw new Error(`${script} faalde`);
    }
    const server = spawn(process.execPath, ['server.mjs'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1', SITE_URL: `http://127.0.0.1:${port}` }, stdio: 'ignore', detached: true });
    try {
      const base = `http://127.0.0.1:${port}`;
      if (!(await waitFor(`${base}/healthz`))) throw new Error('de server startte niet');
      await work(base);
    } finally {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs scripts/bench-scale.ts and reports time per query per size and the growth 1k → largest, judged by the targets it sends. */
async function benchScale(sizes) {
  report.section(
    'Schaal: pitchquery’s bij 1.000 tot 100.000 pitches',
    `Elke omvang in een eigen tijdelijke database, tien aanbiedingen per pitch, dezelfde functies als de pagina’s (\`listPitches\`, \`searchPitches\`); mediaan van minstens 15 keer en bij snelle query’s zoveel als in een seconde passen (hoogstens 500; bij trage query’s minstens 3 keer en 5 s) na één opwarmronde, zonder paginacache. Doelen per regel (in \`scripts/bench-scale.ts\`): groei 1.000 → ${sizes.at(-1).toLocaleString('nl-NL')} hoogstens 3×, het smalle filter hoogstens 2×, zoeken bovendien onder 50 ms bij de grootste omvang. Lijst en filters: bitsets per filterwaarde in de facetindex in het geheugen, daarna alleen de kaarten van de pagina uit de database. Zoeken: FTS5 loopt de treffers nieuwste eerst af tot 1.000 openbare pitches en alleen die worden gerangschikt; zijn er meer, dan zegt de zoekpagina “meer dan 1.000”.`,
  );
  const run = spawnSync(process.execPath, ['scripts/bench-scale.ts', ...sizes.map(String)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
  const results = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('SCALE '))
    .map((l) => JSON.parse(l.slice(6)));
  if (run.status !== 0 || results.length !== sizes.length) {
    report.fail(`scripts/bench-scale.ts faalde (status ${run.status}, ${results.length} van ${sizes.length} omvangen)`);
    if (results.length < 2) return;
  }
  const names = Object.keys(results[0].timings);
  const first = results[0];
  const last = results.at(-1);
  const targetOf = (name) => last.targets?.[name] ?? { growth: 3 };
  const verdict = (name) => {
    const growth = last.timings[name] / first.timings[name];
    const target = targetOf(name);
    return { growth, target, ok: growth <= target.growth && (target.ms === undefined || last.timings[name] <= target.ms) };
  };
  report.table(
    ['doel', 'query', ...results.map((r) => `${r.size.toLocaleString('nl-NL')} pitches`), `groei ${first.size.toLocaleString('nl-NL')} → ${last.size.toLocaleString('nl-NL')}`, 'doel'],
    names.map((name) => {
      const { growth, target, ok } = verdict(name);
      return [ok, name, ...results.map((r) => ms(r.timings[name])), `${growth.toFixed(1)}×`, `≤ ${target.growth}×${target.ms === undefined ? '' : `, ≤ ${target.ms} ms`}`];
    }),
  );
  const rendered = results.find((r) => r.renders);
  if (rendered) {
    const { times, budgetMs, starts, processStartMs } = rendered.renders;
    report.line(
      `Eerste render van de pitchlijst (paginacache leeg) op de gebouwde server met ${rendered.size.toLocaleString('nl-NL')} pitches, over HTTP; de server heeft eerst één andere pagina op aanvraag gemaakt (code laden en de database openen: ${ms(processStartMs)}, niet meegeteld). De facetindex laadt op de achtergrond vanaf het eerste verzoek van het proces (\`warmPitchIndex\` in de middleware); een lijst die komt terwijl dat nog loopt, wacht erop. Wat het laden zelf kost, staat hieronder bij “eerste lijst van een proces”. Mediaan over ${starts} nieuw gestarte servers. Doel: elk < ${budgetMs} ms.`,
    );
    report.table(
      ['doel', 'pagina', 'eerste render'],
      Object.entries(times).map(([name, value]) => [value < budgetMs, name, ms(value)]),
    );
    for (const [name, value] of Object.entries(times)) {
      if (value >= budgetMs) report.fail(`eerste render pitchlijst ${name}: ${ms(value)} bij ${rendered.size.toLocaleString('nl-NL')} pitches (doel < ${budgetMs} ms)`);
    }
  } else {
    report.line('Eerste render van de pitchlijst: niet gemeten (geen build in dist/ of geen omvang van 10.000).');
  }
  if (results.every((r) => r.reloadMs !== undefined)) {
    report.line(
      'Geen doel, wel een prijs: de lijst telt uit een facetindex in het geheugen van elke instantie (`src/features/marketplace/pitch-index/`). De eerste lijst van een proces laadt die index helemaal (één JSON-rij via een dekkende index); verandert daarna een pitch of zijn facetten (niet bij aanbod), dan werkt de eerstvolgende lijst alleen die pitches bij:',
    );
    report.table(
      ['', ...results.map((r) => `${r.size.toLocaleString('nl-NL')} pitches`)],
      [
        ...(results.every((r) => r.coldMs !== undefined) ? [['eerste lijst van een proces (index laden)', ...results.map((r) => ms(r.coldMs))]] : []),
        ['lijst direct na een wijziging', ...results.map((r) => ms(r.reloadMs))],
      ],
    );
  }
  report.table(
    ['pitches', 'aanbiedingen', 'gemaakt in', 'databasebestand', 'per 1.000 pitches'],
    results.map((r) => [r.size.toLocaleString('nl-NL'), (r.size * r.offersPerPitch).toLocaleString('nl-NL'), `${(r.generateMs / 1000).toFixed(1)} s`, size(r.bytes), size((r.bytes / r.size) * 1000)]),
  );
  for (const name of names) {
    const { growth, target, ok } = verdict(name);
    if (ok) continue;
    report.fail(
      `${name}: ${ms(first.timings[name])} bij ${first.size.toLocaleString('nl-NL')} → ${ms(last.timings[name])} bij ${last.size.toLocaleString('nl-NL')} pitches (${growth.toFixed(1)}×, doel ≤ ${target.growth}×${target.ms === undefined ? '' : ` en ≤ ${target.ms} ms`})`,
    );
    if (name.startsWith('zoeken')) {
      report.explain(
        'Zoeken rangschikt hoogstens de 1.000 nieuwste openbare treffers, maar FTS5 moet een voorvoegsel dat langer is dan zijn voorvoegselindexen (2 tot 6 letters) eerst uit de lijsten van alle woorden met dat begin samenvoegen: dat deel groeit nog met het aantal pitches.',
      );
    } else {
      report.explain(
        `${name}: filteren en tellen zijn bitsets per filterwaarde (een AND en een popcount per woord van 32 pitches); wat groeit is het werk per woord en de telling per gemeente over de pitches die aan de andere filters voldoen. Bij ${first.size.toLocaleString('nl-NL')} pitches is de tijd vooral de kaarten van de pagina, zodat een kleine groei al een grote verhouding geeft.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
/** What a browser asks for: with these, prerendered files come as brotli, cached pages as gzip. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

/** The bytes on the wire for `url` (compressed as sent) and the decoded text, via node:http (fetch decodes). */
function wireGet(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ bytes: Buffer.concat(chunks), encoding: res.headers['content-encoding'] ?? 'identity' }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * Weight per page type: HTML plus every stylesheet and script it loads, as the server sends them
 * to a browser (compressed), and with gzip only. Content pages: at most `contentPageKiB` of HTML +
 * CSS, and no JavaScript (the case list and search may enhance with some).
 */
async function benchWeight(base, check) {
  report.section(
    'Gewicht per paginasoort (HTML + CSS + JS, gecomprimeerd zoals verstuurd)',
    `Zoals een browser het krijgt (\`Accept-Encoding: ${BROWSER_ENCODINGS}\`: vooraf gebouwde bestanden als brotli, pagina’s op aanvraag als gzip), en ter vergelijking alleen gzip. Doel: een inhoudspagina laadt hoogstens ${targets.contentPageKiB} KiB HTML + CSS en geen JavaScript (de lijst met filters en zoeken mogen wat); elke pagina hoogstens ${targets.pageKiB} KiB in totaal.`,
  );
  const pages = [
    { name: 'home', path: '/', content: true },
    { name: 'praktijkvoorbeelden', path: '/praktijkvoorbeelden/', content: true, js: true },
    { name: 'praktijkvoorbeeld', path: '/praktijkvoorbeelden/postnl-pakketsorteercentra/', content: true },
    { name: 'instrument', path: '/instrumenten/basisbaan/', content: true },
    { name: 'organisatie', path: '/organisaties/zaanstad/', content: true },
    { name: 'inbedding', path: '/embed/gemeente/zaanstad/?met=praktijkvoorbeelden', content: true },
    { name: 'bron', path: '/bronnen/werkconferentie-werkgevers-en-gemeenten/', content: true },
    { name: 'kaart', path: '/kaart/', content: true },
    { name: 'zoeken', path: '/zoeken/', content: false, js: true },
  ];
  const rows = [];
  const misses = [];
  for (const page of pages) {
    const sent = await wireGet(base + page.path, BROWSER_ENCODINGS);
    const gz = await wireGet(base + page.path, 'gzip');
    const html = await (await fetch(base + page.path)).text();
    const assets = [...new Set([...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]))];
    const weigh = { html: sent.bytes.length, css: 0, js: 0, gzip: gz.bytes.length };
    for (const asset of assets) {
      const [asSent, asGzip] = await Promise.all([wireGet(base + asset, BROWSER_ENCODINGS), wireGet(base + asset, 'gzip')]);
      weigh[asset.endsWith('.js') ? 'js' : 'css'] += asSent.bytes.length;
      weigh.gzip += asGzip.bytes.length;
    }
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    const htmlCss = weigh.html + weigh.css;
    const total = htmlCss + weigh.js;
    const cssFiles = assets.filter((a) => a.endsWith('.css')).length;
    const ok = total / 1024 <= targets.pageKiB && (!page.content || (htmlCss / 1024 <= targets.contentPageKiB && (page.js || weigh.js === 0)));
    const goal = page.content ? `≤ ${targets.contentPageKiB} KiB HTML + CSS${page.js ? '' : ', geen JS'}` : `≤ ${targets.pageKiB} KiB`;
    rows.push([ok, `${page.name} \`${page.path}\``, sent.encoding, kib(weigh.html), `${kib(weigh.css)} (${cssFiles})`, kib(weigh.js), kib(htmlCss), kib(weigh.gzip), goal]);
    if (!ok) misses.push(`${page.path}: HTML + CSS ${kib(htmlCss)}, JS ${kib(weigh.js)} — doel ${goal}`);
    // A page over its weight because of an inline drawing (the map): say how much of it that is.
    const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
    if (!ok && svg && svg.length > 20_000) {
      const svgBytes = brotliCompressSync(svg).length;
      report.explain(
        `${page.path}: de kaart zelf (één SVG, ${kib(svgBytes)} gecomprimeerd) is het grootste deel van de ${kib(weigh.html)} HTML; de CSS is ${kib(weigh.css)}. De kaart tekent het land en elke grens één keer (src/features/catalog/map.ts, loadMap); kijk wat er sindsdien aan de kaart of aan de basis-CSS (src/styles/global.css) is toegevoegd.`,
      );
    }
  }
  report.table(['doel', 'pagina', 'HTML als', 'HTML', 'CSS (bestanden)', 'JS', 'HTML + CSS', 'alles, alleen gzip', 'doel'], rows);
  for (const miss of misses) check(false, miss);
  if (misses.length === 0) check(true, `alle ${rows.length} paginasoorten binnen hun gewicht`);
}

// ---------------------------------------------------------------------------------------------
/** The basic budgets (weight, latency, memory, abuse) on a server with an empty database. */
async function benchBasics() {

  const port = await freePort();
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
    } catch {
      // not listening yet; try again
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const check = (ok, message) => report.check(ok, message);

  await benchWeight(base, check);
  if (!runs('basis')) {
    process.kill(-server.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    return;
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

  report.section(`Snelheid (${REQUESTS} opeenvolgende verzoeken)`);
  const stat = await latency('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
  report.timing(stat.p95 <= targets.staticP95Ms, `vooraf gebouwde pagina: p50 ${stat.p50.toFixed(1)} ms, p95 ${stat.p95.toFixed(1)} ms — doel p95 ≤ ${targets.staticP95Ms} ms`);
  const list = await latency('/praktijkvoorbeelden/?sector=facilitair&doelgroep=afstand-arbeidsmarkt');
  report.timing(list.p95 <= targets.listP95Ms, `gefilterde lijst (op aanvraag): p50 ${list.p50.toFixed(1)} ms, p95 ${list.p95.toFixed(1)} ms — doel p95 ≤ ${targets.listP95Ms} ms`);

  const rssOf = () => Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  const rss = rssOf();
  report.section('Geheugen');
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
  report.section('Grote verzoeken (8 × 100 MB tegelijk)');
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
  report.section('Inlogstorm (200 logins tegelijk, fout wachtwoord) en intussen pagina’s');
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
    report.line(`${answered}/200 logins beantwoord met 401 in ${(stormMs / 1000).toFixed(1)} s (login p50 ${median(logins.map((r) => r.ms)).toFixed(0)} ms, p95 ${percentile(logins.map((r) => r.ms), 0.95).toFixed(0)} ms)`);
    check(answered === 200, `alle 200 logins kregen een antwoord (401): ${answered}`);
    const sp95 = percentile(staticTimes, 0.95);
    const dp95 = percentile(dynamicTimes, 0.95);
    report.timing(sp95 <= targets.stormStaticP95Ms, `vooraf gebouwde pagina tijdens de storm: p50 ${median(staticTimes).toFixed(1)} ms, p95 ${sp95.toFixed(1)} ms (${staticTimes.length} verzoeken) — doel p95 ≤ ${targets.stormStaticP95Ms} ms`);
    report.timing(dp95 <= targets.stormDynamicP95Ms, `pagina op aanvraag tijdens de storm: p50 ${median(dynamicTimes).toFixed(1)} ms, p95 ${dp95.toFixed(1)} ms (${dynamicTimes.length} verzoeken) — doel p95 ≤ ${targets.stormDynamicP95Ms} ms`);
  }

  // ---------------------------------------------------------------------------------------------
  report.section(`Accountenumeratie door tijd (mediaan over ${PAIRS} paren, bestaand en nieuw om en om)`);
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
      check(statuses.size === 1 && statuses.has(303), `${label}: statussen ${[...statuses].join(', ')} — doel overal 303`);
      report.timing(
        ratio >= low && ratio <= high && statuses.size === 1 && statuses.has(303),
        `${label}: bestaand ${a.toFixed(1)} ms, nieuw/onbekend ${b.toFixed(1)} ms, verhouding ${ratio.toFixed(2)} (statussen: ${[...statuses].join(', ')}) — doel ${low}–${high}, overal 303`,
      );
    };
    await compare('registreren', (i) => register(existingForRegister[i]), () => register(nextAddress('nieuw')));
    await compare('wachtwoord vergeten', (i) => requestReset(existingForReset[i]), () => requestReset(nextAddress('onbekend')));
  }

  process.kill(-server.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

if (runs('basis') || runs('gewicht')) await section(runs('basis') ? 'basis' : 'gewicht', benchBasics);
// One server with demo data for both: load first, so its first (uncached) renders are real.
if (runs('belasting') || runs('lighthouse')) {
  await section('demoserver', () =>
    withDemoServer(async (base) => {
      await section('belasting', async () => benchLoad(report, base, await loadPages(base), { seconds: quick ? 5 : 8, clientDir: join('dist', 'client') }));
      await section('lighthouse', () => benchLighthouse(report, base, quick ? lighthousePages.slice(0, 3) : lighthousePages));
    }),
  );
}
await section('schaal', () => benchScale(quick ? [1000, 10_000] : [1000, 10_000, 100_000]));
await section('build', () => benchBuild(report, quick ? [100] : [100, 1000]));

/**
 * The 1-minute load once the bench has rested: sampled every 5 s until it is at or below the
 * number of cores (the bench's own work has faded) or REST_MS has passed (something else keeps
 * the machine busy, and the report then says so).
 */
async function loadAfterRest() {
  const REST_MS = 90_000;
  const until = Date.now() + REST_MS;
  while (loadavg()[0] > cpus().length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5000));
  return loadavg();
}

// The load at the end says whether something else was using the machine. Right after the last
// section it is mostly the bench's own work (the 1-minute average of the build and the
// 100,000-pitch database it just made), so the bench first rests until that has faded.
report.loadAfter = await loadAfterRest();
const text = report.write('bench/REPORT.md');
console.log(`\n---------------------------------------------------------------------\n${text}`);
console.log(report.failures.length === 0 ? 'Alle doelen gehaald (bench/REPORT.md).' : `${report.failures.length} doel(en) niet gehaald (bench/REPORT.md).`);
process.exit(report.failures.length === 0 ? 0 : 1);
