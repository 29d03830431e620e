/**
 * Nobody can lock someone else out. Limits count per (account, source IP)
 * together and per IP; a successful e-mail link clears the account's buckets. Brute force
 * from one source stays bounded.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { outbox } from '#db/schema.ts';
import { login } from '#features/accounts/login.ts';
import { changePassword, deleteAccount } from '#features/accounts/profile.ts';
import { requestPasswordReset, resetPassword } from '#features/accounts/recovery.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { register } from '#features/accounts/registration.ts';
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

describe('raden vanaf veel netwerken tegelijk', () => {
  const networks = (n: number) => Array.from({ length: n }, (_, i) => `192.0.2.${i + 1}`);

  test('dertig foute pogingen vanaf dertig netwerken: daarna weigert het account nieuwe apparaten, maar een bekend apparaat van de eigenaar komt erin', async () => {
    const user = await registeredUser(t);
    const now = Date.now();
    // The owner logged in here before: this browser carries the known-device mark.
    const first = await login(t.deps({ now, ip: owner }), { email: user.email, password: strongPassword });
    if (!first.ok) throw new Error('eerste login mislukte');
    for (const ip of networks(30)) expect(await login(t.deps({ now, ip }), { email: user.email, password: wrong })).toEqual({ ok: false, reason: 'invalid' });
    // A 31st network: the account's own limit stops it, even with the right password.
    expect(await login(t.deps({ now, ip: '192.0.2.200' }), { email: user.email, password: strongPassword })).toMatchObject({ ok: false, reason: 'rate-limited' });
    // The owner's known browser, from yet another network, passes.
    expect((await login(t.deps({ now, ip: '198.51.100.99' }), { email: user.email, password: strongPassword, knownDevice: first.deviceMark })).ok).toBe(true);
    // A made-up or another account's mark does not.
    expect(await login(t.deps({ now, ip: '192.0.2.201' }), { email: user.email, password: strongPassword, knownDevice: 'a'.repeat(64) })).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  test('op een nieuw apparaat helpt een herstellink: die heft ook de limiet van het account op', async () => {
    const user = await registeredUser(t);
    const now = Date.now();
    for (const ip of networks(30)) await login(t.deps({ now, ip }), { email: user.email, password: wrong });
    expect(await login(t.deps({ now, ip: owner }), { email: user.email, password: strongPassword })).toMatchObject({ ok: false, reason: 'rate-limited' });
    await requestPasswordReset(t.deps({ now, ip: owner }), { email: user.email });
    const { token } = await lastMailTo(t, user.email);
    expect(await resetPassword(t.deps({ now, ip: owner }), { token: token!, password: 'een heel ander lang wachtwoord' })).toEqual({ ok: true });
    expect((await login(t.deps({ now, ip: owner }), { email: user.email, password: 'een heel ander lang wachtwoord' })).ok).toBe(true);
  });

  test('een wachtwoordwijziging maakt oude apparaatkenmerken ongeldig', async () => {
    const user = await registeredUser(t);
    const now = Date.now();
    const first = await login(t.deps({ now, ip: owner }), { email: user.email, password: strongPassword });
    if (!first.ok) throw new Error('eerste login mislukte');
    await changePassword(t.deps({ now, ip: owner }), user, { current: strongPassword, next: 'een heel ander lang wachtwoord' });
    for (const ip of networks(30)) await login(t.deps({ now, ip }), { email: user.email, password: wrong });
    expect(await login(t.deps({ now, ip: '198.51.100.99' }), { email: user.email, password: 'een heel ander lang wachtwoord', knownDevice: first.deviceMark })).toMatchObject({
      ok: false,
      reason: 'rate-limited',
    });
  });

  test('IPv6-adressen tellen per /64: vijf adressen uit één netwerk zijn samen vijf pogingen', async () => {
    const user = await registeredUser(t);
    const now = Date.now();
    for (let i = 1; i <= 5; i++) {
      expect(await login(t.deps({ now, ip: `2001:db8:1:2::${i.toString(16)}` }), { email: user.email, password: wrong })).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await login(t.deps({ now, ip: '2001:db8:1:2:ffff::6' }), { email: user.email, password: strongPassword })).toMatchObject({ ok: false, reason: 'rate-limited' });
    // Another /64 is another source.
    expect((await login(t.deps({ now, ip: '2001:db8:1:3::1' }), { email: user.email, password: strongPassword })).ok).toBe(true);
  });
});
