import { defineConfig } from 'drizzle-kit';
import { buildTimeConfig } from './src/platform/config.ts';

// drizzle-kit 0.31 layout (not v1's): SQL files plus meta/_journal.json in db/migrations.
// The database comes from the app's one configuration (DATABASE_URL, same default).
const { database } = buildTimeConfig();

export default defineConfig({
  dialect: 'turso',
  // Every feature's tables are in a file of their own: db/schema.ts and db/*-schema.ts.
  schema: ['./db/schema.ts', './db/*-schema.ts'],
  out: './db/migrations',
  dbCredentials: { url: database.url, authToken: database.authToken },
});
