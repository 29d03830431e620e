/**
 * Puts the organisations people register with into the database: all municipalities from the
 * CBS list and the employers from content/organisations (verified: the network curated them).
 * Idempotent: existing rows (and a curator's e-mail domain on them) are left alone.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organisations } from '../../db/schema.ts';
import { loadOrganisationRecords } from '../catalog/organisations.ts';

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
  const [{ count }] = await db.all<{ count: number }>(sql`select count(*) as count from organisations where kind in ('municipality', 'employer') and verified_at is not null`);
  if (count >= rows.length) return;
  const chunk = 100;
  const statements = [];
  for (let i = 0; i < rows.length; i += chunk) {
    statements.push(db.insert(organisations).values(rows.slice(i, i + chunk)).onConflictDoNothing());
  }
  await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}
