/** The permission matrix: every persona × every action, written out so a change shows up here. */
import { describe, expect, test } from 'vitest';
import { actions, can, personaOf, type Action, type Actor, type Persona } from '../../src/domain/policy.ts';

const base: Actor = {
  userId: 'u',
  role: 'member',
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
        expect(can(actor, action)).toBe(matrix[action][persona]);
      });
    }
  }

  test('zonder bevestigd e-mailadres geen beheer, pitch of aanbod', () => {
    for (const persona of ['curator', 'admin', 'gemeente', 'werkgever'] as const) {
      const actor = { ...personas[persona]!, emailVerified: false };
      for (const action of ['curation:view', 'role:assign', 'pitch:create', 'offer:create'] as const) expect(can(actor, action)).toBe(false);
    }
  });

  test('een werkgever van een nog onbevestigde organisatie mag (nog) niets aanbieden, ook niet met bevestigd lidmaatschap', () => {
    const actor = { ...base, organisationVerified: false };
    expect(personaOf(actor)).toBe('werkgever-onbevestigd');
    expect(can(actor, 'offer:create')).toBe(false);
  });

  test('een werkgever zonder bevestigd lidmaatschap mag niet namens een bevestigde werkgever aanbieden', () => {
    expect(can({ ...base, membershipVerified: false, organisationVerified: true }, 'offer:create')).toBe(false);
    expect(can({ ...base, membershipVerified: true, organisationVerified: true }, 'offer:create')).toBe(true);
  });
});
