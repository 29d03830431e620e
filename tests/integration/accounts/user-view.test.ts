/**
 * What a request carries about the signed-in person never includes the
 * password hash; password checks read it from the database at that moment; and the session
 * is only reported as refreshed (cookie sent again) when its lastVerifiedAt moved.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { changePassword, deleteAccount, requestEmailChange } from '#features/accounts/profile.ts';
import { createSession, validateSessionToken, type UserView } from '#platform/auth/session.ts';
import { registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const HOUR = 60 * 60 * 1000;

/** The user as a page or action sees it: from the session, as the middleware does. */
async function signedInView(): Promise<UserView> {
  const user = await registeredUser(t);
  const { token } = await createSession(t.handle.db, user.id);
  const current = await validateSessionToken(t.handle.db, token);
  return current!.user;
}

describe('de gebruiker in Astro.locals', () => {
  test('bevat geen wachtwoordhash, wel alles wat pagina’s nodig hebben', async () => {
    const user = await signedInView();
    expect(Object.keys(user).sort()).toEqual(
      ['createdAt', 'email', 'emailVerifiedAt', 'id', 'membershipVerifiedAt', 'membershipVerifiedBy', 'name', 'organisationId', 'role'].sort(),
    );
    expect(user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(user)).not.toMatch(/argon2/);
  });

  test('een wachtwoordcontrole leest de hash zelf uit de database', async () => {
    const user = await signedInView();
    expect(await requestEmailChange(t.deps(), user, { password: 'fout wachtwoord!', email: 'nieuw@voorbeeld.nl' })).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await requestEmailChange(t.deps(), user, { password: strongPassword, email: 'nieuw@voorbeeld.nl' })).toEqual({ ok: true });
    const changed = await changePassword(t.deps(), user, { current: strongPassword, next: 'nog een veel langere zin' });
    expect(changed.ok).toBe(true);
    // The new hash is read at the next check, not an old copy from the request.
    expect(await deleteAccount(t.deps(), user, { password: strongPassword })).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await deleteAccount(t.deps(), user, { password: 'nog een veel langere zin' })).toEqual({ ok: true });
  });
});

describe('de sessiecookie wordt alleen opnieuw gezet als de sessie verlengd is', () => {
  test('refreshed is alleen waar bij de (hoogstens uurlijkse) verlenging', async () => {
    const user = await registeredUser(t);
    const start = Date.now();
    const { token } = await createSession(t.handle.db, user.id, start);
    expect((await validateSessionToken(t.handle.db, token, start))?.refreshed).toBe(false);
    expect((await validateSessionToken(t.handle.db, token, start + HOUR / 2))?.refreshed).toBe(false);
    expect((await validateSessionToken(t.handle.db, token, start + HOUR))?.refreshed).toBe(true);
    expect((await validateSessionToken(t.handle.db, token, start + HOUR + 1000))?.refreshed).toBe(false);
    expect((await validateSessionToken(t.handle.db, token, start + 2 * HOUR + 1000))?.refreshed).toBe(true);
  });
});
