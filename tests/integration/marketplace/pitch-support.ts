/** Pitch test fixtures: verified municipality members, a valid pitch form, reading audit and search rows. */
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, users } from '#db/schema.ts';
import { pitchFacets } from '#db/marketplace-schema.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { actorOf } from '../accounts/actors.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { registeredUser, type TestDb } from '../accounts/helpers.ts';

/** A confirmed member of a municipality whose membership a curator verified. */
export async function pitcher(t: TestDb, email: string, organisationId = 'zaanstad', kind: 'municipality' | 'employer' = 'municipality') {
  const user = await registeredUser(t, email, { organisationId, kind });
  await t.handle.db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.id, user.id));
  return actorOf(t, email);
}

/** A curator of the network (a verified member of Utrecht, so no colleague of the Zaanstad authors). */
export async function moderator(t: TestDb, email = 'curator@netwerk.nl') {
  await pitcher(t, email, 'utrecht');
  await assignRole(t.deps(), 'cli', email, 'curator');
  return actorOf(t, email);
}

/** The day `days` from today in Europe/Amsterdam. */
export function dayFromNow(days: number): string {
  return amsterdamDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

/** A valid pitch form for a municipality, with overrides. */
export function pitchForm(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Poelenbrug aan het werk',
    municipality: 'zaanstad',
    area: 'Poelenbrug',
    challenge: 'In de Poelenbrug wonen veel mensen die graag willen werken maar geen baan vinden. Wie biedt?',
    ask: 'Banen en werkervaringsplaatsen met **begeleiding**.',
    helpKinds: ['banen', 'werkervaringsplaatsen'],
    targetGroups: ['bijstand', 'jongeren'],
    sectors: ['logistiek'],
    peopleSought: '10',
    closingDate: dayFromNow(60),
    contactName: 'Anna de Vries',
    contactRole: 'Wethouder',
    contactEmail: 'anna@zaanstad.nl',
    contactPhone: '075 655 1234',
    ...overrides,
  };
}

/** Audit actions about a pitch, oldest first. */
export async function auditActions(t: TestDb, pitchId: string) {
  const rows = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'pitch'), eq(auditLog.subjectId, pitchId))).orderBy(auditLog.createdAt);
  return rows;
}

/** Pitch ids whose search row matches an FTS5 query. */
export async function searchIds(t: TestDb, query: string) {
  const rows = await t.handle.db.all<{ id: string }>(sql`select p.id as id from pitches_fts f join pitches p on p.seq = f.rowid where pitches_fts match ${query}`);
  return rows.map((row) => row.id);
}

/** The facet rows of a pitch as "facet:value", sorted. */
export async function facetRows(t: TestDb, pitchId: string) {
  const rows = await t.handle.db.select().from(pitchFacets).where(eq(pitchFacets.pitchId, pitchId));
  return rows.map((row) => `${row.facet}:${row.value}`).sort();
}
