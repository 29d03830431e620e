/**
 * Issue 6, item 6: nobody can lock someone else out. Limits count per (account, source IP)
 * together and per IP; a successful e-mail link clears the account's buckets. Brute force
 * from one source stays bounded.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { outbox } from '../../../db/schema.ts';
import { login } from '../../../src/accounts/login.ts';
import { changePassword, deleteAccount } from '../../../src/accounts/profile.ts';
import { requestPasswordReset, resetPassword } from '../../../src/accounts/recovery.ts';
import { confirmEmail, register } from '../../../src/accounts/registration.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const attacker = '203.0.113.66';
const owner = '198.51.100.20';
const wrong = 'fout wachtwoord!';

async function failFiveTimes(now: number, ip = attacker, email = 'anna@voorbeeld.nl') {
  for (let i = 0; i < 5; i++) expect(await login(t.deps({ now, ip }), { email, password: wrong })).toEqual({ ok: false, reason: 'invalid' });
}

describe('geen lock-out door een vreemde', () => {
  test('vijf foute wachtwoorden vanaf IP A: de eigenaar logt vanaf IP B gewoon in', async () => {
    await registeredUser(t);
    const now = Date.now();
    await failFiveTimes(now);
    expect((await login(t.deps({ now, ip: owner }), { email: 'anna@voorbeeld.nl', password: strongPassword })).ok).toBe(true);
    // And keeps doing so while the stranger tries once a minute.
    for (let minute = 1; minute <= 3; minute++) {
      await login(t.deps({ now: now + minute * 60_000, ip: attacker }), { email: 'anna@voorbeeld.nl', password: wrong });
      expect((await login(t.deps({ now: now + minute * 60_000, ip: owner }), { email: 'anna@voorbeeld.nl', password: strongPassword })).ok).toBe(true);
    }
  });

  test('raden vanaf één IP blijft begrensd: na 5 pogingen een pauze, ook met het goede wachtwoord; één poging per minuut erbij', async () => {
    await registeredUser(t);
    const now = Date.now();
    await failFiveTimes(now);
    expect(await login(t.deps({ now, ip: attacker }), { email: 'anna@voorbeeld.nl', password: strongPassword })).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(await login(t.deps({ now: now + 30_000, ip: attacker }), { email: 'anna@voorbeeld.nl', password: wrong })).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(await login(t.deps({ now: now + 61_000, ip: attacker }), { email: 'anna@voorbeeld.nl', password: wrong })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(t.deps({ now: now + 62_000, ip: attacker }), { email: 'anna@voorbeeld.nl', password: wrong })).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  test('raden over veel accounts vanaf één IP stuit op de grens per IP (30)', async () => {
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 35; i++) results.push(await login(t.deps({ now, ip: attacker }), { email: `persoon${i}@voorbeeld.nl`, password: wrong }));
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(5);
  });

  test('drie of meer herstelverzoeken vanaf A blokkeren het herstel van de eigenaar vanaf B niet', async () => {
    await registeredUser(t);
    const now = Date.now();
    for (let i = 0; i < 3; i++) expect(await requestPasswordReset(t.deps({ now, ip: attacker }), { email: 'anna@voorbeeld.nl' })).toEqual({ ok: true });
    expect(await requestPasswordReset(t.deps({ now, ip: attacker }), { email: 'anna@voorbeeld.nl' })).toMatchObject({ ok: false, reason: 'rate-limited' });
    const before = await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'anna@voorbeeld.nl'));
    expect(await requestPasswordReset(t.deps({ now: now + 1000, ip: owner }), { email: 'anna@voorbeeld.nl' })).toEqual({ ok: true });
    const after = await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'anna@voorbeeld.nl'));
    expect(after.length).toBe(before.length + 1);
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(await resetPassword(t.deps({ now: now + 2000, ip: owner }), { token: token!, password: 'een nieuwe lange zin' })).toEqual({ ok: true });
  });

  test('een brievenbus krijgt vanaf één IP niet meer dan de grens per IP aan herstelmails', async () => {
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await requestPasswordReset(t.deps({ now, ip: attacker }), { email: `iemand${i}@voorbeeld.nl` }));
    expect(results.filter((r) => !r.ok)).toHaveLength(2);
  });

  test('een geslaagde herstellink heft een blokkade op', async () => {
    await registeredUser(t);
    const now = Date.now();
    await failFiveTimes(now, owner); // the owner forgot the password, or shares an IP with the guesser
    expect(await login(t.deps({ now, ip: owner }), { email: 'anna@voorbeeld.nl', password: strongPassword })).toMatchObject({ reason: 'rate-limited' });
    await requestPasswordReset(t.deps({ now, ip: owner }), { email: 'anna@voorbeeld.nl' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(await resetPassword(t.deps({ now, ip: owner }), { token: token!, password: 'een nieuwe lange zin' })).toEqual({ ok: true });
    expect((await login(t.deps({ now, ip: owner }), { email: 'anna@voorbeeld.nl', password: 'een nieuwe lange zin' })).ok).toBe(true);
  });

  test('een geslaagde bevestigingslink heft een blokkade op', async () => {
    const now = Date.now();
    await register(t.deps({ now }), { name: 'Anna de Vries', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    await failFiveTimes(now, owner);
    expect(await login(t.deps({ now, ip: owner }), { email: 'anna@voorbeeld.nl', password: strongPassword })).toMatchObject({ reason: 'rate-limited' });
    expect(await confirmEmail(t.deps({ now, ip: owner }), (await lastMailTo(t, 'anna@voorbeeld.nl')).token!)).toEqual({ ok: true });
    expect((await login(t.deps({ now, ip: owner }), { email: 'anna@voorbeeld.nl', password: strongPassword })).ok).toBe(true);
  });

  test('de wachtwoordcontrole bij accountacties telt per account én IP', async () => {
    const user = await registeredUser(t);
    const now = Date.now();
    for (let i = 0; i < 5; i++) {
      expect(await changePassword(t.deps({ now, ip: attacker }), user, { current: wrong, next: 'een nieuwe lange zin' })).toEqual({ ok: false, reason: 'wrong-password' });
    }
    expect(await changePassword(t.deps({ now, ip: attacker }), user, { current: strongPassword, next: 'een nieuwe lange zin' })).toMatchObject({ reason: 'rate-limited' });
    expect(await deleteAccount(t.deps({ now, ip: owner }), user, { password: strongPassword })).toEqual({ ok: true });
  });
});
