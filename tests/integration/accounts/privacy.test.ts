/**
 * Deletion and export do what /over/ promises. After a full account life
 * and deletion, no table holds the person's name, any address they used, their id or the
 * slug of the employer they proposed — except the one deletion notice /over/ names.
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { organisations, outbox, sessions } from '#db/schema.ts';
import { login } from '#features/accounts/login.ts';
import { confirmEmailChange, deleteAccount, exportUserData, requestEmailChange } from '#features/accounts/profile.ts';
import { requestPasswordReset, resetPassword } from '#features/accounts/recovery.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { register } from '#features/accounts/registration.ts';
import { createSession, MAX_SESSIONS_PER_USER, validateSessionToken } from '#platform/auth/session.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { eq } from 'drizzle-orm';
import { users } from '#db/schema.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
  vi.spyOn(console, 'info').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

/** Every row of every table (from sqlite_master) whose text contains one of the needles. */
async function findEverywhere(needles: string[]) {
  const tables = await t.handle.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`);
  expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['users', 'outbox', 'audit_log', 'security_events', 'organisations', 'rate_limits']));
  const hits: { table: string; needle: string; row: Record<string, unknown> }[] = [];
  for (const { name } of tables) {
    const rows = await t.handle.db.all<Record<string, unknown>>(sql.raw(`select * from "${name}"`));
    for (const row of rows) {
      const text = JSON.stringify(row).toLowerCase();
      for (const needle of needles) if (text.includes(needle.toLowerCase())) hits.push({ table: name, needle, row });
    }
  }
  return hits;
}

describe('een heel accountleven, dan verwijderen', () => {
  test('daarna staat de persoon nergens meer, behalve in de ene bevestiging die /over/ noemt; de download bevat mail aan het oude adres', async () => {
    const name = 'Annemarie Zonnebloem';
    const first = 'annemarie@voorbeeld.nl';
    const second = 'A.Zonnebloem@Elders.nl';
    const deps = t.deps({ ip: '192.0.2.44' });
    let now = Date.now();
    const at = () => t.deps({ ip: '192.0.2.44', now: (now += 1000) });

    // Register (proposing a new employer named after herself), confirm.
    await register(at(), { name, email: first, password: strongPassword, kind: 'employer', newEmployerName: `${name} Advies` });
    await confirmEmail(at(), (await lastMailTo(t, first)).token!);
    const [user] = await t.handle.db.select().from(users).where(eq(users.email, first));
    const [org] = await t.handle.db.select().from(organisations).where(eq(organisations.id, user!.organisationId));
    expect(org!.id).toMatch(/^annemarie-zonnebloem-advies-/);
    // Someone else tries to register her address (she gets a mail), some mail goes out.
    await register(at(), { name: 'Iemand Anders', email: first, password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    await deliverPendingMail(t.handle.db, { send: async () => {} });

    // Log in a few times, one wrong.
    const { token: browser } = (await login(at(), { email: first, password: strongPassword })) as { token: string };
    await login(at(), { email: first, password: 'fout wachtwoord!' });
    await login(at(), { email: first, password: strongPassword });
    const session = (await validateSessionToken(t.handle.db, browser))!.session;

    // Change the address, confirm from this browser.
    const me = () => t.handle.db.select().from(users).where(eq(users.id, user!.id)).then((rows) => rows[0]!);
    expect(await requestEmailChange(at(), await me(), { password: strongPassword, email: second })).toEqual({ ok: true });
    expect(await confirmEmailChange(at(), (await lastMailTo(t, second.toLowerCase())).token!, session)).toMatchObject({ ok: true });

    // Forgot the password: reset via the new address, log in again.
    await requestPasswordReset(at(), { email: second });
    expect(await resetPassword(at(), { token: (await lastMailTo(t, second.toLowerCase())).token!, password: 'een nieuwe lange zin' })).toEqual({ ok: true });
    await login(at(), { email: second, password: 'een nieuwe lange zin' });

    // The export before deletion has mail to the earlier address and the security log.
    const data = (await exportUserData(deps, user!.id))!;
    expect(data.eMails.map((m) => m.aan)).toEqual(expect.arrayContaining([first, second.toLowerCase()]));
    expect(data.eMails.filter((m) => m.aan === first).map((m) => m.onderwerp)).toEqual(
      expect.arrayContaining(['Bevestig uw e-mailadres voor Praktijkplein', 'Iemand wilde een account maken met uw e-mailadres', 'Uw e-mailadres voor Praktijkplein is gewijzigd']),
    );
    expect(data.beveiligingslogboek.map((e) => e.gebeurtenis)).toEqual(expect.arrayContaining(['login.succeeded', 'login.failed', 'password-reset.requested']));

    // Before: the person is in many places (the scan can find them).
    const needles = [name, first, second, user!.id, org!.id];
    const before = await findEverywhere(needles);
    expect(new Set(before.map((h) => h.table))).toEqual(new Set(['users', 'organisations', 'outbox', 'audit_log', 'security_events', 'one_time_tokens', 'sessions']));

    expect(await deleteAccount(at(), await me(), { password: 'een nieuwe lange zin' })).toEqual({ ok: true });

    // After: only the deletion notice to the current address (userless, expiring), as /over/ says.
    const hits = await findEverywhere(needles);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => [h.table, (h.row as { subject?: string }).subject])).toEqual(
      hits.map(() => ['outbox', 'Uw account op Praktijkplein is verwijderd']),
    );
    const [notice] = await t.handle.db.select().from(outbox);
    expect(await t.handle.db.select().from(outbox)).toHaveLength(1);
    expect(notice).toMatchObject({ toAddress: second.toLowerCase(), userId: null });
    expect(notice!.expiresAt).toBeGreaterThan(now);
    // The audit log keeps what happened, under a pseudonym.
    const log = await t.handle.db.all<{ action: string; subject_id: string }>(sql`select action, subject_id from audit_log`);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['account.registered', 'account.email-changed', 'account.password-reset', 'account.deleted']));
    expect(log.every((e) => e.subject_id.startsWith('verwijderd-'))).toBe(true);
    expect(await t.handle.db.select().from(organisations).where(eq(organisations.id, org!.id))).toHaveLength(0);
  });

  test('een werkgever die een curator al bevestigde, blijft bestaan als de aanmelder vertrekt', async () => {
    await register(t.deps(), { name: 'Bas Bakker', email: 'bas@bakkerijbas.nl', password: strongPassword, kind: 'employer', newEmployerName: 'Bakkerij Bas' });
    await confirmEmail(t.deps(), (await lastMailTo(t, 'bas@bakkerijbas.nl')).token!);
    const [bas] = await t.handle.db.select().from(users).where(eq(users.email, 'bas@bakkerijbas.nl'));
    await t.handle.db.update(organisations).set({ verifiedAt: Date.now() }).where(eq(organisations.id, bas!.organisationId));
    expect(await deleteAccount(t.deps(), bas!, { password: strongPassword })).toEqual({ ok: true });
    expect(await t.handle.db.select().from(organisations).where(eq(organisations.id, bas!.organisationId))).toHaveLength(1);
  });
});

describe('sessies', () => {
  test('een nieuw e-mailadres bevestigen beëindigt de andere sessies; deze browser blijft ingelogd', async () => {
    const anna = await registeredUser(t);
    const here = await createSession(t.handle.db, anna.id);
    const elsewhere = await createSession(t.handle.db, anna.id);
    await requestEmailChange(t.deps(), anna, { password: strongPassword, email: 'anna@nieuw.nl' });
    expect(await confirmEmailChange(t.deps(), (await lastMailTo(t, 'anna@nieuw.nl')).token!, here.session)).toMatchObject({ ok: true });
    expect(await validateSessionToken(t.handle.db, here.token)).not.toBeNull();
    expect(await validateSessionToken(t.handle.db, elsewhere.token)).toBeNull();
  });

  test('bevestigt iemand anders (of niemand ingelogd) de link, dan eindigen alle sessies van het account', async () => {
    const anna = await registeredUser(t);
    const bert = await registeredUser(t, 'bert@voorbeeld.nl');
    const annas = await createSession(t.handle.db, anna.id);
    const berts = await createSession(t.handle.db, bert.id);
    await requestEmailChange(t.deps(), anna, { password: strongPassword, email: 'anna@nieuw.nl' });
    expect(await confirmEmailChange(t.deps(), (await lastMailTo(t, 'anna@nieuw.nl')).token!, berts.session)).toMatchObject({ ok: true });
    expect(await validateSessionToken(t.handle.db, annas.token)).toBeNull();
    expect(await validateSessionToken(t.handle.db, berts.token)).not.toBeNull();
  });

  test(`hoogstens ${MAX_SESSIONS_PER_USER} sessies per persoon: een nieuwe beëindigt de oudste`, async () => {
    const anna = await registeredUser(t);
    const now = Date.now();
    const created = [];
    for (let i = 0; i <= MAX_SESSIONS_PER_USER; i++) created.push(await createSession(t.handle.db, anna.id, now));
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, anna.id))).toHaveLength(MAX_SESSIONS_PER_USER);
    expect(await validateSessionToken(t.handle.db, created[0]!.token, now)).toBeNull();
    expect(await validateSessionToken(t.handle.db, created[1]!.token, now)).not.toBeNull();
    expect(await validateSessionToken(t.handle.db, created.at(-1)!.token, now)).not.toBeNull();
  });
});
