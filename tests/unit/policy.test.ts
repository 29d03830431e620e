/** The permission matrix: every persona × every action (on their own records), then ownership. */
import { describe, expect, test } from 'vitest';
import { actions, can, personaOf, type Action, type Actor, type Persona, type PolicySubjects } from '../../src/domain/policy.ts';

const base: Actor = {
  userId: 'u',
  role: 'member',
  organisationId: 'eigen-organisatie',
  organisationKind: 'employer',
  emailVerified: true,
  membershipVerified: true,
  organisationVerified: true,
};

const personas: Record<Persona, Actor | null> = {
  bezoeker: null,
  'werkgever-onbevestigd': { ...base, membershipVerified: false },
  werkgever: base,
  'gemeente-onbevestigd': { ...base, organisationKind: 'municipality', membershipVerified: false },
  gemeente: { ...base, organisationKind: 'municipality', membershipVerified: true },
  curator: { ...base, role: 'curator', organisationKind: 'partner' },
  admin: { ...base, role: 'admin', organisationKind: 'partner' },
};

/** The record each action is asked about in the matrix: one's own, or another person where that is the point. */
const subjectFor: { [A in Action]: PolicySubjects[A] } = {
  'account:view': { userId: 'u' },
  'account:manage': { userId: 'u' },
  'curation:view': undefined,
  'member:verify': { userId: 'iemand-anders' },
  'organisation:verify': undefined,
  'organisation:set-domain': { kind: 'municipality' },
  'role:assign': { userId: 'iemand-anders' },
  'pitch:create': { municipalityId: 'eigen-organisatie' },
  'offer:create': { employerId: 'eigen-organisatie' },
};
const ask = (actor: Actor | null, action: Action) => (can as unknown as (a: Actor | null, x: Action, s?: unknown) => boolean)(actor, action, subjectFor[action]);

const Y = true;
const N = false;
// prettier-ignore
const matrix: Record<Action, Record<Persona, boolean>> = {
  'account:view':            { bezoeker: N, 'werkgever-onbevestigd': Y, werkgever: Y, 'gemeente-onbevestigd': Y, gemeente: Y, curator: Y, admin: Y },
  'account:manage':          { bezoeker: N, 'werkgever-onbevestigd': Y, werkgever: Y, 'gemeente-onbevestigd': Y, gemeente: Y, curator: Y, admin: Y },
  'curation:view':           { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'member:verify':           { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'organisation:verify':     { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'organisation:set-domain': { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'role:assign':             { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: Y },
  'pitch:create':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  'offer:create':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: N },
};

describe('policy', () => {
  test('de matrix noemt elke actie', () => {
    expect(Object.keys(matrix).sort()).toEqual([...actions].sort());
  });

  for (const action of actions) {
    for (const [persona, actor] of Object.entries(personas) as [Persona, Actor | null][]) {
      test(`${persona} ${matrix[action][persona] ? 'mag' : 'mag niet'}: ${action}`, () => {
        expect(personaOf(actor)).toBe(persona);
        expect(ask(actor, action)).toBe(matrix[action][persona]);
      });
    }
  }

  test('zonder bevestigd e-mailadres geen beheer, pitch of aanbod', () => {
    for (const persona of ['curator', 'admin', 'gemeente', 'werkgever'] as const) {
      const actor = { ...personas[persona]!, emailVerified: false };
      for (const action of ['curation:view', 'role:assign', 'pitch:create', 'offer:create'] as const) expect(ask(actor, action)).toBe(false);
    }
  });

  test('een werkgever van een nog onbevestigde organisatie mag (nog) niets aanbieden, ook niet met bevestigd lidmaatschap', () => {
    const actor = { ...base, organisationVerified: false };
    expect(personaOf(actor)).toBe('werkgever-onbevestigd');
    expect(ask(actor, 'offer:create')).toBe(false);
  });

  test('een werkgever zonder bevestigd lidmaatschap mag niet namens een bevestigde werkgever aanbieden', () => {
    expect(ask({ ...base, membershipVerified: false, organisationVerified: true }, 'offer:create')).toBe(false);
    expect(ask({ ...base, membershipVerified: true, organisationVerified: true }, 'offer:create')).toBe(true);
  });
});

describe('eigendom: het beleid kijkt naar het record', () => {
  const gemeente = personas.gemeente!;
  const curator = personas.curator!;
  const admin = personas.admin!;

  test('iemand beheert alleen het eigen account', () => {
    expect(can(base, 'account:manage', { userId: 'u' })).toBe(true);
    expect(can(base, 'account:manage', { userId: 'iemand-anders' })).toBe(false);
    expect(can(curator, 'account:view', { userId: 'iemand-anders' })).toBe(false);
  });

  test('een gemeente pitcht alleen voor de eigen gemeente, een werkgever biedt alleen namens de eigen organisatie aan', () => {
    expect(can(gemeente, 'pitch:create', { municipalityId: 'eigen-organisatie' })).toBe(true);
    expect(can(gemeente, 'pitch:create', { municipalityId: 'amsterdam' })).toBe(false);
    expect(can(base, 'offer:create', { employerId: 'eigen-organisatie' })).toBe(true);
    expect(can(base, 'offer:create', { employerId: 'postnl' })).toBe(false);
  });

  test('een curator bevestigt zichzelf niet; een beheerder geeft zichzelf geen andere rol', () => {
    expect(can(curator, 'member:verify', { userId: curator.userId })).toBe(false);
    expect(can(admin, 'role:assign', { userId: admin.userId })).toBe(false);
    expect(can(admin, 'role:assign', { userId: 'iemand-anders' })).toBe(true);
  });

  test('een netwerkpartner krijgt geen eigen e-maildomein; gemeenten en werkgevers wel', () => {
    expect(can(curator, 'organisation:set-domain', { kind: 'partner' })).toBe(false);
    expect(can(curator, 'organisation:set-domain', { kind: 'employer' })).toBe(true);
  });

  test('can vernauwt het type: na een ja is de actor ingelogd, zonder tweede controle', () => {
    const organisationThatMayPitch = (maybe: Actor | null) => {
      if (!can(maybe, 'pitch:create', { municipalityId: 'eigen-organisatie' })) return null;
      // Compiles only because `maybe` is narrowed to Actor here.
      return maybe.organisationId;
    };
    expect(organisationThatMayPitch(gemeente)).toBe('eigen-organisatie');
    expect(organisationThatMayPitch(null)).toBeNull();
    expect(organisationThatMayPitch(base)).toBeNull();
  });
});
