/**
 * Praktijkplein's database schema (drizzle-orm 0.45, SQLite dialect). Issue #3 adds the
 * account tables here; `npm run db:generate` then writes the migration into db/migrations.
 * The content half of the site (issue #2) keeps everything in content/, not here.
 */
export {};
