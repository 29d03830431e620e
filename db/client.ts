/**
 * The one database client of a process. The configuration (src/platform/config.ts, from
 * DATABASE_URL) picks the database: a `file:` path (the default, db/praktijkplein.db, embedded
 * SQLite) or a `libsql://`/`http(s)://` URL with a token for a libSQL server shared by several
 * app instances.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as accountsSchema from './schema.ts';
import * as marketplaceSchema from './marketplace-schema.ts';
import * as publishingSchema from './publishing-schema.ts';
import * as liveSchema from './live-schema.ts';
import * as followUpSchema from './follow-up-schema.ts';
import * as activitiesSchema from './activities-schema.ts';
import * as followsSchema from './follows-schema.ts';
import * as editorSchema from './editor-schema.ts';

/** Every table, from each feature's schema file (drizzle.config.ts reads the same files). */
export const schema = { ...accountsSchema, ...marketplaceSchema, ...publishingSchema, ...liveSchema, ...followUpSchema, ...activitiesSchema, ...followsSchema, ...editorSchema };

/** npm scripts and the server run from the project root; migrations are read from there at run time. */
export const projectRoot = process.cwd();
export const migrationsFolder = join(projectRoot, 'db', 'migrations');

export interface DatabaseConfig {
  url: string;
  authToken?: string;
}

export type Database = LibSQLDatabase<typeof schema>;

export interface DatabaseHandle {
  client: Client;
  db: Database;
  close(): void;
}

/**
 * Opens the database. For a file: the folder is created (libSQL won't), WAL lets readers
 * and one writer work side by side, and the busy timeout makes a second writer wait
 * instead of failing with SQLITE_BUSY.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const isFile = config.url.startsWith('file:');
  if (isFile) {
    const path = resolve(config.url.slice('file:'.length));
    mkdirSync(dirname(path), { recursive: true });
  }
  // One connection for a file: the PRAGMAs below hold per connection, and @libsql/client 0.18
  // otherwise opens more (up to 20) when statements start at the same moment, which ran with
  // SQLite's defaults (synchronous FULL: an fsync per commit). Statements on a file run
  // synchronously anyway, so a second connection never ran anything in parallel.
  const client = createClient({ url: config.url, authToken: config.authToken, timeout: 5000, ...(isFile ? { concurrency: 1 } : {}) });
  if (isFile) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    // In WAL mode NORMAL keeps the database consistent and survives a killed process (the OS
    // still writes what was committed); it only skips an fsync per commit, which stalled logins.
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA foreign_keys = ON');
  }
  return { client, db: drizzle(client, { schema }), close: () => client.close() };
}

/** Applies the committed drizzle-kit migrations; a no-op until the first one exists. */
export async function migrateDatabase(handle: DatabaseHandle, folder = migrationsFolder): Promise<void> {
  if (!existsSync(join(folder, 'meta', '_journal.json'))) return;
  await migrate(handle.db, { migrationsFolder: folder });
}

let shared: Promise<DatabaseHandle> | undefined;

/** The process-wide client (docs/architecture.md: one client per process). */
export function getDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  shared ??= openDatabase(config);
  return shared;
}

