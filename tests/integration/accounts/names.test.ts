/**
 * Registering with a name that carries its own paragraph, control or bidi
 * characters is refused by the domain itself (the form is not the only caller): nothing is
 * stored and no e-mail goes out.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { organisations, outbox, users } from '#db/schema.ts';
import { register } from '#features/accounts/registration.ts';
import { strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const hostile = [
  'Anna\n\nKlik hier: https://evil.example',
  'Anna\r\nBcc: iedereen@voorbeeld.nl',
  'Anna\u2028Klik hier',
  'Anna\u0000',
  'Anna \u202Eknil',
  'An\u200Bna',
  'Anna https://evil.example',
];

describe('registreren met een naam die meer is dan één regel tekst', () => {
  test.each(hostile)('naam %j: melding bij het veld, niets opgeslagen, geen e-mail', async (name) => {
    const organisationsBefore = (await t.handle.db.select().from(organisations)).length;
    const result = await register(t.deps(), { name, email: 'slachtoffer@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fields: { name: expect.any(String) } });
    expect(await t.handle.db.select().from(users)).toHaveLength(0);
    expect(await t.handle.db.select().from(outbox)).toHaveLength(0);
    expect(await t.handle.db.select().from(organisations)).toHaveLength(organisationsBefore);
  });

  test.each(hostile)('nieuwe werkgever %j: melding bij het veld, niets opgeslagen, geen e-mail', async (newEmployerName) => {
    const organisationsBefore = (await t.handle.db.select().from(organisations)).length;
    const result = await register(t.deps(), { name: 'Bas', email: 'bas@voorbeeld.nl', password: strongPassword, kind: 'employer', newEmployerName });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', fields: { newEmployerName: expect.any(String) } });
    expect(await t.handle.db.select().from(users)).toHaveLength(0);
    expect(await t.handle.db.select().from(outbox)).toHaveLength(0);
    expect(await t.handle.db.select().from(organisations)).toHaveLength(organisationsBefore);
  });
});
