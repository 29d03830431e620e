/**
 * `npm test`: the static checks (lint, types, dependency rules, copies), the build (browser and
 * HTTP tests run against the real built server) and the Vitest projects (browser tests in one
 * process, unit and integration tests in another); ends with a plain "N passed, N failed" line
 * for CI. A failed check or build stops the run before the browser tests.
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

const checking = !process.argv.includes('--no-checks');
const building = !process.argv.includes('--no-build');
mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2).filter((arg) => !ownFlags.includes(arg));

if (extra.length > 0) {
  // With Vitest arguments: the checks and the build as asked, then one Vitest run with exactly those.
  if (checking) await failOnChecks(runChecks(), []);
  if (building) await build();
  finish([await runVitest({ name: 'vitest', args: extra, stream: true }).result]);
}

// Without arguments, the whole suite with both cores busy from start to end. The unit and
// integration tests need neither the checks nor the build, so they start at once and run beside
// everything else. The checks run two at a time; the build follows the two type checks (they read
// the types Astro generates in .astro/, which the build writes again) while the short checks
// finish. The browser tests need the build and start when it and every check have passed; they
// run one file more at a time than there are cores (each worker with its own server): a browser
// test waits for its server, Chromium and mail a good part of the time, and with one worker per
// core the machine stood a tenth idle once the unit tests were done.
const unitRun = runVitest({ name: 'unit-integration', args: ['--project', 'unit', '--project', 'integration', '--project', 'integration-mocks'], stream: false });
const checks = checking ? runChecks() : { failed: Promise.resolve([]), typesDone: Promise.resolve(), failedSoFar: () => [] };
if (building) {
  await checks.typesDone;
  // A check that already failed stops the run below; building for it would be wasted.
  if (checks.failedSoFar().length === 0) await build({ beforeStop: () => unitRun.kill() });
}
await failOnChecks(checks, [unitRun]);
const e2eRun = runVitest({ name: 'e2e', args: ['--project', 'e2e', '--maxWorkers', String(availableParallelism() + 1)], stream: true });
finish(await Promise.all([e2eRun.result, unitRun.result]));

/** The build (browser and HTTP tests run against the real built server); stops everything if it fails. */
async function build({ beforeStop = () => {} } = {}) {
  const code = await new Promise((resolve) => {
    spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env }).on('close', resolve);
  });
  if (code !== 0) {
    beforeStop();
    stop('De build is mislukt; de browsertests zijn niet gestart.');
  }
}

/** Waits for the checks; when one failed, ends the runs still going and stops with the names. */
async function failOnChecks(checks, runsToEnd) {
  const failedChecks = await checks.failed;
  if (failedChecks.length === 0) return;
  for (const run of runsToEnd) run.kill();
  stop(failedChecks.map((name) => `Controle mislukt: ${name}. Zie de meldingen met: npm run ${name}`).join('\n') + '\nDe browsertests zijn niet gestart.');
}

/** The one-line summary CI reads, and the exit code. */
function finish(results) {
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    passed += result.passed;
    failed += result.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(results.every((r) => r.code === 0) && failed === 0 && passed > 0 ? 0 : 1);
}

/**
 * One Vitest run with its own JSON report: `result` resolves when it ends, `kill()` ends it early.
 * A run that does not stream keeps its output until it ends and then prints it whole, so two runs
 * never interleave their lines.
 */
function runVitest({ name, args, stream }) {
  const report = `test-results/vitest-${name}.json`;
  if (existsSync(report)) rmSync(report);
  const child = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    { env, stdio: ['ignore', stream ? 'inherit' : 'pipe', stream ? 'inherit' : 'pipe'] },
  );
  const result = new Promise((resolve) => {
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
  return { result, kill: () => child.kill('SIGTERM') };
}

/**
 * Runs the package.json check scripts, as many at once as there are cores, longest first so the
 * short ones fill the other core. A check's output is shown only when it fails. Returns `failed`,
 * the names of the checks that failed, `typesDone`, which resolves once the two type checks
 * (the only checks that read .astro/) have ended, and `failedSoFar()`, the names failed until now.
 */
function runChecks() {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
  // Longest first (`typecheck` is check:astro and check:types one after the other; apart, they
  // share the two cores). check:deps is optional so that a checkout without the dependency rules still tests.
  const names = ['check:astro', 'check:types', 'lint', 'check:deps', 'check:dupes'].filter((name) => name in scripts);
  const readTypes = new Set(['check:astro', 'check:types']);
  const queue = [...names];
  const failed = [];
  const started = Date.now();
  console.log(`▶ Controles: ${names.join(', ')}`);
  // tsc reads the types Astro generates in .astro/; `astro check` would write them again while tsc
  // reads them, so they are generated once here and astro check is told not to.
  const sync = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], { env, encoding: 'utf8' });
  if (sync.status !== 0) stop(`astro sync is mislukt:\n${sync.stdout}${sync.stderr}\nDe controles, de build en de tests zijn niet gestart.`);
  const extraArgs = { 'check:astro': ['--noSync'] };
  const typeChecks = [];

  async function worker() {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const begin = Date.now();
      const running = runScript(name, extraArgs[name] ?? []);
      if (readTypes.has(name)) typeChecks.push(running);
      const { code, output } = await running;
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
  const all = Promise.all(Array.from({ length: parallel }, worker)).then(() => {
    console.log(`  controles klaar in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return failed;
  });
  // The type checks are the first two in the queue, so both have started by the time this runs.
  return { failed: all, typesDone: Promise.all(typeChecks).then(() => undefined), failedSoFar: () => [...failed] };
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
