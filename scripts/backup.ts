/**
 * `npm run db:backup [-- target]`: a consistent copy of the embedded database while the server
 * runs. SQLite's `VACUUM INTO` reads the database inside one read transaction,
 * so the copy is the database as it was at one moment, even while other processes write (WAL
 * lets them go on). The copy is one self-contained file (no -wal beside it), checked with
 * `PRAGMA integrity_check` before the script says it is done.
 *
 * Without a target the copy goes to db/backups/praktijkplein-<UTC time>.db (db/backups/ is
 * ignored by git). An existing file is never overwritten. A libSQL server (sqld) or Turso is
 * backed up with its own tools; see docs/operations.md, "Backup and restore".
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { projectRoot } from '#db/client.ts';
import { configOrExit } from '#platform/config.ts';
import { checkDatabaseFile } from './db-check.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { url } = configOrExit().database;
if (!url.startsWith('file:')) {
  fail('db:backup kopieert een databasebestand (DATABASE_URL=file:…). Een libSQL-server (sqld) of Turso maak je met hun eigen back-up; zie "Backup and restore" in docs/operations.md.');
}
const source = resolve(url.slice('file:'.length));
if (!existsSync(source)) fail(`Er is geen database om te kopiëren: ${source} bestaat niet.`);

const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
const target = resolve(process.argv[2] ?? join(projectRoot, 'db', 'backups', `praktijkplein-${stamp}.db`));
if (existsSync(target)) fail(`${target} bestaat al: een back-up overschrijft nooit een bestand. Kies een andere naam.`);
mkdirSync(dirname(target), { recursive: true });

const client = createClient({ url: `file:${source}` });
try {
  // Wait for a writer that holds the lock instead of failing at once.
  await client.execute('PRAGMA busy_timeout = 10000');
  await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
} catch (error) {
  fail(`De back-up is mislukt: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  client.close();
}

const check = await checkDatabaseFile(target);
if (!check.ok) fail(`De back-up ${target} is gemaakt maar klopt niet: ${check.problem}. Gebruik hem niet.`);
const shown = relative(process.cwd(), target).startsWith('..') ? target : relative(process.cwd(), target);
console.log(`Back-up gemaakt: ${shown} (${(statSync(target).size / 1024 / 1024).toFixed(1)} MB; integrity_check: ok; ${check.migrations} migraties).`);
