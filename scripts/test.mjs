/**
 * `npm test`: the static checks (lint, types, dependency rules, copies), then the build (browser and
 * HTTP tests run against the real built server), then the Vitest projects (browser tests in one
 * process, unit and integration tests in another, side by side); ends with a plain
 * "N passed, N failed" line for CI.
 *
 *   --no-checks  skip the static checks (only the build and the tests)
 *   --no-build   skip the build (use the dist/ there is)
 * Other arguments go to Vitest, e.g. `npm test -- --no-checks --no-build --project unit`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { chromiumPath, FULL_CHROMIUM } from '../tests/e2e/chromium-path.ts';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const ownFlags = ['--no-build', '--no-checks'];

/** Stops before the tests with a reason and the one-line summary CI reads. */
function stop(message) {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const chromium = chromiumPath();
if (!existsSync(chromium)) {
  stop(`Chromium ontbreekt (${chromium}); de browsertests hebben het nodig.\nInstalleer het met: apt-get install -y chromium chromium-headless-shell (of zet CHROMIUM_PATH naar een Chromium).`);
}
if (chromium === FULL_CHROMIUM) {
  console.log('Let op: de browsertests draaien in de volledige Chromium, die twee keer zoveel rekentijd vraagt. Sneller: apt-get install -y chromium-headless-shell');
}

if (!process.argv.includes('--no-checks')) {
  const failedChecks = await runChecks();
  if (failedChecks.length > 0) {
    stop(failedChecks.map((name) => `Controle mislukt: ${name}. Zie de meldingen met: npm run ${name}`).join('\n') + '\nDe build en de tests zijn niet gestart.');
  }
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) stop('De build is mislukt; de tests zijn niet gestart.');
}

mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2).filter((arg) => !ownFlags.includes(arg));
// With no Vitest arguments: the browser tests in one process and the unit and integration tests
// in another, so both cores work; with arguments, one Vitest run with exactly those. The browser
// tests run one file more at a time than there are cores (each worker with its own server): a
// browser test waits for its server, Chromium and mail a good part of the time, and with one
// worker per core the machine stood a tenth idle once the unit tests were done.
const runs = extra.length > 0
  ? [{ name: 'vitest', args: extra, stream: true }]
  : [
      { name: 'e2e', args: ['--project', 'e2e', '--maxWorkers', String(availableParallelism() + 1)], stream: true },
      { name: 'unit-integration', args: ['--project', 'unit', '--project', 'integration', '--project', 'integration-mocks'], stream: false },
    ];
const results = await Promise.all(runs.map(runVitest));

let passed = 0;
let failed = 0;
for (const result of results) {
  passed += result.passed;
  failed += result.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.code === 0) && failed === 0 && passed > 0 ? 0 : 1);

/**
 * One Vitest run with its own JSON report. A run that does not stream keeps its output until it
 * ends and then prints it whole, so two runs never interleave their lines.
 */
function runVitest({ name, args, stream }) {
  const report = `test-results/vitest-${name}.json`;
  if (existsSync(report)) rmSync(report);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
      { env, stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (!stream) process.stdout.write(`\n▶ ${name}\n${output}`);
      let passed = 0;
      let failed = 1;
      if (existsSync(report)) {
        const results = JSON.parse(readFileSync(report, 'utf8'));
        passed = results.numPassedTests;
        failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
      }
      resolve({ code: code ?? 1, passed, failed });
    });
  });
}

/**
 * Runs the package.json check scripts, as many at once as there are cores, longest first so the
 * short ones fill the other core. A check's output is shown only when it fails. Returns the names
 * of the checks that failed.
 */
async function runChecks() {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
  // Longest first (`typecheck` is check:astro and check:types one after the other; apart, they
  // share the two cores). check:deps is optional so that a checkout without the dependency rules still tests.
  const names = ['check:astro', 'check:types', 'lint', 'check:deps', 'check:dupes'].filter((name) => name in scripts);
  const queue = [...names];
  const failed = [];
  const started = Date.now();
  console.log(`▶ Controles: ${names.join(', ')}`);
  // tsc reads the types Astro generates in .astro/; `astro check` would write them again while tsc
  // reads them, so they are generated once here and astro check is told not to.
  const sync = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], { env, encoding: 'utf8' });
  if (sync.status !== 0) stop(`astro sync is mislukt:\n${sync.stdout}${sync.stderr}\nDe controles, de build en de tests zijn niet gestart.`);
  const extraArgs = { 'check:astro': ['--noSync'] };

  async function worker() {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const begin = Date.now();
      const { code, output } = await runScript(name, extraArgs[name] ?? []);
      const seconds = ((Date.now() - begin) / 1000).toFixed(1);
      if (code === 0) {
        console.log(`  ✓ ${name} (${seconds} s)`);
      } else {
        failed.push(name);
        console.log(`  ✗ ${name} (${seconds} s)\n${output.trimEnd()}\n`);
      }
    }
  }
  const parallel = Math.max(1, Math.min(names.length, availableParallelism()));
  await Promise.all(Array.from({ length: parallel }, worker));
  console.log(`  controles klaar in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed;
}

/** `npm run <name> -- <extra>` with its output collected (npm puts node_modules/.bin, and so the project's Node, first on PATH). */
function runScript(name, extra = []) {
  const runArgs = ['run', '--silent', name, ...(extra.length ? ['--', ...extra] : [])];
  // Under `npm test` npm names its own entry point; run it with this Node rather than whatever `npm` is on PATH.
  const [command, args] = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath, ...runArgs]]
    : ['npm', runArgs];
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
