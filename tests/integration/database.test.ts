/** The database client against a real libSQL file in a temporary folder. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { migrateDatabase, openDatabase, type DatabaseHandle } from '#db/client.ts';
import { parseConfig } from '#platform/config.ts';

let dir: string | undefined;
let handle: DatabaseHandle | undefined;
afterEach(() => {
  handle?.close();
  handle = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('database', () => {
  test('opent een bestand in een nog niet bestaande map, in WAL-modus met wachttijd', async () => {
    dir = mkdtempSync(join(tmpdir(), 'praktijkplein-db-'));
    const path = join(dir, 'nieuw', 'test.db');
    handle = await openDatabase({ url: `file:${path}` });
    expect(existsSync(path)).toBe(true);
    expect((await handle.client.execute('PRAGMA journal_mode')).rows[0]![0]).toBe('wal');
    expect(Number((await handle.client.execute('PRAGMA busy_timeout')).rows[0]![0])).toBe(5000);
    await migrateDatabase(handle);
  });

  test('DATABASE_URL en DATABASE_AUTH_TOKEN kiezen de database; standaard een bestand onder db/', () => {
    expect(parseConfig({}).database.url).toMatch(/^file:.*db[\\/]praktijkplein\.db$/);
    expect(parseConfig({ DATABASE_URL: 'libsql://voorbeeld.example', DATABASE_AUTH_TOKEN: 'geheim' }).database).toEqual({
      url: 'libsql://voorbeeld.example',
      authToken: 'geheim',
    });
  });
});
