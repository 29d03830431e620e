/**
 * Writes to a pitch that happen all together or not at all, in one db.batch (one transaction):
 * every side effect (facet rows, audit entry, e-mail) is written only while the pitch is still
 * at the version and status the use case loaded, and the pitch's own UPDATE comes last in the
 * batch, guarded the same way. So a stale edit or a second click changes nothing at all, and
 * no mail goes out for a change that did not happen (stale edit, double submit).
 * The generic parts live in platform/database (versioned-write.ts, facets.ts) and
 * platform/mail/outbox.ts (enqueueMailIf); this module holds what is particular to pitches.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { pitches, type PitchFacetKind } from '#db/marketplace-schema.ts';
import type { PitchStatus } from '#domain/pitch-lifecycle.ts';
import { replaceFacetsIf } from '#platform/database/facets.ts';
import { rowIsAt } from '#platform/database/versioned-write.ts';

/** SQL: the pitch still exists at this version (and status, when given). */
export function pitchIsAt(id: string, version: number, status?: PitchStatus): SQL {
  return rowIsAt(pitches, id, version, status);
}

/** SQL: a pitch with this id exists (for the statements after a conditional insert). */
export function pitchExists(id: string): SQL {
  return sql`exists (select 1 from pitches where id = ${id})`;
}

/** The facet rows of a pitch: target groups, sectors and kinds of help asked. */
export interface PitchFacetValues {
  targetGroups: readonly string[];
  sectors: readonly string[];
  helpKinds: readonly string[];
}

/** Statements that replace a pitch's facet rows, when `condition` holds (one delete, one insert). */
export function replacePitchFacetsIf(db: Database, pitchId: string, facets: PitchFacetValues, condition: SQL): BatchItem<'sqlite'>[] {
  const pairs: [PitchFacetKind, string][] = [
    ...facets.targetGroups.map((value): [PitchFacetKind, string] => ['target-group', value]),
    ...facets.sectors.map((value): [PitchFacetKind, string] => ['sector', value]),
    ...facets.helpKinds.map((value): [PitchFacetKind, string] => ['help-kind', value]),
  ];
  return replaceFacetsIf(db, { table: 'pitch_facets', ownerColumn: 'pitch_id' }, pitchId, pairs, condition);
}
