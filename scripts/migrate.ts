/** Applies the database migrations to DATABASE_URL (default: db/praktijkplein.db). */
import { openDatabase, migrateDatabase, databaseConfigFromEnv } from '../db/client.ts';

const config = databaseConfigFromEnv();
const handle = await openDatabase(config);
try {
  await migrateDatabase(handle);
  console.log(`Database bijgewerkt: ${config.url.replace(/\/\/.*@/, '//***@')}`);
} finally {
  handle.close();
}
