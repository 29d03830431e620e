/**
 * The build part of `npm run bench`: what a large knowledge base costs. For
 * 100 and 1,000 case studies, a temporary copy of the project (sources and content copied,
 * node_modules linked, never this checkout's dist/ or database) gets generated case studies
 * beside the real ones, and is built with `astro build`; the report gives the build time, the
 * Pagefind index time (from the integration's log line) and the index size, in total and per
 * page. The generated cases pass src/features/catalog/schemas/case.ts (the build fails otherwise) and never
 * leave the temporary folder. No budget: these are numbers for a curator.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { size } from './bench-report.mjs';

/** What the copy needs to build: everything but dependencies, outputs, databases and git. */
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'bench', 'coverage', 'test-results']);

const sectors = ['logistiek', 'facilitair', 'detailhandel', 'onderwijs', 'zorg', 'ict', 'bouw-installatie', 'openbare-ruimte', 'sport-cultuur', 'overheid'];
const targetGroups = ['arbeidsbeperking', 'afstand-arbeidsmarkt', 'bijstand', 'jongeren', 'ouderen', 'leerlingen'];
const instruments = ['basisbaan', 'beschut-werk', 'garantiebanen', 'jobcoaching-loonwaarde', 'loonkostensubsidie', 'omscholing', 'sociaal-inkopen', 'werkgarantie'];
const municipalities = ['zaanstad', 'amsterdam', 'utrecht', 'nijmegen', 'zwolle', 'rotterdam', 'groningen', 'eindhoven'];
const WORDS = ['werkgever', 'gemeente', 'begeleiding', 'leerwerkplek', 'jobcoach', 'team', 'afspraak', 'wijk', 'opleiding', 'ervaring', 'collega', 'rooster', 'proefplaatsing', 'vakmanschap'];

/** A valid generated case study (MDX with frontmatter), marked as generated in its text. */
function generatedCase(n, source) {
  const pick = (list, k) => list[(n * 7 + k * 3) % list.length];
  const sentence = (k) => `${Array.from({ length: 14 }, (_, i) => WORDS[(n + i * (k + 3)) % WORDS.length]).join(' ')}.`;
  const paragraph = (k) => Array.from({ length: 5 }, (_, i) => sentence(k + i)).join(' ');
  return `---
title: "Gegenereerd praktijkvoorbeeld ${n} voor de bench"
summary: "Een gegenereerd praktijkvoorbeeld om te meten wat een grote kennisbank kost bij het bouwen; geen echte praktijk."
employers: []
municipalities: [${pick(municipalities, 1)}]
partners: []
places: []
sectors: [${pick(sectors, 2)}]
targetGroups: [${pick(targetGroups, 3)}]
instruments: [${pick(instruments, 4)}]
outcomes: []
evidence: pitch
status: lopend
sources: [${source}]
published: 2026-11-${String(1 + (n % 25)).padStart(2, '0')}
featured: false
---

## De situatie

${paragraph(1)}

## De aanpak

${paragraph(2)}

1. **Stap een.** ${sentence(3)}
2. **Stap twee.** ${sentence(4)}

## Wat het laat werken

${paragraph(5)}

## Wat u kunt overnemen

- ${sentence(6)}
- ${sentence(7)}
`;
}

/** Total bytes of the files under `dir`, and how many there are. */
function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Runs `astro build` in `cwd`; resolves with its duration, exit code and output. */
function build(cwd) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ ms: performance.now() - start, code, output }));
  });
}

/** Builds copies with `counts` case studies each and reports the costs. */
export async function benchBuild(report, counts) {
  report.section(
    'Build: kosten van een grote kennisbank',
    'Een tijdelijke kopie van het project met de echte praktijkvoorbeelden aangevuld met gegenereerde tot het genoemde aantal, gebouwd met `astro build` (inclusief de Pagefind-index). Geen doel: getallen voor een curator. Tijden hangen sterk af van de machine.',
  );
  const root = process.cwd();
  const rows = [];
  const measured = [];
  for (const count of counts) {
    const dir = mkdtempSync(join(tmpdir(), 'praktijkplein-bench-build-'));
    try {
      for (const entry of readdirSync(root)) {
        if (SKIP.has(entry) || entry.endsWith('.db') || entry.endsWith('.tmp.mjs')) continue;
        cpSync(join(root, entry), join(dir, entry), { recursive: true, filter: (from) => !/\.db(-wal|-shm)?$/.test(from) });
      }
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      const casesDir = join(dir, 'content', 'cases');
      const real = readdirSync(casesDir).filter((f) => f.endsWith('.mdx')).length;
      for (let n = 0; n < count - real; n++) writeFileSync(join(casesDir, `gegenereerd-${n}.mdx`), generatedCase(n, 'werkconferentie-werkgevers-en-gemeenten.txt'));
      const result = await build(dir);
      if (result.code !== 0) {
        report.fail(`build met ${count} praktijkvoorbeelden faalde (code ${result.code}): ${result.output.slice(-1500)}`);
        continue;
      }
      const indexed = result.output.match(/(\d+) pagina’s geïndexeerd in (\d+) ms/);
      const pages = indexed ? Number(indexed[1]) : NaN;
      const indexMs = indexed ? Number(indexed[2]) : NaN;
      const index = folderSize(join(dir, 'dist', 'client', 'pagefind'));
      const html = readdirSync(join(dir, 'dist', 'client'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
      measured.push({ count, html, buildMs: result.ms, indexMs, indexBytes: index.bytes });
      rows.push([
        count.toLocaleString('nl-NL'),
        String(html),
        `${(result.ms / 1000).toFixed(0)} s`,
        `${(result.ms / html).toFixed(0)} ms`,
        `${(indexMs / 1000).toFixed(1)} s`,
        `${(indexMs / pages).toFixed(1)} ms`,
        `${size(index.bytes)} (${index.files} bestanden)`,
        size(index.bytes / pages),
      ]);
      console.error(`  build ${count}: ${(result.ms / 1000).toFixed(0)} s, ${html} pagina's`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // What one more case study costs, without the fixed cost of a build.
  if (measured.length >= 2) {
    const [a, b] = [measured[0], measured.at(-1)];
    const extra = b.html - a.html;
    report.line(
      `Elke pagina meer (van ${a.count.toLocaleString('nl-NL')} naar ${b.count.toLocaleString('nl-NL')} praktijkvoorbeelden, ${extra} pagina’s erbij): build ${((b.buildMs - a.buildMs) / extra).toFixed(0)} ms, Pagefind ${((b.indexMs - a.indexMs) / extra).toFixed(1)} ms, index ${size((b.indexBytes - a.indexBytes) / extra)}.`,
    );
  }
  report.table(['praktijkvoorbeelden', 'HTML-pagina’s', 'build (totaal)', 'build per pagina', 'Pagefind-index', 'index per pagina', 'indexgrootte', 'index per pagina'], rows);
}
