/** The status box on /account/: every situation, its next step and who takes it. */
import { describe, expect, test } from 'vitest';
import { accountStatus, accountSituations, type AccountStatusInput } from '#features/accounts/account-status.ts';
import type { Actor } from '#domain/policy.ts';

const confirmedMunicipality: Actor = {
  userId: 'u',
  role: 'member',
  organisationId: 'zaanstad',
  organisationKind: 'municipality',
  emailVerified: true,
  membershipVerified: true,
  organisationVerified: true,
};
const network = { name: 'Netwerk Inclusief Werk', email: 'redactie@netwerk.example' };
const promised = { ...network, curationPromise: 'meestal binnen twee werkdagen' };

function status(actor: Partial<Actor>, extra: Partial<AccountStatusInput> = {}) {
  return accountStatus({
    actor: { ...confirmedMunicipality, ...actor },
    organisationName: actor.organisationKind === 'employer' ? 'Bakkerij Bas' : 'Zaanstad',
    email: 'anna@voorbeeld.nl',
    domainMatches: false,
    network,
    ...extra,
  });
}

const unconfirmedMember = { membershipVerified: false };
const employer = { organisationKind: 'employer' as const, organisationId: 'bakkerij-bas' };

describe('statusvak op Mijn account', () => {
  test('e-mailadres nog niet bevestigd: u bent aan zet, met de link opnieuw sturen, en daarna de curator', () => {
    const box = status({ emailVerified: false, ...unconfirmedMember });
    expect(box).toMatchObject({ situation: 'email-unconfirmed', whoActs: 'you', resend: true });
    expect(box.text).toContain('anna@voorbeeld.nl');
    expect(box.then).toBe('Daarna bevestigt een curator van Netwerk Inclusief Werk dat u bij Zaanstad werkt.');
    expect(status({ emailVerified: false, ...unconfirmedMember }, { network: promised }).then).toBe(
      'Daarna bevestigt een curator van Netwerk Inclusief Werk dat u bij Zaanstad werkt, meestal binnen twee werkdagen.',
    );
  });

  test('e-mailadres nog niet bevestigd, adres bij het domein van de organisatie: geen curatorstap', () => {
    const box = status({ emailVerified: false, ...unconfirmedMember }, { domainMatches: true });
    expect(box.then).toMatch(/meteen bevestigd/);
    expect(box.then).not.toMatch(/curator/);
  });

  test('e-mailadres nog niet bevestigd bij een nieuwe werkgever: de curator bekijkt ook de werkgever', () => {
    const box = status({ emailVerified: false, ...unconfirmedMember, ...employer, organisationVerified: false });
    expect(box.then).toBe('Daarna bekijkt een curator van Netwerk Inclusief Werk de nieuwe werkgever Bakkerij Bas en uw aanmelding.');
  });

  test('gemeentemedewerker wacht op een curator: de curator is aan zet, de belofte alleen als die is ingesteld', () => {
    const box = status(unconfirmedMember);
    expect(box).toMatchObject({ situation: 'awaiting-membership', whoActs: 'curator', resend: false, tone: 'waiting' });
    expect(box.text).toBe('Een curator van Netwerk Inclusief Werk bevestigt uw lidmaatschap. U krijgt een e-mail zodra dat is gebeurd.');
    expect(box.whoActsText).toBe('een curator van Netwerk Inclusief Werk');
    // No pitching before the policy allows it.
    expect(box.link).toBeUndefined();
    expect(box.then).toMatch(/nog geen pitch/);
    expect(status(unconfirmedMember, { network: promised }).text).toBe(
      'Een curator van Netwerk Inclusief Werk bevestigt uw lidmaatschap, meestal binnen twee werkdagen. U krijgt een e-mail zodra dat is gebeurd.',
    );
    expect(status(unconfirmedMember, { network: { ...network, curationPromise: '  ' } }).text).not.toMatch(/, *\./);
  });

  test('werkgever wacht op een curator: aanbod kan al, het wacht op de bevestiging', () => {
    const box = status({ ...unconfirmedMember, ...employer });
    expect(box).toMatchObject({ situation: 'awaiting-membership', whoActs: 'curator', link: { href: '/pitches/' } });
    expect(box.then).toMatch(/uw aanbod wacht/);
  });

  test('nieuwe werkgever: de curator bevestigt werkgever en lidmaatschap', () => {
    const box = status({ ...unconfirmedMember, ...employer, organisationVerified: false }, { network: promised });
    expect(box).toMatchObject({ situation: 'awaiting-organisation', whoActs: 'curator' });
    expect(box.text).toBe(
      'Een curator van Netwerk Inclusief Werk bevestigt de nieuwe werkgever Bakkerij Bas en uw lidmaatschap, meestal binnen twee werkdagen. U krijgt een e-mail zodra dat is gebeurd.',
    );
  });

  test('bevestigde gemeentemedewerker: u kunt een pitch schrijven', () => {
    const box = status({});
    expect(box).toMatchObject({ situation: 'can-pitch', whoActs: 'you', link: { href: '/pitches/nieuw/', label: 'Schrijf een pitch' }, tone: 'ready' });
  });

  test('bevestigde werkgever: u kunt meedoen met pitches', () => {
    const box = status(employer);
    expect(box).toMatchObject({ situation: 'can-offer', whoActs: 'you', link: { href: '/pitches/' } });
    expect(box.heading).toBe('U kunt meedoen met pitches namens Bakkerij Bas');
  });

  test('afgewezen (als curatoren dat vastleggen): wat nu, en contact met het netwerk', () => {
    const box = status(unconfirmedMember, { rejected: true });
    expect(box).toMatchObject({ situation: 'rejected', whoActs: 'you', link: { href: 'mailto:redactie@netwerk.example' } });
    expect(box.then).toContain('redactie@netwerk.example');
  });

  test('curator en beheerder: naar beheer', () => {
    expect(status({ role: 'curator', organisationKind: 'partner' })).toMatchObject({ situation: 'staff', link: { href: '/beheer/' }, heading: 'U bent curator van Praktijkplein' });
    expect(status({ role: 'admin', organisationKind: 'partner' }).heading).toBe('U bent beheerder van Praktijkplein');
    // A curator whose address is not confirmed has no curator rights yet (policy): first the link.
    expect(status({ role: 'curator', organisationKind: 'partner', emailVerified: false })).toMatchObject({ situation: 'email-unconfirmed', then: undefined });
  });

  test('curator met wachtende aanmeldingen: het aantal staat in het vak, u bent aan zet, met een knop naar bevestigen', () => {
    const curator = { role: 'curator' as const, organisationKind: 'partner' as const };
    const box = status(curator, { curation: { waiting: 3, withOffers: 2 } });
    expect(box).toMatchObject({ situation: 'staff', whoActs: 'you', tone: 'action', heading: '3 aanmeldingen wachten op bevestiging', link: { href: '/beheer/#leden', label: 'Bevestigen (3)' } });
    expect(box.text).toContain('Bij 2 wacht ook aanbod op een pitch');
    expect(status(curator, { curation: { waiting: 1, withOffers: 1 } }).heading).toBe('1 aanmelding wacht op bevestiging');
    expect(status(curator, { curation: { waiting: 1, withOffers: 1 } }).text).toContain('Bij deze aanmelding wacht ook aanbod');
    const none = status(curator, { curation: { waiting: 0, withOffers: 0 } });
    expect(none).toMatchObject({ heading: 'U bent curator van Praktijkplein', tone: 'ready' });
    expect(none.text).toContain('Er wacht nu niemand op bevestiging.');
  });

  test('lid van een netwerkpartner zonder rol: lezen, niemand is aan zet', () => {
    expect(status({ organisationKind: 'partner' })).toMatchObject({ situation: 'reader', whoActs: 'nobody' });
  });

  test('elke situatie komt voor in deze tests', () => {
    const seen = new Set(
      [
        status({ emailVerified: false }),
        status({ role: 'admin' }),
        status(unconfirmedMember, { rejected: true }),
        status(unconfirmedMember),
        status({ ...unconfirmedMember, ...employer, organisationVerified: false }),
        status({}),
        status(employer),
        status({ organisationKind: 'partner' }),
      ].map((box) => box.situation),
    );
    expect([...seen].sort()).toEqual([...accountSituations].sort());
  });
});
