/** Reference data follows the content on every start, without undoing what curators set. */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { organisations } from '#db/schema.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { loadOrganisationRecords } from '#features/catalog/organisations.ts';
import { testDatabase, type TestDb } from './accounts/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const byId = async (id: string) => (await t.handle.db.select().from(organisations).where(eq(organisations.id, id)))[0];

describe('referentiegegevens', () => {
  test('een werkgever die later in de inhoud komt, komt ook in de database, ook als er al meer bevestigde organisaties zijn', async () => {
    const employer = loadOrganisationRecords().find((r) => r.kind === 'employer')!;
    await t.handle.db.delete(organisations).where(eq(organisations.id, employer.id));
    // Curator-verified employers proposed by users: the old count check stopped syncing here.
    const now = Date.now();
    await t.handle.db.insert(organisations).values(
      Array.from({ length: 5 }, (_, i) => ({ id: `voorgesteld-${i}`, kind: 'employer' as const, name: `Voorgesteld ${i}`, verifiedAt: now, createdAt: now })),
    );
    await ensureReferenceData(t.handle.db);
    expect((await byId(employer.id))?.name).toBe(employer.name);
  });

  test('een hernoemde gemeente krijgt haar nieuwe naam; het e-maildomein van de curator blijft', async () => {
    await t.handle.db.update(organisations).set({ name: 'Oude naam', emailDomain: 'zaanstad.nl' }).where(eq(organisations.id, 'zaanstad'));
    await ensureReferenceData(t.handle.db);
    const zaanstad = await byId('zaanstad');
    expect(zaanstad?.name).toBe('Zaanstad');
    expect(zaanstad?.emailDomain).toBe('zaanstad.nl');
  });

  test('een CBS-code die in de inhoud naar een andere id gaat, verhuist mee', async () => {
    const zaanstad = await byId('zaanstad');
    await t.handle.db.update(organisations).set({ id: 'zaanstad-oud' }).where(eq(organisations.id, 'zaanstad'));
    await ensureReferenceData(t.handle.db);
    expect((await byId('zaanstad'))?.municipalityCode).toBe(zaanstad!.municipalityCode);
    expect((await byId('zaanstad-oud'))?.municipalityCode).toBeNull();
  });

  test('een door gebruikers voorgestelde werkgever blijft onbevestigd', async () => {
    const now = Date.now();
    await t.handle.db.insert(organisations).values({ id: 'nieuw-bedrijf-abc123', kind: 'employer', name: 'Nieuw Bedrijf', createdAt: now });
    await ensureReferenceData(t.handle.db);
    expect((await byId('nieuw-bedrijf-abc123'))?.verifiedAt).toBeNull();
  });
});
