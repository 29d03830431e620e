import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, oneTimeTokens, organisations, outbox, rateLimits, sessions, users } from '#db/schema.ts';
import { actorFrom } from '#features/accounts/actor.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { pendingMembers } from '#features/accounts/curation-queues.ts';
import { setOrganisationDomain } from '#features/accounts/organisation-domains.ts';
import { verifyMember, verifyOrganisation } from '#features/verification/curator-decisions.ts';
import { register } from '#features/accounts/registration.ts';
import { runRetention, UNVERIFIED_ACCOUNT_DAYS } from '#features/jobs/retention.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { createSession, validateSessionToken } from '#platform/auth/session.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';
import { mayPitchForOwnMunicipality } from './actors.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

async function curator() {
  const user = await registeredUser(t, 'curator@netwerk.nl');
  await assignRole(t.deps(), 'cli', 'curator@netwerk.nl', 'curator');
  await t.handle.db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.id, user.id));
  const [fresh] = await t.handle.db.select().from(users).where(eq(users.id, user.id));
  const [org] = await t.handle.db.select().from(organisations).where(eq(organisations.id, fresh!.organisationId));
  return actorFrom(fresh!, org!);
}

describe('curatie', () => {
  test('een curator bevestigt een gemeentemedewerker: die krijgt bericht, het beleid staat pitchen dan toe en het logboek noemt wie', async () => {
    const actor = await curator();
    const member = await registeredUser(t, 'piet@voorbeeld.nl');
    expect((await pendingMembers(t.deps(), actor))!.map((m) => m.email)).toEqual(['piet@voorbeeld.nl']);
    expect(await verifyMember(t.deps(), actor, member.id)).toEqual({ ok: true });
    const [after] = await t.handle.db.select().from(users).where(eq(users.id, member.id));
    expect(after!.membershipVerifiedBy).toBe('curator');
    const [zaanstad] = await t.handle.db.select().from(organisations).where(eq(organisations.id, 'zaanstad'));
    expect(mayPitchForOwnMunicipality(actorFrom(member, zaanstad!))).toBe(false);
    expect(mayPitchForOwnMunicipality(actorFrom(after!, zaanstad!))).toBe(true);
    expect(await pendingMembers(t.deps(), actor)).toEqual([]);
    const mail = await t.handle.db.select().from(outbox).where(eq(outbox.toAddress, 'piet@voorbeeld.nl'));
    expect(mail.map((m) => m.subject)).toContain('Uw lidmaatschap op Praktijkplein is bevestigd');
    const log = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'member.verified'));
    expect(log).toMatchObject([{ actorUserId: actor.userId, subjectId: member.id }]);
  });

  test('een gewone gebruiker mag niet bevestigen, ook niet door het formulier na te maken', async () => {
    const member = await registeredUser(t, 'piet@voorbeeld.nl');
    const other = await registeredUser(t, 'klaas@voorbeeld.nl');
    const [org] = await t.handle.db.select().from(organisations).where(eq(organisations.id, 'zaanstad'));
    const actor = actorFrom(other, org!);
    expect(await verifyMember(t.deps(), actor, member.id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await verifyMember(t.deps(), actor, other.id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await setOrganisationDomain(t.deps(), actor, 'zaanstad', 'evil.example')).toEqual({ ok: false, reason: 'forbidden' });
    expect(await pendingMembers(t.deps(), actor)).toBeNull();
  });

  test('een curator bevestigt een voorgestelde werkgever en stelt een gemeentedomein in (met controle)', async () => {
    const actor = await curator();
    await register(t.deps(), { name: 'Bas', email: 'bas@bakkerij.nl', password: strongPassword, kind: 'employer', newEmployerName: 'Bakkerij Bas' });
    const [org] = await t.handle.db.select().from(organisations).where(eq(organisations.name, 'Bakkerij Bas'));
    expect(await verifyOrganisation(t.deps(), actor, org!.id)).toEqual({ ok: true });
    expect(await verifyOrganisation(t.deps(), actor, org!.id)).toEqual({ ok: false, reason: 'not-found' });
    expect(await setOrganisationDomain(t.deps(), actor, 'zaanstad', 'niet een domein')).toEqual({ ok: false, reason: 'invalid-domain' });
    expect(await setOrganisationDomain(t.deps(), actor, 'zaanstad', '@Zaanstad.nl')).toEqual({ ok: true });
    const [zaanstad] = await t.handle.db.select().from(organisations).where(eq(organisations.id, 'zaanstad'));
    expect(zaanstad!.emailDomain).toBe('zaanstad.nl');
  });

  test('een rolwijziging beëindigt de sessies van die persoon', async () => {
    const user = await registeredUser(t);
    const { token } = await createSession(t.handle.db, user.id);
    await assignRole(t.deps(), 'cli', user.email, 'curator');
    expect(await validateSessionToken(t.handle.db, token)).toBeNull();
  });
});

describe('bewaartermijnen', () => {
  test('ruimt verlopen sessies, gebruikte links, oude tellers, verstuurde mail en nooit bevestigde accounts op', async () => {
    const keep = await registeredUser(t);
    const { token } = await createSession(t.handle.db, keep.id);
    await register(t.deps(), { name: 'Nooit', email: 'nooit@voorbeeld.nl', password: strongPassword, kind: 'municipality', organisationId: 'zaanstad' });
    await consume(t.handle.db, 'loginAccountIp', ['x@voorbeeld.nl', '192.0.2.1']);
    await deliverPendingMail(t.handle.db, { send: async () => {} });
    expect((await t.handle.db.select().from(outbox)).every((m) => m.sentAt !== null)).toBe(true);

    // Tomorrow: sent mail and counters go; the session (used yesterday) and the new account stay.
    const tomorrow = Date.now() + 25 * 60 * 60 * 1000;
    await runRetention(t.handle.db, tomorrow);
    expect(await t.handle.db.select().from(outbox)).toHaveLength(0);
    expect(await t.handle.db.select().from(rateLimits)).toHaveLength(0);
    expect(await t.handle.db.select().from(users)).toHaveLength(2);
    expect(await t.handle.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, keep.id))).toHaveLength(0); // used

    const later = Date.now() + (UNVERIFIED_ACCOUNT_DAYS + 1) * 24 * 60 * 60 * 1000;
    await runRetention(t.handle.db, later);
    expect((await t.handle.db.select().from(users)).map((u) => u.email)).toEqual(['anna@voorbeeld.nl']);
    expect(await t.handle.db.select().from(sessions)).toHaveLength(0);
    expect(await validateSessionToken(t.handle.db, token)).toBeNull();
  });

  test('mail die niet verstuurd kon worden blijft staan en wordt later opnieuw geprobeerd', async () => {
    await registeredUser(t);
    await deliverPendingMail(t.handle.db, { send: async () => { throw new Error('SMTP weg'); } });
    let [mail] = await t.handle.db.select().from(outbox);
    expect(mail!.sentAt).toBeNull();
    expect(mail!.lastError).toContain('SMTP weg');
    // Not before its backoff has passed; then it goes.
    await deliverPendingMail(t.handle.db, { send: async () => {} });
    [mail] = await t.handle.db.select().from(outbox);
    expect(mail!.sentAt).toBeNull();
    await deliverPendingMail(t.handle.db, { send: async () => {} }, () => Date.now() + 2 * 60 * 1000);
    [mail] = await t.handle.db.select().from(outbox);
    expect(mail!.sentAt).not.toBeNull();
  });
});
