/**
 * Security events are logged — in security_events and as one JSON line on
 * stdout — without passwords, tokens or full e-mail addresses.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { securityEvents } from '#db/schema.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { verifyMember } from '#features/verification/curator-decisions.ts';
import { login } from '#features/accounts/login.ts';
import { changePassword } from '#features/accounts/profile.ts';
import { requestPasswordReset } from '#features/accounts/recovery.ts';
import { deleteOldSecurityEvents, logSecurityEvent, maskEmail } from '#platform/audit/security-events.ts';
import { actorOf } from './actors.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const ip = '203.0.113.9';
const wrong = 'geheim-fout-wachtwoord-123';

describe('beveiligingslogboek', () => {
  test('elke gebeurtenis staat erin, met de juiste soort, zonder wachtwoord, token of volledig adres', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'info').mockImplementation((line: unknown) => void lines.push(String(line)));
    const anna = await registeredUser(t);
    const piet = await registeredUser(t, 'piet@voorbeeld.nl');
    const deps = t.deps({ ip });

    await login(deps, { email: 'anna@voorbeeld.nl', password: strongPassword });
    await login(deps, { email: 'Anna@voorbeeld.nl', password: wrong });
    await login(deps, { email: 'onbekend@elders.nl', password: wrong });
    for (let i = 0; i < 5; i++) await login(deps, { email: 'anna@voorbeeld.nl', password: wrong }); // the 5th is refused
    await requestPasswordReset(deps, { email: 'anna@voorbeeld.nl' });
    const { token } = await lastMailTo(t, 'anna@voorbeeld.nl');
    for (let i = 0; i < 3; i++) await requestPasswordReset(deps, { email: 'anna@voorbeeld.nl' });
    await changePassword(deps, anna, { current: wrong, next: 'een nieuwe lange zin' });
    // A plain member forging a curator's form.
    expect(await verifyMember(deps, await actorOf(t, 'piet@voorbeeld.nl'), anna.id)).toEqual({ ok: false, reason: 'forbidden' });
    await assignRole(deps, 'cli', 'piet@voorbeeld.nl', 'curator');

    const rows = await t.handle.db.select().from(securityEvents);
    const kinds = (kind: string) => rows.filter((r) => r.kind === kind);
    expect(kinds('login.succeeded')).toMatchObject([{ userId: anna.id, emailHint: 'an***@voorbeeld.nl' }]);
    // Known and unknown address: the same event; only the known one carries the account.
    expect(kinds('login.failed').map((r) => [r.userId, r.emailHint])).toEqual([
      [anna.id, 'an***@voorbeeld.nl'],
      [null, 'on***@elders.nl'],
      [anna.id, 'an***@voorbeeld.nl'],
      [anna.id, 'an***@voorbeeld.nl'],
      [anna.id, 'an***@voorbeeld.nl'],
      [anna.id, 'an***@voorbeeld.nl'],
    ]);
    expect(kinds('login.rate-limited')).toMatchObject([{ userId: anna.id }]);
    expect(kinds('password-reset.requested')).toHaveLength(3);
    expect(kinds('password-reset.rate-limited')).toMatchObject([{ userId: anna.id }]);
    expect(kinds('password-check.failed')).toMatchObject([{ userId: anna.id, detail: JSON.stringify({ action: 'change-password' }) }]);
    expect(kinds('curation.refused')).toMatchObject([{ userId: piet.id, detail: JSON.stringify({ action: 'member:verify' }) }]);
    expect(kinds('role.assigned')).toMatchObject([{ userId: piet.id }]);
    expect(JSON.parse(kinds('role.assigned')[0]!.detail!)).toMatchObject({ role: 'curator', via: 'cli' });

    const expectedHash = createHash('sha256').update(ip).digest('hex').slice(0, 16);
    expect(kinds('login.failed').every((r) => r.ipHash === expectedHash)).toBe(true);

    const everything = JSON.stringify(rows).toLowerCase();
    for (const secret of [strongPassword, wrong, token!, 'anna@voorbeeld.nl', 'piet@voorbeeld.nl', 'onbekend@elders.nl', ip, anna.passwordHash]) {
      expect(everything, secret).not.toContain(secret.toLowerCase());
    }
    // One JSON line per event on stdout, with the same (masked) content.
    const printed = lines.map((line) => JSON.parse(line) as { type: string; kind: string });
    expect(printed.filter((p) => p.type === 'security-event')).toHaveLength(rows.length);
    expect(lines.join('\n').toLowerCase()).not.toContain('anna@voorbeeld.nl');
  });

  test('adressen worden ingekort, ook korte en vreemde', () => {
    expect(maskEmail('anna@zaanstad.nl')).toBe('an***@zaanstad.nl');
    expect(maskEmail('a@x.nl')).toBe('a***@x.nl');
    expect(maskEmail('ab@x.nl')).toBe('a***@x.nl');
    expect(maskEmail('geen-adres')).toBe('***');
  });

  test('na 90 dagen verdwijnen gebeurtenissen', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => {});
    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    await logSecurityEvent(t.handle.db, { kind: 'login.failed', email: 'x@voorbeeld.nl', ip }, now - 91 * day);
    await logSecurityEvent(t.handle.db, { kind: 'login.failed', email: 'x@voorbeeld.nl', ip }, now - 89 * day);
    await t.handle.db.batch([deleteOldSecurityEvents(t.handle.db, now)]);
    const left = await t.handle.db.select().from(securityEvents);
    expect(left.map((r) => r.createdAt)).toEqual([now - 89 * day]);
  });
});
