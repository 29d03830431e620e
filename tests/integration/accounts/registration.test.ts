import { and, eq } from 'drizzle-orm';
import { checkOneTimeToken, claimToken, tokenStillOpen } from '#platform/auth/one-time-token.ts';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, organisations, users } from '#db/schema.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { register, resendVerification } from '#features/accounts/registration.ts';
import { lastMailTo, meetingPoint, registeredUser, secondInstance, strongPassword, testDatabase, type TestDb } from './helpers.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { outbox } from '#db/schema.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

describe('registreren', () => {
  test('maakt een onbevestigd account en stuurt een bevestigingslink; het wachtwoord staat er alleen als argon2id-hash', async () => {
    const result = await register(t.deps(), { name: 'Anna', email: ' Anna@Voorbeeld.NL ', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    expect(result).toEqual({ ok: true });
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, 'anna@voorbeeld.nl'));
    expect(user!.emailVerifiedAt).toBeNull();
    expect(user!.membershipVerifiedAt).toBeNull();
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const { mail, link } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(mail!.subject).toContain('Bevestig');
    expect(link).toMatch(/^https:\/\/praktijkplein\.test\/account\/bevestigen\/\?token=/);
  });

  test('een bestaand adres krijgt hetzelfde antwoord, en de eigenaar een e-mail in plaats van een tweede account', async () => {
    await registeredUser(t);
    const again = await register(t.deps(), { name: 'Iemand', email: 'anna@voorbeeld.nl', password: 'een ander lang wachtwoord', kind: 'employer', newEmployerName: 'Nep BV' });
    expect(again).toEqual({ ok: true });
    expect(await t.handle.db.select().from(users)).toHaveLength(1);
    expect((await lastMailTo(t, 'anna@voorbeeld.nl')).mail!.subject).toContain('Iemand wilde een account maken');
    // The proposed employer of the refused attempt was not created either.
    expect(await t.handle.db.select().from(organisations).where(eq(organisations.name, 'Nep BV'))).toHaveLength(0);
  });

  test.each([
    ['een veelgebruikt wachtwoord', { password: 'welkom123' }, 'password', /veel|bekend woord/],
    ['een te kort wachtwoord', { password: 'kort' }, 'password', /minstens 8 tekens/],
    ['de eigen naam in het wachtwoord', { password: 'annadevries-2026' }, 'password', /naam of e-mailadres/],
    ['een onbekende gemeente', { organisationId: 'atlantis' }, 'organisationId', /kennen we niet/],
    ['een werkgever als gemeente', { organisationId: 'postnl' }, 'organisationId', /kennen we niet/],
  ])('weigert %s met een Nederlandse melding bij het veld', async (_name, change, field, message) => {
    const result = await register(t.deps(), { name: 'Anna de Vries', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad', ...change });
    expect(result.ok).toBe(false);
    expect((result as { fields: Record<string, string> }).fields[field]).toMatch(message);
    expect(await t.handle.db.select().from(users)).toHaveLength(0);
  });

  describe('de gemeente intypen: naam of plaats', () => {
    const typed = (municipality: string, email = 'anna@voorbeeld.nl') =>
      register(t.deps(), { name: 'Anna de Vries', email, password: strongPassword, kind: 'municipality', municipality });
    const organisationOf = async (email: string) => (await t.handle.db.select().from(users).where(eq(users.email, email)))[0]?.organisationId;

    test.each([
      ['Den Haag', 's-gravenhage'],
      ['den haag', 's-gravenhage'],
      ["'s-Gravenhage", 's-gravenhage'],
      ['s Gravenhage', 's-gravenhage'],
      ['Zaandam', 'zaanstad'],
      ['  Zaanstad ', 'zaanstad'],
      ['Súdwest-Fryslân', 'sudwest-fryslan'],
      ['sudwest fryslan', 'sudwest-fryslan'],
      ['Bergen (NH.)', 'bergen-nh'],
    ])('"%s" registreert bij gemeente %s (dezelfde organisatie-id als voorheen)', async (text, id) => {
      expect(await typed(text)).toEqual({ ok: true });
      expect(await organisationOf('anna@voorbeeld.nl')).toBe(id);
    });

    test('een onbekende naam: een melding bij het veld die de invoer noemt, en geen account', async () => {
      const result = await typed('Atlantis');
      expect(result).toEqual({ ok: false, reason: 'invalid', fields: { organisationId: '"Atlantis" kennen we niet als gemeente of plaats. Controleer de spelling, of typ de naam van uw gemeente.' } });
      expect(await t.handle.db.select().from(users)).toHaveLength(0);
    });

    test('een naam die bij twee gemeenten past: de melding noemt ze allebei', async () => {
      const result = await typed('Bergen');
      expect(result).toMatchObject({ ok: false, fields: { organisationId: expect.stringContaining('Bergen (L.) of Bergen (NH.)') } });
      expect(await t.handle.db.select().from(users)).toHaveLength(0);
    });

    test('niets ingevuld: vraag om de gemeente', async () => {
      expect(await typed('  ')).toMatchObject({ ok: false, fields: { organisationId: expect.stringMatching(/naam van uw gemeente/) } });
    });
  });

  test('een werkgever kan een nieuwe organisatie voorstellen; die blijft onbevestigd tot een curator kijkt', async () => {
    await register(t.deps(), { name: 'Bas', email: 'bas@bakkerij.nl', password: strongPassword, kind: 'employer', newEmployerName: 'Bakkerij Bas' });
    const [org] = await t.handle.db.select().from(organisations).where(eq(organisations.name, 'Bakkerij Bas'));
    expect(org!.kind).toBe('employer');
    expect(org!.verifiedAt).toBeNull();
  });

  test('geen organisatie gekozen en geen nieuwe genoemd: melding bij het veld', async () => {
    const result = await register(t.deps(), { name: 'Bas', email: 'bas@bakkerij.nl', password: strongPassword, kind: 'employer', newEmployerName: '' });
    expect(result).toMatchObject({ ok: false, fields: { newEmployerName: expect.stringMatching(/naam van uw organisatie/) } });
  });

  test('twee instanties registreren hetzelfde adres tegelijk, allebei voorbij de controle: één account, geen fout, de ander krijgt een e-mail', async () => {
    const input = { name: 'Anna', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality' as const, organisationId: 'zaanstad' };
    const other = await secondInstance(t);
    // Both requests meet after hashing, just before "is the address free?": both find it free,
    // and only the unique index decides. Without the meeting one would simply see the other's row.
    const meeting = meetingPoint(2);
    const hashThenMeet = async (password: string) => {
      const hash = await hashPassword(password);
      await meeting.arrive();
      return hash;
    };
    const both = await Promise.all([register(t.deps({ hashPassword: hashThenMeet }), input), register(other.deps({ ip: '192.0.2.2', hashPassword: hashThenMeet }), input)]);
    expect(both).toEqual([{ ok: true }, { ok: true }]);
    other.close();
    expect(await t.handle.db.select().from(users)).toHaveLength(1);
    const mail = await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'anna@voorbeeld.nl'));
    expect(mail.map((m) => m.subject).sort()).toEqual(['Bevestig uw e-mailadres voor Praktijkplein', 'Iemand wilde een account maken met uw e-mailadres']);
  });
});

describe('e-mailadres bevestigen', () => {
  test('de link bevestigt één keer; een tweede keer zegt dat hij gebruikt is', async () => {
    await register(t.deps(), { name: 'Anna', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(await confirmEmail(t.deps(), token!)).toEqual({ ok: true });
    expect(await confirmEmail(t.deps(), token!)).toEqual({ ok: false, reason: 'used' });
    const [user] = await t.handle.db.select().from(users);
    expect(user!.emailVerifiedAt).not.toBeNull();
    const entries = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'account.email-verified'));
    expect(entries).toHaveLength(1);
  });

  test('dezelfde link tegelijk in twee instanties: precies één keer bevestigd', async () => {
    await register(t.deps(), { name: 'Anna', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    const other = await secondInstance(t);
    const results = await Promise.all([confirmEmail(t.deps(), token!), confirmEmail(other.deps(), token!)]);
    other.close();
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'account.email-verified'))).toHaveLength(1);
  });

  test('wie de controle al voorbij was toen een ander de link gebruikte, verandert niets: de batch is bewaakt', async () => {
    await register(t.deps(), { name: 'Anna', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    // The slow request: its check passed while the link was still unused ...
    const slow = await checkOneTimeToken(t.handle.db, token!, 'email-verification');
    expect(slow.ok).toBe(true);
    // ... then the fast one uses the link ...
    expect(await confirmEmail(t.deps(), token!)).toEqual({ ok: true });
    // ... and the slow one's writes, guarded as confirmEmail guards them, apply to nothing.
    if (!slow.ok) return;
    const [renamed, claim] = await t.handle.db.batch([
      t.handle.db.update(users).set({ name: 'Overschreven' }).where(and(eq(users.id, slow.userId), tokenStillOpen(slow.id))).returning({ id: users.id }),
      claimToken(t.handle.db, slow.id),
    ]);
    expect(renamed).toEqual([]);
    expect(claim).toEqual([]);
    const [user] = await t.handle.db.select().from(users);
    expect(user!.name).toBe('Anna');
  });

  test('een verlopen, vervalste of afgekapte link werkt niet', async () => {
    await register(t.deps(), { name: 'Anna', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    const later = Date.now() + 49 * 60 * 60 * 1000;
    expect(await confirmEmail(t.deps({ now: later }), token!)).toEqual({ ok: false, reason: 'expired' });
    const [id] = token!.split('.');
    expect(await confirmEmail(t.deps(), `${id}.${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await confirmEmail(t.deps(), token!.slice(0, -1))).toEqual({ ok: false, reason: 'invalid' });
  });

  test('op het eigen domein van de gemeente telt het lidmaatschap meteen', async () => {
    await t.handle.db.update(organisations).set({ emailDomain: 'zaanstad.nl' }).where(eq(organisations.id, 'zaanstad'));
    const user = await registeredUser(t, 'piet@zaanstad.nl');
    expect(user.membershipVerifiedBy).toBe('domain');
    const other = await registeredUser(t, 'piet@gmail.example');
    expect(other.membershipVerifiedAt).toBeNull();
  });

  test('een nieuwe link maakt de oude ongeldig', async () => {
    await register(t.deps(), { name: 'Anna', email: 'anna@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    const first = (await lastMailTo(t, 'anna@voorbeeld.nl')).token!;
    const [user] = await t.handle.db.select().from(users);
    await new Promise((r) => setTimeout(r, 5));
    expect(await resendVerification(t.deps(), user!)).toEqual({ ok: true });
    const second = (await lastMailTo(t, 'anna@voorbeeld.nl')).token!;
    expect(second).not.toBe(first);
    expect(await confirmEmail(t.deps(), first)).toEqual({ ok: false, reason: 'used' });
    expect(await confirmEmail(t.deps(), second)).toEqual({ ok: true });
  });
});
