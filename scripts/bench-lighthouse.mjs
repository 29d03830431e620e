/**
 * The Lighthouse part of `npm run bench`: each page type against the built
 * server, with Lighthouse's mobile defaults (simulated slow 4G and a 4× slower CPU, so scores
 * depend little on how busy this machine is), in /usr/bin/chromium (headless, no sandbox).
 * Budgets: accessibility, best practices and SEO 100, performance ≥ 98, and no JavaScript on
 * a page unless it is search or carries the filters' progressive enhancement. Reports the
 * bytes transferred per resource type and, for a missed score, the audits that cost points.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { size } from './bench-report.mjs';

export const budgets = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const categories = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
const categoryNames = { performance: 'prestaties', accessibility: 'toegankelijkheid', 'best-practices': 'goede praktijken', seo: 'SEO' };
/** Lighthouse's resource types, grouped as the report shows them. */
const byteTypes = ['document', 'script', 'stylesheet', 'image', 'font', 'other'];
const typeOf = (resourceType) => {
  const type = String(resourceType ?? '').toLowerCase();
  return byteTypes.includes(type) ? type : 'other';
};

/** Starts headless Chromium with a DevTools port; resolves with the port and a stop function. */
async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'praktijkplein-bench-chromium-'));
  // Its own process group, so stopping it ends every Chromium process; no crash reporter, whose
  // handler would outlive the browser.
  const chromium = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage', '--disable-breakpad', '--disable-crash-reporter', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('Chromium gaf geen DevTools-poort binnen 30 s')), 30_000);
    chromium.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    chromium.on('exit', (code) => reject(new Error(`Chromium stopte (${code}): ${seen.slice(-500)}`)));
  });
  return {
    port,
    stop: () => {
      try {
        process.kill(-chromium.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs Lighthouse on every page in `pages` ({ name, path, js: may it ship JavaScript }) and puts
 * the scores, bytes and budgets into `report`.
 */
/** Performance audits that measure the main thread's time, which a loaded machine slows. */
const cpuAudits = new Set(['total-blocking-time', 'first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'interactive', 'max-potential-fid']);

export async function benchLighthouse(report, base, pages) {
  report.section(
    'Lighthouse (mobiel)',
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, standaardinstellingen voor mobiel (gesimuleerde beperking), Chromium zonder scherm, tegen de gebouwde server met demogegevens. Doelen: toegankelijkheid, goede praktijken en SEO 100; prestaties ≥ ${budgets.performance}; 0 bytes JavaScript behalve op zoeken en de lijsten met filters (progressieve verbetering).`,
  );
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    report.fail(`Chromium startte niet: ${error.message}`);
    return;
  }
  const rows = [];
  const details = [];
  /** Pages where Lighthouse could not record its trace (it asks to run again). */
  const traceFailures = [];
  /** Pages whose performance score lost points only on timings of the main thread. */
  const cpuBound = [];
  try {
    for (const page of pages) {
      let lhr;
      try {
        const result = await lighthouse(base + page.path, { port: browser.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
        lhr = result?.lhr;
        if (!lhr) throw new Error('geen resultaat');
        if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
      } catch (error) {
        report.fail(`${page.name} (${page.path}): Lighthouse faalde: ${error.message}`);
        if (/NO_NAVSTART|NO_FCP|trace/i.test(error.message)) traceFailures.push(page.name);
        continue;
      }
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
      const bytes = Object.fromEntries(byteTypes.map((t) => [t, 0]));
      for (const item of lhr.audits['network-requests']?.details?.items ?? []) bytes[typeOf(item.resourceType)] += item.transferSize ?? 0;
      const total = Object.values(bytes).reduce((a, b) => a + b, 0);
      const missed = categories.filter((c) => scores[c] < budgets[c]);
      const jsMissed = !page.js && bytes.script > 0;
      rows.push([missed.length === 0 && !jsMissed, `${page.name} \`${page.path}\``, ...categories.map((c) => String(scores[c])), ...byteTypes.map((t) => (bytes[t] === 0 ? '0' : size(bytes[t]))), size(total)]);
      if (missed.includes('performance')) {
        const lostIds = lhr.categories.performance.auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id] && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => ref.id);
        if (lostIds.length > 0 && lostIds.every((id) => cpuAudits.has(id))) cpuBound.push(page.name);
      }
      for (const c of missed) {
        // The audits that cost points in this category, so the report says why.
        const lost = lhr.categories[c].auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id] && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => `${lhr.audits[ref.id].title} (${Math.round(lhr.audits[ref.id].score * 100)}${lhr.audits[ref.id].displayValue ? `, ${lhr.audits[ref.id].displayValue}` : ''})`);
        details.push(`${page.name}: ${categoryNames[c]} ${scores[c]} < ${budgets[c]}${lost.length > 0 ? ` — ${lost.join('; ')}` : ''}`);
      }
      if (jsMissed) details.push(`${page.name}: ${size(bytes.script)} JavaScript op een pagina die er geen hoort te hebben`);
      console.error(`  lighthouse ${page.path}: ${categories.map((c) => scores[c]).join('/')}`);
    }
  } finally {
    browser.stop();
  }
  report.table(['doel', 'pagina', 'prestaties', 'toegank.', 'goede pr.', 'SEO', 'document', 'script', 'stylesheet', 'afbeelding', 'lettertype', 'overig', 'totaal'], rows);
  report.line('Bytes: over de lijn (gecomprimeerd), per soort, bij een eerste bezoek zonder cache.');
  for (const line of details) report.fail(line);
  if (traceFailures.length > 0) {
    report.explain(
      `Lighthouse kon op ${traceFailures.join(', ')} geen trace van het laden opnemen (zijn eigen melding: "Please run Lighthouse again"); dat is een fout van de meting onder zware belasting, geen score van de pagina. Die pagina’s zijn in deze run niet gemeten.`,
    );
  }
  if (cpuBound.length > 0) {
    const [load] = loadavg();
    report.explain(
      `Lighthouse-prestaties onder ${budgets.performance} op ${cpuBound.join(', ')}: alleen punten verloren op tijden van de hoofdthread (Total Blocking Time, First Contentful Paint en dergelijke), geen op bytes of opbouw. Lighthouse vertraagt de CPU met een vaste factor bovenop de echte machine; met belasting ${load.toFixed(1)} op ${cpus().length} kernen kreeg Chromium te weinig rekentijd. Dezelfde pagina’s (zelfde bytes, 0 JavaScript waar dat hoort) moeten op een rustige machine opnieuw gemeten worden.`,
    );
  }
  if (details.length === 0 && rows.length === pages.length) report.check(true, `alle ${pages.length} pagina’s binnen de doelen`);
}
