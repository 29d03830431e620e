/**
 * `npm run db:check -- <file>`: is this database file sound? Runs `PRAGMA integrity_check` and
 * counts the applied migrations, without changing anything: the step before restoring a backup
 * (docs/operations.md, "Backup and restore"). Exits 1 when the file is missing or damaged.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@libsql/client';

export type FileCheck = { ok: true; migrations: number } | { ok: false; problem: string };

/** integrity_check and the number of applied migrations of one database file (only read). */
export async function checkDatabaseFile(path: string): Promise<FileCheck> {
  // Checked first, because opening a missing file would create an empty database.
  if (!existsSync(path)) return { ok: false, problem: `${path} bestaat niet` };
  const client = createClient({ url: `file:${path}` });
  try {
    const result = await client.execute('PRAGMA integrity_check');
    const lines = result.rows.map((row) => String(row[0]));
    if (lines.join() !== 'ok') return { ok: false, problem: `integrity_check: ${lines.slice(0, 5).join('; ')}` };
    const table = await client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
    const migrations = table.rows.length ? Number((await client.execute('select count(*) from __drizzle_migrations')).rows[0]![0]) : 0;
    return { ok: true, migrations };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  } finally {
    client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file) {
    console.error('Gebruik: npm run db:check -- <databasebestand>');
    process.exit(1);
  }
  const check = await checkDatabaseFile(resolve(file));
  if (!check.ok) {
    console.error(`Niet in orde: ${check.problem}`);
    process.exit(1);
  }
  console.log(`In orde: integrity_check ok, ${check.migrations} migraties toegepast.`);
}
