/** Applies the database migrations to DATABASE_URL (default: db/praktijkplein.db). */
import { openDatabase, migrateDatabase } from '#db/client.ts';
import { configOrExit } from '#platform/config.ts';

const config = configOrExit().database;
const handle = await openDatabase(config);
try {
  await migrateDatabase(handle);
  console.log(`Database bijgewerkt: ${config.url.replace(/\/\/.*@/, '//***@')}`);
} finally {
  handle.close();
}
