/**
 * Writes to a pitch that happen all together or not at all, in one db.batch (one transaction):
 * every side effect (facet rows, audit entry, e-mail) is written only while the pitch is still
 * at the version and status the use case loaded, and the pitch's own UPDATE comes last in the
 * batch, guarded the same way. So a stale edit or a second click changes nothing at all, and
 * no mail goes out for a change that did not happen (stale edit, double submit).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { newId } from '#platform/auth/crypto.ts';
import type { PitchStatus } from '#domain/pitch-lifecycle.ts';
import type { MailMessage } from '#platform/mail/outbox.ts';
import type { PitchFacetKind } from '#db/marketplace-schema.ts';

/** SQL: the pitch still exists at this version (and status, when given). */
export function pitchIsAt(id: string, version: number, status?: PitchStatus): SQL {
  return status === undefined
    ? sql`exists (select 1 from pitches where id = ${id} and version = ${version})`
    : sql`exists (select 1 from pitches where id = ${id} and version = ${version} and status = ${status})`;
}

/** SQL: a pitch with this id exists (for the statements after a conditional insert). */
export function pitchExists(id: string): SQL {
  return sql`exists (select 1 from pitches where id = ${id})`;
}

/** A message for the outbox, queued only when `condition` holds as the statement runs. */
export function enqueueMailIf(db: Database, message: MailMessage, condition: SQL, now: number) {
  return db.run(sql`insert into outbox (id, user_id, to_address, subject, body, created_at, status, next_attempt_at, expires_at)
    select ${message.id ?? newId()}, ${message.userId ?? null}, ${message.to}, ${message.subject}, ${message.body}, ${now}, 'queued', ${now}, ${message.expiresAt ?? null}
    where ${condition}`);
}

/** The facet rows of a pitch: target groups, sectors and kinds of help asked. */
export interface PitchFacetValues {
  targetGroups: readonly string[];
  sectors: readonly string[];
  helpKinds: readonly string[];
}

/** Statements that replace a pitch's facet rows, when `condition` holds (one delete, one insert). */
export function replaceFacetsIf(db: Database, pitchId: string, facets: PitchFacetValues, condition: SQL): BatchItem<'sqlite'>[] {
  const pairs: [PitchFacetKind, string][] = [
    ...facets.targetGroups.map((value): [PitchFacetKind, string] => ['target-group', value]),
    ...facets.sectors.map((value): [PitchFacetKind, string] => ['sector', value]),
    ...facets.helpKinds.map((value): [PitchFacetKind, string] => ['help-kind', value]),
  ];
  return [
    db.run(sql`delete from pitch_facets where pitch_id = ${pitchId} and ${condition}`),
    db.run(sql`insert into pitch_facets (pitch_id, facet, value)
      select ${pitchId}, json_extract(value, '$[0]'), json_extract(value, '$[1]') from json_each(${JSON.stringify(pairs)})
      where ${condition}`),
  ];
}
