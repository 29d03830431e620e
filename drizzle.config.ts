import { defineConfig } from 'drizzle-kit';

// drizzle-kit 0.31 layout (not v1's): SQL files plus meta/_journal.json in db/migrations.
export default defineConfig({
  dialect: 'turso',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: {
    url: process.env.DATABASE_URL || 'file:db/praktijkplein.db',
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
});
