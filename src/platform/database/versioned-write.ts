/**
 * Optimistic concurrency for rows with a `version` column: a use case reads the row, decides,
 * and writes only if nobody wrote it in between. Two ways, both inside one db.batch:
 * - nextVersion in the row's own UPDATE makes a stale write fail the whole batch;
 * - rowIsAt guards the batch's side effects (audit entry, mail, facet rows), so they are
 *   written only while the row is still at the version (and status) that was read.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '#db/client.ts';
import { databaseErrorText } from './errors.ts';

type Statement = BatchItem<'sqlite'>;

/**
 * SQL: the row with this id still exists at this version (and status, when given). The table
 * needs `id`, `version` and (for the status) `status` columns.
 */
export function rowIsAt(table: SQLiteTable, id: string, version: number, status?: string): SQL {
  return status === undefined
    ? sql`exists (select 1 from ${table} where id = ${id} and version = ${version})`
    : sql`exists (select 1 from ${table} where id = ${id} and version = ${version} and status = ${status})`;
}

/**
 * The version to write when the row is still at `expected`, and NULL otherwise: the column is
 * NOT NULL, so a write based on a stale read fails the whole batch (audit entry and mail
 * included) instead of silently changing nothing while its audit entry and mail go out.
 */
export function nextVersion(column: AnyColumn, expected: number) {
  return sql<number>`case when ${column} = ${expected} then ${expected + 1} else null end`;
}

/** The failure nextVersion causes: someone else wrote the row between our read and our write. */
export function isStaleWrite(error: unknown): boolean {
  return /NOT NULL constraint failed: \w+\.version/i.test(databaseErrorText(error));
}

/**
 * Runs a batch that carries a nextVersion write: true when it was written, false when the row
 * changed since it was read (then nothing of the batch was written).
 */
export async function batchUnlessStale(db: Database, statements: [Statement, ...Statement[]]): Promise<boolean> {
  try {
    await db.batch(statements);
    return true;
  } catch (error) {
    if (isStaleWrite(error)) return false;
    throw error;
  }
}
