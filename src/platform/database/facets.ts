/**
 * Facet rows (kind, value) that belong to one record, such as a pitch's target groups or an
 * activity's audiences: replaced as a whole, inside the batch of the change that sets them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';

/** Where a record's facets are stored: the table and the column that points at the record. */
export interface FacetTable {
  table: string;
  ownerColumn: string;
}

/**
 * Statements that replace the facet rows of one record when `condition` (an SQL boolean, e.g.
 * rowIsAt) holds as they run: one delete, one insert of all pairs.
 */
export function replaceFacetsIf(db: Database, where: FacetTable, ownerId: string, pairs: readonly (readonly [kind: string, value: string])[], condition: SQL): BatchItem<'sqlite'>[] {
  const table = sql.identifier(where.table);
  const owner = sql.identifier(where.ownerColumn);
  return [
    db.run(sql`delete from ${table} where ${owner} = ${ownerId} and ${condition}`),
    db.run(sql`insert into ${table} (${owner}, facet, value)
      select ${ownerId}, json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${JSON.stringify(pairs)})
      where ${condition}`),
  ];
}
