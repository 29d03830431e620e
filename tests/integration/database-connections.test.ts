/**
 * The settings openDatabase makes for a database file hold for every statement the client runs,
 * also for statements started at the same moment (concurrent requests). @libsql/client 0.18
 * keeps a pool of connections and opens another one when a statement starts while one is
 * borrowed; a PRAGMA run once applies only to the connection it ran on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '#db/client.ts';

let dir: string;
let handle: DatabaseHandle;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkplein-connections-'));
  handle = await openDatabase({ url: `file:${join(dir, 'app.db')}` });
});
afterEach(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

test('twintig gelijktijdige statements zien allemaal WAL, synchronous NORMAL, busy_timeout 5000 en foreign keys aan', async () => {
  const settings = await Promise.all(
    Array.from({ length: 20 }, () =>
      handle.client.batch(['PRAGMA journal_mode', 'PRAGMA synchronous', 'PRAGMA busy_timeout', 'PRAGMA foreign_keys'], 'read').then((results) => results.map((result) => Object.values(result.rows[0]!)[0])),
    ),
  );
  expect(new Set(settings.map((values) => JSON.stringify(values)))).toEqual(new Set([JSON.stringify(['wal', 1, 5000, 1])]));
});
