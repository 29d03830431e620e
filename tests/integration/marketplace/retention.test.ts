/** Retention in the marketplace: an offer that waited for an account that never came to be goes with it. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { offers } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { eq } from 'drizzle-orm';
import { runRetention, UNVERIFIED_ACCOUNT_DAYS } from '#features/jobs/retention.ts';
import { registerWithOffer } from '#features/marketplace/offer-with-account.ts';
import { strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { insertPitch, offerForm } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

describe('bewaartermijnen in de pitchmarkt', () => {
  test('een nooit bevestigd account verdwijnt met zijn wachtende aanbod en zijn voorgestelde werkgever', async () => {
    const pitchId = await insertPitch(t.handle.db);
    const registration = { name: 'Fenna Fiets', email: 'fenna@fietsen.nl', password: strongPassword, newEmployerName: 'Fietsen Fenna' };
    expect(await registerWithOffer(t.deps({ ip: '203.0.113.9' }), pitchId, registration, offerForm())).toEqual({ ok: true });
    const [offer] = await t.handle.db.select().from(offers);
    expect(offer!.status).toBe('waiting-for-verification');

    await runRetention(t.handle.db, Date.now() + (UNVERIFIED_ACCOUNT_DAYS + 1) * 24 * 60 * 60 * 1000);
    expect(await t.handle.db.select().from(offers)).toEqual([]);
    expect(await t.handle.db.select().from(organisations).where(eq(organisations.id, offer!.employerId))).toEqual([]);
  });
});
