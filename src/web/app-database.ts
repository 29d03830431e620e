/**
 * The app's database, ready to use: the process's one client, migrated, with reference data.
 * Jobs that run against it (retention, mail delivery) live in src/features/jobs/.
 *
 * server.mjs (from source) and the built app (its bundled copy of this module) share the one
 * client through a slot on globalThis: server.mjs opens it at start, checks it for /readyz and
 * closes it on SIGTERM (./lifecycle.ts); the app's requests use the same client.
 */
import { getDatabase, migrateDatabase, type Database, type DatabaseHandle } from '#db/client.ts';
import { config } from '#platform/config.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { closeOnShutdown } from '#platform/lifecycle.ts';

interface Slot {
  /** The open client (opened once per process, closed on shutdown). */
  handle?: Promise<DatabaseHandle>;
  /** Migrated and with reference data; reset after a failure so the next request tries again. */
  ready?: Promise<Database>;
}

const KEY = Symbol.for('praktijkplein.app-database');

function slot(): Slot {
  const holder = globalThis as typeof globalThis & { [KEY]?: Slot };
  holder[KEY] ??= {};
  return holder[KEY];
}

/** The process's open database client, without waiting for migrations (for /readyz). */
export function appDatabaseHandle(): Promise<DatabaseHandle> {
  const current = slot();
  current.handle ??= getDatabase(config().database).then(
    (handle) => {
      closeOnShutdown(async () => {
        try {
          // Fold the write-ahead log into the database file first, so a stopped instance leaves
          // one complete file (to copy, or to open elsewhere). Another process reading may keep
          // it from finishing: then the log simply stays, which is safe.
          if (config().database.url.startsWith('file:')) await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
        } finally {
          handle.close();
        }
      });
      return handle;
    },
    (error) => {
      current.handle = undefined;
      throw error;
    },
  );
  return current.handle;
}

/** The migrated database of this process; a failed start is retried by the next request. */
export function appDatabase(): Promise<Database> {
  const current = slot();
  current.ready ??= (async () => {
    const handle = await appDatabaseHandle();
    await migrateDatabase(handle);
    await ensureReferenceData(handle.db);
    return handle.db;
  })().catch((error) => {
    current.ready = undefined;
    throw error;
  });
  return current.ready;
}
