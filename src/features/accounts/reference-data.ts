/**
 * Puts the organisations people register with into the database: all municipalities from the
 * CBS list and the employers from content/organisations (verified: the network curated them).
 * Runs on every start and upserts by id, so a new employer in the YAML or a renamed
 * municipality reaches the database; what curators set (an e-mail domain, a verification of
 * an organisation proposed by a user) is left alone.
 */
import { sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { organisations } from '#db/schema.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';

const CHUNK = 100;

export async function ensureReferenceData(db: Database, now = Date.now()): Promise<void> {
  const rows = loadOrganisationRecords()
    .filter((record) => record.kind !== 'partner')
    .map((record) => ({
      id: record.id,
      kind: record.kind,
      name: record.name,
      municipalityCode: record.code ?? null,
      verifiedAt: now,
      createdAt: now,
    }));
  const statements: BatchItem<'sqlite'>[] = [];
  // A CBS code is unique: when content moves a code to another id (a municipality renamed with
  // a new slug), the old row lets go of it first, or the upsert below would fail.
  const pairs = rows.filter((row) => row.municipalityCode).map((row) => `${row.municipalityCode}|${row.id}`);
  if (pairs.length > 0) {
    statements.push(
      db.run(sql`update organisations set municipality_code = null
        where municipality_code is not null
          and municipality_code in (select value from json_each(${JSON.stringify(pairs.map((p) => p.split('|')[0]))}))
          and (municipality_code || '|' || id) not in (select value from json_each(${JSON.stringify(pairs)}))`),
    );
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    statements.push(
      db
        .insert(organisations)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: organisations.id,
          set: {
            name: sql`excluded.name`,
            kind: sql`excluded.kind`,
            municipalityCode: sql`excluded.municipality_code`,
            // The network curated what is in content: it counts as verified from now on.
            verifiedAt: sql`coalesce(${organisations.verifiedAt}, excluded.verified_at)`,
          },
          // Skip rows that already match, so a normal start writes nothing.
          setWhere: sql`${organisations.name} is not excluded.name
            or ${organisations.kind} is not excluded.kind
            or ${organisations.municipalityCode} is not excluded.municipality_code
            or ${organisations.verifiedAt} is null`,
        }),
    );
  }
  await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
