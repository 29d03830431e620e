import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { rateLimits, sessions } from '#db/schema.ts';
import { login } from '#features/accounts/login.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { createSession, INACTIVITY_MS, MAX_AGE_MS, validateSessionToken } from '#platform/auth/session.ts';
import { registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

describe('sessies', () => {
  test('de database bewaart alleen de hash van het geheim, niet het token', async () => {
    const user = await registeredUser(t);
    const { token } = await createSession(t.handle.db, user.id);
    const [id, secret] = token.split('.');
    expect(secret!.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const [row] = await t.handle.db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((await validateSessionToken(t.handle.db, token))?.user.id).toBe(user.id);
  });

  test.each([
    ['een ander geheim bij een bestaand id', (token: string) => `${token.split('.')[0]}.${'B'.repeat(43)}`],
    ['een afgekapt token', (token: string) => token.slice(0, -3)],
    ['een zelfverzonnen token', () => `${'a'.repeat(22)}.${'b'.repeat(43)}`],
    ['rommel', () => "' OR 1=1 --"],
  ])('%s wordt geweigerd', async (_name, tamper) => {
    const user = await registeredUser(t);
    const { token } = await createSession(t.handle.db, user.id);
    expect(await validateSessionToken(t.handle.db, tamper(token))).toBeNull();
  });

  test('verloopt na de inactiviteitstermijn en is dan weg uit de database', async () => {
    const user = await registeredUser(t);
    const start = Date.now();
    const { token, session } = await createSession(t.handle.db, user.id, start);
    expect(await validateSessionToken(t.handle.db, token, start + INACTIVITY_MS - 1000)).not.toBeNull();
    expect(await validateSessionToken(t.handle.db, token, start + 2 * INACTIVITY_MS)).toBeNull();
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
  });

  test('gebruik verlengt de sessie (hoogstens eens per uur geschreven), maar nooit voorbij de maximale duur', async () => {
    const user = await registeredUser(t);
    const start = Date.now();
    const { token, session } = await createSession(t.handle.db, user.id, start);
    await validateSessionToken(t.handle.db, token, start + 30 * 60 * 1000);
    let [row] = await t.handle.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row!.lastVerifiedAt).toBe(start);
    await validateSessionToken(t.handle.db, token, start + 2 * 60 * 60 * 1000);
    [row] = await t.handle.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row!.lastVerifiedAt).toBe(start + 2 * 60 * 60 * 1000);
    let now = start;
    while (now < start + MAX_AGE_MS - INACTIVITY_MS) {
      now += INACTIVITY_MS / 2;
      expect(await validateSessionToken(t.handle.db, token, now)).not.toBeNull();
    }
    expect(await validateSessionToken(t.handle.db, token, start + MAX_AGE_MS)).toBeNull();
  });
});

describe('inloggen', () => {
  test('goed wachtwoord geeft een nieuwe sessie; fout wachtwoord en onbekend adres geven hetzelfde antwoord', async () => {
    await registeredUser(t);
    const ok = await login(t.deps(), { email: 'ANNA@voorbeeld.nl', password: strongPassword });
    expect(ok.ok).toBe(true);
    expect(await login(t.deps(), { email: 'anna@voorbeeld.nl', password: 'fout wachtwoord!' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(t.deps(), { email: 'niemand@voorbeeld.nl', password: 'fout wachtwoord!' })).toEqual({ ok: false, reason: 'invalid' });
  });

  test('elke login maakt een nieuwe sessie: een vooraf geplant token wordt nooit geldig', async () => {
    const user = await registeredUser(t);
    const planted = `${'p'.repeat(22)}.${'q'.repeat(43)}`;
    const result = await login(t.deps(), { email: 'anna@voorbeeld.nl', password: strongPassword });
    expect(result.ok && result.token).not.toBe(planted);
    expect(await validateSessionToken(t.handle.db, planted)).toBeNull();
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  test('na 5 foute pogingen per account komt een pauze, ook voor een adres zonder account; daarna herstelt het', async () => {
    await registeredUser(t);
    const now = Date.now();
    for (const email of ['anna@voorbeeld.nl', 'niemand@voorbeeld.nl']) {
      for (let i = 0; i < 5; i++) {
        expect((await login(t.deps({ now }), { email, password: 'fout wachtwoord!' })).ok).toBe(false);
      }
      const blocked = await login(t.deps({ now }), { email, password: strongPassword });
      expect(blocked).toMatchObject({ ok: false, reason: 'rate-limited' });
    }
    // One token back after a minute: the right password works again.
    expect((await login(t.deps({ now: now + 61_000 }), { email: 'anna@voorbeeld.nl', password: strongPassword })).ok).toBe(true);
  });

  test('per IP-adres geldt een eigen, ruimere grens', async () => {
    const now = Date.now();
    let limited = 0;
    for (let i = 0; i < 35; i++) {
      const result = await login(t.deps({ now, ip: '198.51.100.7' }), { email: `persoon${i}@voorbeeld.nl`, password: 'fout wachtwoord!' });
      if (!result.ok && result.reason === 'rate-limited') limited++;
    }
    expect(limited).toBe(5);
  });
});

describe('rate limits', () => {
  test('gelijktijdige pogingen nemen nooit meer tokens dan er zijn', async () => {
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 12 }, () => consume(t.handle.db, 'loginAccountIp', ['x@voorbeeld.nl', '192.0.2.1'], now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.find((r) => !r.allowed)!.retryAfterMs).toBeGreaterThan(0);
  });

  test('de tabel bevat geen e-mailadressen of IP-adressen, alleen hashes', async () => {
    await consume(t.handle.db, 'loginAccountIp', ['anna@voorbeeld.nl', '192.0.2.1']);
    await consume(t.handle.db, 'loginIp', '192.0.2.1');
    const keys = (await t.handle.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys.join(' ')).not.toMatch(/anna|192\.0/);
  });
});

describe('geslaagde logins', () => {
  test('tellen niet mee voor de grens per account: tien keer inloggen na elkaar lukt', async () => {
    await registeredUser(t);
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      expect((await login(t.deps({ now, ip: `192.0.2.${i + 10}` }), { email: 'anna@voorbeeld.nl', password: strongPassword })).ok).toBe(true);
    }
  });
});
