/**
 * The app's database, ready to use: the process's one client, migrated, with reference data.
 * Jobs that run against it (retention, mail delivery) live in src/jobs/.
 */
import { getDatabase, migrateDatabase, type Database } from '../../db/client.ts';
import { config } from './config.ts';
import { ensureReferenceData } from '../accounts/reference-data.ts';

let ready: Promise<Database> | undefined;

/** The migrated database of this process; a failed start is retried by the next request. */
export function appDatabase(): Promise<Database> {
  ready ??= (async () => {
    const handle = await getDatabase(config().database);
    await migrateDatabase(handle);
    await ensureReferenceData(handle.db);
    return handle.db;
  })().catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
