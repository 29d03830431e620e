/**
 * The app's database, ready to use: the process's one client, migrated, with reference data.
 * Also runs housekeeping (retention, mail delivery) at most every few minutes, driven by
 * requests, so no timer or second client is needed in the process.
 */
import { getDatabase, migrateDatabase, type Database } from '../../db/client.ts';
import { config } from './config.ts';
import { ensureReferenceData } from '../accounts/reference-data.ts';
import { runRetention } from '../accounts/retention.ts';
import { deliverPendingMail } from '../mail/outbox.ts';

let ready: Promise<Database> | undefined;

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

const HOUSEKEEPING_INTERVAL_MS = 5 * 60 * 1000;
let lastHousekeeping = 0;

/** Fire and forget: never delays or fails the request that triggers it. */
export function housekeeping(db: Database, now = Date.now()): void {
  if (now - lastHousekeeping < HOUSEKEEPING_INTERVAL_MS) return;
  lastHousekeeping = now;
  runRetention(db, now)
    .then(() => deliverPendingMail(db))
    .catch((error) => console.error('Onderhoud mislukt:', error));
}

/** Sends mail that a request just queued, without making the person wait for it. */
export function sendQueuedMail(db: Database): void {
  deliverPendingMail(db).catch((error) => console.error('E-mail versturen mislukt:', error));
}
