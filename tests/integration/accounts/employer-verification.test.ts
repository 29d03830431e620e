/**
 * Employer membership counts only once verified, as for municipalities —
 * by the organisation's own e-mail domain or by a curator. Until then no acting for it.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { auditLog, organisations, users } from '#db/schema.ts';
import { pendingMembers, pendingOrganisations } from '#features/accounts/curation-queues.ts';
import { setOrganisationDomain } from '#features/accounts/organisation-domains.ts';
import { verifyMember, verifyOrganisation } from '#features/verification/curator-decisions.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { register } from '#features/accounts/registration.ts';
import { personaOf } from '#domain/policy.ts';
import { actorOf, curatorActor, mayOfferForOwnEmployer } from './actors.ts';
import { lastMailTo, registeredUser, strongPassword, testDatabase, type TestDb } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

describe('werkgevers worden bevestigd zoals gemeenten', () => {
  test('"PostNL" kiezen met een gratis mailadres geeft geen bevestigde werkgever: geen aanbod tot een curator kijkt', async () => {
    await registeredUser(t, 'postnl.baas@gmail.com', { kind: 'employer', organisationId: 'postnl' });
    const actor = await actorOf(t, 'postnl.baas@gmail.com');
    expect(actor.emailVerified).toBe(true);
    expect(actor.organisationVerified).toBe(true); // PostNL itself is a known employer
    expect(actor.membershipVerified).toBe(false);
    expect(personaOf(actor)).toBe('werkgever-onbevestigd');
    expect(mayOfferForOwnEmployer(actor)).toBe(false);

    const curator = await curatorActor(t);
    const pending = await pendingMembers(t.deps(), curator);
    expect(pending).toMatchObject([{ email: 'postnl.baas@gmail.com', kind: 'employer', organisation: 'PostNL' }]);
    expect(await verifyMember(t.deps(), curator, actor.userId)).toEqual({ ok: true });
    const after = await actorOf(t, 'postnl.baas@gmail.com');
    expect(personaOf(after)).toBe('werkgever');
    expect(mayOfferForOwnEmployer(after)).toBe(true);
    expect((await lastMailTo(t, 'postnl.baas@gmail.com')).mail!.subject).toBe('Uw lidmaatschap op Praktijkplein is bevestigd');
  });

  test('een nieuwe werkgever "PostNL" voorstellen met een gratis adres: organisatie én lid onbevestigd', async () => {
    await register(t.deps(), { name: 'Nep Baas', email: 'nep@gmail.com', password: strongPassword, kind: 'employer', newEmployerName: 'PostNL' });
    await confirmEmail(t.deps(), (await lastMailTo(t, 'nep@gmail.com')).token!);
    const actor = await actorOf(t, 'nep@gmail.com');
    expect([actor.organisationVerified, actor.membershipVerified]).toEqual([false, false]);
    expect(mayOfferForOwnEmployer(actor)).toBe(false);
  });

  test('een curator stelt het eigen domein van een werkgever in: een adres daar is na bevestigen meteen lid', async () => {
    const curator = await curatorActor(t);
    expect(await setOrganisationDomain(t.deps(), curator, 'postnl', 'PostNL.nl')).toEqual({ ok: true });
    await register(t.deps(), { name: 'Jan Pakket', email: 'jan@postnl.nl', password: strongPassword, kind: 'employer', organisationId: 'postnl' });
    expect(mayOfferForOwnEmployer(await actorOf(t, 'jan@postnl.nl'))).toBe(false); // not before the address is confirmed
    await confirmEmail(t.deps(), (await lastMailTo(t, 'jan@postnl.nl')).token!);
    const [jan] = await t.handle.db.select().from(users).where(eq(users.email, 'jan@postnl.nl'));
    expect(jan!.membershipVerifiedBy).toBe('domain');
    expect(mayOfferForOwnEmployer(await actorOf(t, 'jan@postnl.nl'))).toBe(true);
    // A free-mail address at the same employer still waits.
    await registeredUser(t, 'jan.thuis@hotmail.com', { kind: 'employer', organisationId: 'postnl' });
    expect(mayOfferForOwnEmployer(await actorOf(t, 'jan.thuis@hotmail.com'))).toBe(false);
  });

  test('een domein van een e-maildienst voor iedereen is nooit het domein van een organisatie', async () => {
    const curator = await curatorActor(t);
    for (const domain of ['gmail.com', 'hotmail.com', 'outlook.com', 'live.nl', 'ziggo.nl', 'kpnmail.nl', 'icloud.com', 'yahoo.com', 'proton.me', '@Gmail.com']) {
      expect(await setOrganisationDomain(t.deps(), curator, 'postnl', domain), domain).toEqual({ ok: false, reason: 'free-mail-domain' });
      expect(await setOrganisationDomain(t.deps(), curator, 'zaanstad', domain), domain).toEqual({ ok: false, reason: 'free-mail-domain' });
    }
    const [postnl] = await t.handle.db.select().from(organisations).where(eq(organisations.id, 'postnl'));
    expect(postnl!.emailDomain).toBeNull();
  });

  test('bevestigt een curator een voorgestelde werkgever, dan ook wie hem aanmeldde (die kan dan aanbieden)', async () => {
    const curator = await curatorActor(t);
    await register(t.deps(), { name: 'Bas Bakker', email: 'bas@bakkerijbas.nl', password: strongPassword, kind: 'employer', newEmployerName: 'Bakkerij Bas' });
    await confirmEmail(t.deps(), (await lastMailTo(t, 'bas@bakkerijbas.nl')).token!);
    const before = await actorOf(t, 'bas@bakkerijbas.nl');
    expect(mayOfferForOwnEmployer(before)).toBe(false);
    // Listed once, as a new employer with its proposer; not as a member of an unverified organisation.
    const proposed = await pendingOrganisations(t.deps(), curator);
    expect(proposed).toMatchObject([{ name: 'Bakkerij Bas', proposers: [{ name: 'Bas Bakker', email: 'bas@bakkerijbas.nl' }] }]);
    expect(await pendingMembers(t.deps(), curator)).toEqual([]);

    expect(await verifyOrganisation(t.deps(), curator, proposed![0]!.id)).toEqual({ ok: true });
    const after = await actorOf(t, 'bas@bakkerijbas.nl');
    expect([after.organisationVerified, after.membershipVerified]).toEqual([true, true]);
    expect(mayOfferForOwnEmployer(after)).toBe(true);
    expect((await lastMailTo(t, 'bas@bakkerijbas.nl')).mail!.subject).toBe('Uw lidmaatschap op Praktijkplein is bevestigd');
    const log = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'member.verified'));
    expect(log).toMatchObject([{ actorUserId: curator.userId, subjectId: before.userId }]);
    expect(await verifyOrganisation(t.deps(), curator, proposed![0]!.id)).toEqual({ ok: false, reason: 'not-found' });
  });
});
