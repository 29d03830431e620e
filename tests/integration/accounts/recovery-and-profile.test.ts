import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, oneTimeTokens, outbox, sessions, users } from '#db/schema.ts';
import { login } from '#features/accounts/login.ts';
import { changePassword, confirmEmailChange, deleteAccount, exportUserData, logoutEverywhere, requestEmailChange } from '#features/accounts/profile.ts';
import { requestPasswordReset, resetPassword } from '#features/accounts/recovery.ts';
import { createSession, validateSessionToken } from '#platform/auth/session.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const newPassword = 'nog een veel langere zin';

describe('wachtwoord vergeten', () => {
  test('zelfde antwoord met of zonder account; alleen een bestaand account krijgt een link, een ander adres uitleg', async () => {
    await registeredUser(t);
    expect(await requestPasswordReset(t.deps(), { email: 'anna@voorbeeld.nl' })).toEqual({ ok: true });
    expect(await requestPasswordReset(t.deps(), { email: 'niemand@voorbeeld.nl' })).toEqual({ ok: true });
    expect((await lastMailTo(t, 'anna@voorbeeld.nl')).link).toContain('/account/wachtwoord-herstellen/?token=');
    expect((await lastMailTo(t, 'niemand@voorbeeld.nl')).mail!.body).not.toMatch(/token=/);
  });

  test('herstellen zet het nieuwe wachtwoord, beëindigt alle sessies en werkt maar één keer', async () => {
    const user = await registeredUser(t);
    const { token: session } = await createSession(t.handle.db, user.id);
    await requestPasswordReset(t.deps(), { email: 'anna@voorbeeld.nl' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(await resetPassword(t.deps(), { token: token!, password: newPassword })).toEqual({ ok: true });
    expect(await validateSessionToken(t.handle.db, session)).toBeNull();
    expect((await login(t.deps(), { email: 'anna@voorbeeld.nl', password: newPassword })).ok).toBe(true);
    expect((await login(t.deps({ ip: '192.0.2.9' }), { email: 'anna@voorbeeld.nl', password: strongPassword })).ok).toBe(false);
    expect(await resetPassword(t.deps(), { token: token!, password: 'weer een ander wachtwoord' })).toEqual({ ok: false, reason: 'used' });
  });

  test('de link verloopt na 30 minuten', async () => {
    await registeredUser(t);
    await requestPasswordReset(t.deps(), { email: 'anna@voorbeeld.nl' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(await resetPassword(t.deps({ now: Date.now() + 31 * 60 * 1000 }), { token: token!, password: newPassword })).toEqual({ ok: false, reason: 'expired' });
  });

  test('een zwak nieuw wachtwoord wordt geweigerd zonder de link te verbruiken', async () => {
    await registeredUser(t);
    await requestPasswordReset(t.deps(), { email: 'anna@voorbeeld.nl' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    expect(await resetPassword(t.deps(), { token: token!, password: 'password1' })).toMatchObject({ ok: false, reason: 'weak-password' });
    expect(await resetPassword(t.deps(), { token: token!, password: newPassword })).toEqual({ ok: true });
  });

  test('een link voor wachtwoordherstel werkt niet als bevestigingslink, en omgekeerd', async () => {
    await registeredUser(t);
    await requestPasswordReset(t.deps(), { email: 'anna@voorbeeld.nl' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    const { confirmEmail } = await import('#features/verification/confirm-email.ts');
    expect(await confirmEmail(t.deps(), token!)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('wachtwoord wijzigen', () => {
  test('vraagt het huidige wachtwoord, beëindigt alle andere sessies en geeft deze browser een nieuwe', async () => {
    const user = await registeredUser(t);
    const { token: here } = await createSession(t.handle.db, user.id);
    const { token: elsewhere } = await createSession(t.handle.db, user.id);
    expect(await changePassword(t.deps(), user, { current: 'fout wachtwoord!', next: newPassword })).toEqual({ ok: false, reason: 'wrong-password' });
    const result = await changePassword(t.deps(), user, { current: strongPassword, next: newPassword });
    expect(result.ok).toBe(true);
    expect(await validateSessionToken(t.handle.db, here)).toBeNull();
    expect(await validateSessionToken(t.handle.db, elsewhere)).toBeNull();
    expect(await validateSessionToken(t.handle.db, (result as { token: string }).token)).not.toBeNull();
    expect((await lastMailTo(t, 'anna@voorbeeld.nl')).mail!.subject).toContain('gewijzigd');
  });
});

describe('e-mailadres wijzigen', () => {
  test('pas na de link op het nieuwe adres verandert het adres; het oude adres krijgt bericht', async () => {
    const user = await registeredUser(t);
    expect(await requestEmailChange(t.deps(), user, { password: strongPassword, email: 'anna@nieuw.nl' })).toEqual({ ok: true });
    expect((await t.handle.db.select().from(users))[0]!.email).toBe('anna@voorbeeld.nl');
    const { token } = await lastMailTo(t, 'anna@nieuw.nl');
    expect(await confirmEmailChange(t.deps(), token!)).toEqual({ ok: true, email: 'anna@nieuw.nl' });
    expect((await t.handle.db.select().from(users))[0]!.email).toBe('anna@nieuw.nl');
    expect((await lastMailTo(t, 'anna@voorbeeld.nl')).mail!.subject).toContain('is gewijzigd');
  });

  test('een adres dat al bij een ander account hoort: zelfde antwoord, niets verandert', async () => {
    const anna = await registeredUser(t);
    await registeredUser(t, 'bert@voorbeeld.nl');
    expect(await requestEmailChange(t.deps(), anna, { password: strongPassword, email: 'bert@voorbeeld.nl' })).toEqual({ ok: true });
    expect((await lastMailTo(t, 'bert@voorbeeld.nl')).mail!.subject).toContain('heeft al een account');
    expect(await t.handle.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.purpose, 'email-change'))).toHaveLength(0);
  });

  test('vraagt het huidige wachtwoord', async () => {
    const user = await registeredUser(t);
    expect(await requestEmailChange(t.deps(), user, { password: 'fout wachtwoord!', email: 'anna@nieuw.nl' })).toEqual({ ok: false, reason: 'wrong-password' });
  });
});

describe('uitloggen op alle apparaten', () => {
  test('beëindigt elke sessie van de persoon en niet die van anderen', async () => {
    const anna = await registeredUser(t);
    const bert = await registeredUser(t, 'bert@voorbeeld.nl');
    const a1 = await createSession(t.handle.db, anna.id);
    const a2 = await createSession(t.handle.db, anna.id);
    const b1 = await createSession(t.handle.db, bert.id);
    await logoutEverywhere(t.deps(), anna);
    expect(await validateSessionToken(t.handle.db, a1.token)).toBeNull();
    expect(await validateSessionToken(t.handle.db, a2.token)).toBeNull();
    expect(await validateSessionToken(t.handle.db, b1.token)).not.toBeNull();
  });
});

describe('mijn gegevens en account verwijderen', () => {
  test('de download bevat wat we bewaren, maar geen wachtwoordhash of geheimen', async () => {
    const user = await registeredUser(t);
    await createSession(t.handle.db, user.id);
    const data = await exportUserData(t.deps(), user.id);
    expect(data!.account.eMailadres).toBe('anna@voorbeeld.nl');
    expect(data!.organisatie.naam).toBe('Zaanstad');
    expect(data!.sessies).toHaveLength(1);
    expect(data!.logboek.map((e) => e.actie)).toContain('account.registered');
    const text = JSON.stringify(data);
    expect(text).not.toContain(user.passwordHash);
    expect(text).not.toMatch(/secret|[0-9a-f]{64}/i);
  });

  test('verwijderen vraagt het wachtwoord, wist persoon, sessies, links en e-mail; het logboek houdt geen verwijzing', async () => {
    const user = await registeredUser(t);
    const { token } = await createSession(t.handle.db, user.id);
    expect(await deleteAccount(t.deps(), user, { password: 'fout wachtwoord!' })).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await deleteAccount(t.deps(), user, { password: strongPassword })).toEqual({ ok: true });
    expect(await t.handle.db.select().from(users)).toHaveLength(0);
    expect(await t.handle.db.select().from(sessions)).toHaveLength(0);
    expect(await t.handle.db.select().from(oneTimeTokens)).toHaveLength(0);
    expect(await validateSessionToken(t.handle.db, token)).toBeNull();
    const mail = await t.handle.db.select().from(outbox);
    expect(mail.map((m) => m.subject)).toEqual(['Uw account op Praktijkplein is verwijderd']);
    const log = await t.handle.db.select().from(auditLog);
    expect(log.every((e) => e.actorUserId === null)).toBe(true);
    expect(JSON.stringify(log)).not.toContain('anna');
  });
});
