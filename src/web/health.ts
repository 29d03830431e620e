/**
 * Health answers for load balancers and orchestrators, served by server.mjs
 * before Astro sees the request:
 * - `/healthz` (liveness): the process answers. It never touches the database, so a slow or
 *   unreachable database does not get a healthy process restarted.
 * - `/readyz` (readiness): this instance can serve: the database answers and every migration in
 *   db/migrations has been applied to it. Until then it answers 503 with a short reason, and a
 *   load balancer sends its visitors elsewhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { migrationsFolder } from '#db/client.ts';
import { appDatabase, appDatabaseHandle } from './app-database.ts';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** The `when` of each migration in the drizzle-kit journal, as drizzle records it once applied. */
export function journalMigrations(folder = migrationsFolder): number[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  return journal.entries.map((entry) => entry.when);
}

/** The `created_at` of each migration drizzle applied ([] before the first). */
async function appliedMigrations(client: Client): Promise<number[]> {
  const table = await client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'");
  if (table.rows.length === 0) return [];
  const rows = await client.execute('select created_at from __drizzle_migrations');
  return rows.rows.map((row) => Number(row.created_at));
}

/**
 * Whether this instance can serve. Starting the app's database (migrations, reference data) is
 * tried again on every call, so an instance whose start failed becomes ready once the cause is
 * gone, without a restart.
 */
export async function readiness(): Promise<Readiness> {
  let client: Client;
  try {
    client = (await appDatabaseHandle()).client;
    await client.execute('select 1');
  } catch {
    return { ready: false, reason: 'database onbereikbaar / database unreachable' };
  }
  const started = await appDatabase().then(
    () => true,
    () => false,
  );
  try {
    const applied = new Set(await appliedMigrations(client));
    const expected = journalMigrations();
    const missing = expected.filter((when) => !applied.has(when)).length;
    if (missing > 0) {
      return { ready: false, reason: `database niet bijgewerkt: ${missing} van ${expected.length} migraties ontbreken / migrations not applied` };
    }
  } catch {
    return { ready: false, reason: 'database onbereikbaar / database unreachable' };
  }
  if (!started) return { ready: false, reason: 'opstarten mislukt / startup failed' };
  return { ready: true };
}
