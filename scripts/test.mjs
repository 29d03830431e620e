/**
 * `npm test`: builds the site (browser and HTTP tests run against the real built server),
 * runs every Vitest project, and ends with a plain "N passed, N failed" line for CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const report = 'test-results/vitest.json';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium ontbreekt (${chromium}); de browsertests hebben het nodig.\nInstalleer het met: apt-get install -y chromium (of zet CHROMIUM_PATH naar een Chromium).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) {
    console.error('De build is mislukt; de tests zijn niet gestart.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('test-results', { recursive: true });
if (existsSync(report)) rmSync(report);
const extra = process.argv.slice(2).filter((arg) => arg !== '--no-build');
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit', env },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
