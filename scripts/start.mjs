/**
 * `npm start`: builds the site, prepares the embedded database and starts the server on
 * http://localhost:4321. Child processes use process.execPath, the project's own Node 24.
 */
import { spawnSync } from 'node:child_process';
import { configOrExit } from '#platform/config.ts';

// Check the settings before a two-minute build, not after it.
const settings = configOrExit();

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function run(label, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} is mislukt (code ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

run('Site bouwen', ['node_modules/astro/bin/astro.mjs', 'build']);
run('Database voorbereiden', ['scripts/migrate.ts']);
if (!settings.production) run('Demodata laden', ['scripts/seed.ts']);
console.log('\n▶ Server starten');
await import('../server.mjs');
