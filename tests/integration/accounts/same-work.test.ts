/**
 * Registering and asking for a password reset do the same work whether or not
 * the address has an account, so response times do not tell them apart. Proved by counting,
 * not by timing: password hashes (a counting hasher through Deps) and database batches with
 * the e-mails they queue (a spy on db.batch). The timings themselves are in `npm run bench`.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { outbox } from '#db/schema.ts';
import type { Deps } from '#platform/context.ts';
import { requestPasswordReset } from '#features/accounts/recovery.ts';
import { register } from '#features/accounts/registration.ts';
import { hashPassword } from '#platform/auth/password.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

interface Work {
  hashes: number;
  /** Per db.batch call: how many statements, and how many of them queue an e-mail. */
  batches: { statements: number; mails: number }[];
}

/** Runs `step` with a counting hasher and a spy on db.batch, and returns the work it did. */
async function workOf(step: (deps: Deps) => Promise<unknown>): Promise<Work> {
  const work: Work = { hashes: 0, batches: [] };
  const db = t.handle.db;
  const batch = db.batch.bind(db);
  vi.spyOn(db, 'batch').mockImplementation(((statements: { toSQL(): { sql: string } }[]) => {
    const sql = statements.map((statement) => statement.toSQL().sql);
    work.batches.push({ statements: sql.length, mails: sql.filter((text) => text.startsWith('insert into "outbox"')).length });
    return batch(statements as never);
  }) as typeof db.batch);
  const deps = t.deps({
    hashPassword: (password) => {
      work.hashes++;
      return hashPassword(password);
    },
  });
  await step(deps);
  vi.restoreAllMocks();
  return work;
}

const shape = (work: Work) => ({ hashes: work.hashes, batches: work.batches.length, mails: work.batches.map((b) => b.mails) });

describe('zelfde werk met of zonder account', () => {
  test('registreren: één hash en één batch met één e-mail, of het adres nu een account heeft of niet', async () => {
    await registeredUser(t, 'anna@voorbeeld.nl');
    const input = { name: 'Iemand', password: strongPassword, kind: 'municipality' as const, organisationId: 'zaanstad' };
    const existing = await workOf((deps) => register(deps, { ...input, email: 'anna@voorbeeld.nl' }));
    const fresh = await workOf((deps) => register(deps, { ...input, email: 'nieuw@voorbeeld.nl' }));
    expect(shape(existing)).toEqual({ hashes: 1, batches: 1, mails: [1] });
    expect(shape(fresh)).toEqual(shape(existing));
    expect((await lastMailTo(t, 'anna@voorbeeld.nl')).mail!.subject).toMatch(/Iemand wilde een account maken/);
    expect((await lastMailTo(t, 'nieuw@voorbeeld.nl')).mail!.subject).toMatch(/Bevestig/);
  });

  test('wachtwoord vergeten: één batch met één e-mail, of het adres nu een account heeft of niet', async () => {
    await registeredUser(t, 'anna@voorbeeld.nl');
    const existing = await workOf((deps) => requestPasswordReset(deps, { email: 'anna@voorbeeld.nl' }));
    const unknown = await workOf((deps) => requestPasswordReset(deps, { email: 'niemand@voorbeeld.nl' }));
    expect(shape(existing)).toEqual({ hashes: 0, batches: 1, mails: [1] });
    expect(shape(unknown)).toEqual(shape(existing));
  });

  test('een adres zonder account krijgt uitleg, zonder link om iets te herstellen', async () => {
    expect(await requestPasswordReset(t.deps(), { email: 'niemand@voorbeeld.nl' })).toEqual({ ok: true });
    const { mail } = await lastMailTo(t, 'niemand@voorbeeld.nl');
    expect(mail!.subject).toMatch(/geen account/);
    expect(mail!.body).not.toMatch(/token=/);
    // Limited like every other mail: three per address and source per ten minutes.
    for (let i = 0; i < 5; i++) await requestPasswordReset(t.deps(), { email: 'niemand@voorbeeld.nl' });
    const mails = (await t.handle.db.select().from(outbox)).filter((m) => m.toAddress === 'niemand@voorbeeld.nl');
    expect(mails).toHaveLength(3);
  });

  test('meldingen waar niemand om vroeg, gaan hoogstens drie keer per dag naar één adres, vanaf hoeveel netwerken ook', async () => {
    for (let i = 0; i < 6; i++) await requestPasswordReset(t.deps({ ip: `192.0.2.${20 + i}` }), { email: 'niemand@voorbeeld.nl' });
    const notices = (await t.handle.db.select().from(outbox)).filter((m) => m.toAddress === 'niemand@voorbeeld.nl');
    expect(notices).toHaveLength(3);
  });
});
