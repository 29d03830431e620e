/** The permission matrix: every persona × every action (on their own records), then ownership. */
import { describe, expect, test } from 'vitest';
import { actions, activityVisibleTo, can, personaOf, pitchVisibleTo, type Action, type Actor, type Persona, type PolicySubjects } from '#domain/policy.ts';

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
  'offer:prepare': { employerId: 'eigen-organisatie' },
  'pitch:view': { status: 'submitted', municipalityId: 'eigen-organisatie' },
  'pitch:edit': { status: 'draft', municipalityId: 'eigen-organisatie' },
  'pitch:moderate': { status: 'submitted', municipalityId: 'elders' },
  'pitch:answer-offers': { status: 'published', municipalityId: 'eigen-organisatie' },
  'offer:view': { employerId: 'eigen-organisatie', authorId: 'iemand-anders', pitchMunicipalityId: 'eigen-organisatie' },
  'offer:manage': { employerId: 'eigen-organisatie', authorId: 'iemand-anders', pitchMunicipalityId: 'elders' },
  'curation:undo': { decidedBy: 'u' },
  'suggestion:view': undefined,
  'suggestion:handle': undefined,
  // Publishing
  'content:publish': undefined,
  // From pitch to story: a closed pitch of another municipality.
  'pitch:draft-story': { status: 'closed', municipalityId: 'elders' },
  // Live pitch session.
  'live:run': undefined,
  // Outcome follow-up
  'pitch:report-outcome': { status: 'closed', municipalityId: 'eigen-organisatie' },
  // Activity calendar: submitted for one's own organisation by a colleague.
  'activity:create': undefined,
  'activity:view': { status: 'submitted', organisationId: 'eigen-organisatie', submitterId: 'iemand-anders' },
  'activity:edit': { status: 'submitted', organisationId: 'eigen-organisatie', submitterId: 'iemand-anders' },
  'activity:moderate': { status: 'submitted', organisationId: 'elders', submitterId: 'iemand-anders' },
  // Follow and be told:
  'follow:manage': { userId: 'u', pitch: { status: 'published', municipalityId: 'elders' } },
  // Content editor
  'content:edit': undefined,
  // Matchmaking: one's own municipality's published pitch, one's own employer.
  'pitch:see-suggestions': { status: 'published', municipalityId: 'eigen-organisatie' },
  'pitch:invite': { status: 'published', municipalityId: 'eigen-organisatie' },
  'employer:view-profile': { organisationId: 'eigen-organisatie' },
  'employer:edit-profile': { organisationId: 'eigen-organisatie' },
  'employer:see-matching-pitches': { organisationId: 'eigen-organisatie' },
  'curation:broker': undefined,
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
  'offer:prepare':           { bezoeker: N, 'werkgever-onbevestigd': Y, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: N },
  'pitch:view':              { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: Y, admin: Y },
  'pitch:edit':              { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  'pitch:moderate':          { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'pitch:answer-offers':     { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  'offer:view':              { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  'offer:manage':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: N },
  'curation:undo':           { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'suggestion:view':         { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  'suggestion:handle':       { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  // Publishing
  'content:publish':         { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  // From pitch to story:
  'pitch:draft-story':       { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  // Live pitch session.
  'live:run':                { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  // Outcome follow-up
  'pitch:report-outcome':    { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  // Activity calendar.
  'activity:create':         { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: Y, curator: Y, admin: Y },
  'activity:view':           { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: Y, curator: Y, admin: Y },
  'activity:edit':           { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  'activity:moderate':       { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  // Follow and be told:
  'follow:manage':           { bezoeker: N, 'werkgever-onbevestigd': Y, werkgever: Y, 'gemeente-onbevestigd': Y, gemeente: Y, curator: Y, admin: Y },
  // Content editor
  'content:edit':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
  // Matchmaking
  'pitch:see-suggestions':   { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: Y, admin: Y },
  'pitch:invite':            { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: Y, curator: N, admin: N },
  'employer:view-profile':   { bezoeker: N, 'werkgever-onbevestigd': Y, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: N },
  'employer:edit-profile':   { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: N },
  'employer:see-matching-pitches': { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: Y, 'gemeente-onbevestigd': N, gemeente: N, curator: N, admin: N },
  'curation:broker':         { bezoeker: N, 'werkgever-onbevestigd': N, werkgever: N, 'gemeente-onbevestigd': N, gemeente: N, curator: Y, admin: Y },
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

  test('alleen wie besloot, maakt een besluit ongedaan (een collega niet)', () => {
    expect(can(curator, 'curation:undo', { decidedBy: curator.userId })).toBe(true);
    expect(can(curator, 'curation:undo', { decidedBy: 'collega-curator' })).toBe(false);
    expect(can(curator, 'curation:undo', { decidedBy: null })).toBe(false);
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

  test('pitches: een gepubliceerde of gesloten pitch ziet iedereen; een concept alleen de eigen gemeente, niet de curator', () => {
    for (const status of ['published', 'closed'] as const) expect(pitchVisibleTo(null, { status, municipalityId: 'zaanstad' })).toBe(true);
    for (const status of ['draft', 'submitted', 'changes-requested', 'rejected'] as const) expect(pitchVisibleTo(null, { status, municipalityId: 'zaanstad' })).toBe(false);
    expect(can(base, 'pitch:view', { status: 'published', municipalityId: 'zaanstad' })).toBe(true);
    expect(can(gemeente, 'pitch:view', { status: 'draft', municipalityId: 'eigen-organisatie' })).toBe(true);
    expect(can(curator, 'pitch:view', { status: 'draft', municipalityId: 'eigen-organisatie' })).toBe(false);
    expect(can(curator, 'pitch:moderate', { status: 'draft', municipalityId: 'eigen-organisatie' })).toBe(false);
  });

  // Matchmaking
  test('voorstellen zien en uitnodigen: alleen de eigen gemeente; voorstellen alleen bij een openbare pitch; het profiel alleen de eigen, bevestigde werkgever', () => {
    const own = { status: 'published', municipalityId: 'eigen-organisatie' } as const;
    const other = { status: 'published', municipalityId: 'amsterdam' } as const;
    expect(can(gemeente, 'pitch:see-suggestions', other)).toBe(false);
    expect(can(gemeente, 'pitch:invite', other)).toBe(false);
    for (const status of ['draft', 'submitted', 'changes-requested', 'rejected'] as const) {
      expect(can(gemeente, 'pitch:see-suggestions', { ...own, status })).toBe(false);
      expect(can(curator, 'pitch:see-suggestions', { ...own, status })).toBe(false);
    }
    expect(can(gemeente, 'pitch:see-suggestions', { ...own, status: 'closed' })).toBe(true);
    // A member of an employer that happens to share the id never sees a municipality's suggestions.
    expect(can(base, 'pitch:see-suggestions', own)).toBe(false);
    expect(can(base, 'employer:edit-profile', { organisationId: 'postnl' })).toBe(false);
    expect(can(base, 'employer:view-profile', { organisationId: 'postnl' })).toBe(false);
    expect(can({ ...base, emailVerified: false }, 'employer:edit-profile', { organisationId: 'eigen-organisatie' })).toBe(false);
    expect(can({ ...base, organisationVerified: false }, 'employer:edit-profile', { organisationId: 'eigen-organisatie' })).toBe(false);
  });

  test('pitches voor u: alleen bevestigde leden van die werkgever; het makelaarsoverzicht alleen het netwerk met een bevestigd adres', () => {
    expect(can(base, 'employer:see-matching-pitches', { organisationId: 'postnl' })).toBe(false);
    // A municipality whose id happens to match is no employer.
    expect(can(gemeente, 'employer:see-matching-pitches', { organisationId: 'eigen-organisatie' })).toBe(false);
    expect(can({ ...base, emailVerified: false }, 'employer:see-matching-pitches', { organisationId: 'eigen-organisatie' })).toBe(false);
    expect(can({ ...base, organisationVerified: false }, 'employer:see-matching-pitches', { organisationId: 'eigen-organisatie' })).toBe(false);
    expect(can({ ...curator, emailVerified: false }, 'curation:broker')).toBe(false);
  });

  // Outcome follow-up
  test('resultaat doorgeven: alleen de eigen gemeente, alleen als de pitch gesloten is', () => {
    expect(can(gemeente, 'pitch:report-outcome', { status: 'closed', municipalityId: 'amsterdam' })).toBe(false);
    for (const status of ['draft', 'submitted', 'changes-requested', 'published', 'rejected'] as const) {
      expect(can(gemeente, 'pitch:report-outcome', { status, municipalityId: 'eigen-organisatie' })).toBe(false);
    }
    expect(can({ ...gemeente, emailVerified: false }, 'pitch:report-outcome', { status: 'closed', municipalityId: 'eigen-organisatie' })).toBe(false);
  });

  test('pitches: een collega van een andere gemeente schrijft of beantwoordt niets', () => {
    expect(can(gemeente, 'pitch:edit', { status: 'draft', municipalityId: 'amsterdam' })).toBe(false);
    expect(can(gemeente, 'pitch:answer-offers', { status: 'published', municipalityId: 'amsterdam' })).toBe(false);
    expect(can(gemeente, 'pitch:view', { status: 'submitted', municipalityId: 'amsterdam' })).toBe(false);
  });

  test('aanbod: werkgevers zien elkaars aanbod niet; de auteur van een wachtend aanbod beheert het zelf', () => {
    const otherEmployer = { employerId: 'ander-bedrijf', authorId: 'iemand-anders', pitchMunicipalityId: 'zaanstad' };
    expect(can(base, 'offer:view', otherEmployer)).toBe(false);
    expect(can(base, 'offer:manage', otherEmployer)).toBe(false);
    const waiting = { ...base, membershipVerified: false };
    const ownWaiting = { employerId: 'eigen-organisatie', authorId: 'u', pitchMunicipalityId: 'zaanstad' };
    expect(can(waiting, 'offer:manage', ownWaiting)).toBe(true);
    expect(can(waiting, 'offer:view', ownWaiting)).toBe(true);
    expect(can(waiting, 'offer:create', { employerId: 'eigen-organisatie' })).toBe(false);
    expect(can(waiting, 'offer:prepare', { employerId: 'eigen-organisatie' })).toBe(true);
    expect(can(waiting, 'offer:prepare', { employerId: 'postnl' })).toBe(false);
  });
});

// From pitch to story:
describe('van pitch naar verhaal', () => {
  test('ook de eigen gemeente maakt van haar pitch geen concept-praktijkvoorbeeld; een curator zonder bevestigd e-mailadres ook niet', () => {
    const closedOwn = { status: 'closed', municipalityId: 'eigen-organisatie' } as const;
    expect(can(personas.gemeente, 'pitch:draft-story', closedOwn)).toBe(false);
    expect(can(personas.curator, 'pitch:draft-story', closedOwn)).toBe(true);
    expect(can({ ...personas.curator!, emailVerified: false }, 'pitch:draft-story', closedOwn)).toBe(false);
  });
});

describe('activiteiten: het beleid kijkt naar het record', () => {
  const werkgever = personas.werkgever!;
  const curator = personas.curator!;
  const own = { status: 'submitted' as const, organisationId: 'eigen-organisatie', submitterId: 'u' };

  test('gepubliceerd en geannuleerd ziet iedereen; ingediend, teruggestuurd en afgewezen alleen de indienende kant en curatoren', () => {
    for (const status of ['published', 'cancelled'] as const) expect(activityVisibleTo(null, { ...own, status })).toBe(true);
    for (const status of ['submitted', 'changes-requested', 'rejected'] as const) {
      expect(activityVisibleTo(null, { ...own, status })).toBe(false);
      expect(activityVisibleTo(werkgever, { ...own, status })).toBe(true);
      expect(activityVisibleTo(curator, { ...own, status })).toBe(true);
      expect(activityVisibleTo(werkgever, { status, organisationId: 'ander-bedrijf', submitterId: 'iemand-anders' })).toBe(false);
    }
  });

  test('een andere organisatie wijzigt niets; een curator die zelf indiende wel het eigen', () => {
    expect(can(werkgever, 'activity:edit', { ...own, organisationId: 'ander-bedrijf', submitterId: 'iemand-anders' })).toBe(false);
    expect(can(werkgever, 'activity:edit', own)).toBe(true);
    expect(can(curator, 'activity:edit', { ...own, organisationId: 'eigen-organisatie', submitterId: curator.userId })).toBe(true);
    // A curator's network organisation is no organiser's side: colleagues there do not edit each other's.
    expect(can(curator, 'activity:edit', { ...own, organisationId: curator.organisationId, submitterId: 'collega-curator' })).toBe(false);
  });

  test('wie niet meer bevestigd is, wijzigt ook de eigen activiteit niet meer', () => {
    expect(can({ ...werkgever, membershipVerified: false }, 'activity:edit', own)).toBe(false);
    expect(can({ ...werkgever, emailVerified: false }, 'activity:create')).toBe(false);
  });
});

// Follow and be told:
describe('volgen: alleen de eigen volglijst, alleen openbare pitches', () => {
  test('niemand beheert wat een ander volgt', () => {
    expect(can(base, 'follow:manage', { userId: 'u' })).toBe(true);
    expect(can(base, 'follow:manage', { userId: 'iemand-anders' })).toBe(false);
    expect(can(personas.admin, 'follow:manage', { userId: 'iemand-anders' })).toBe(false);
  });

  test('een pitch volgen kan alleen als hij openbaar is, ook voor de eigen gemeente', () => {
    const gemeente = personas.gemeente!;
    for (const status of ['published', 'closed'] as const) expect(can(gemeente, 'follow:manage', { userId: 'u', pitch: { status, municipalityId: 'eigen-organisatie' } })).toBe(true);
    for (const status of ['draft', 'submitted', 'changes-requested', 'rejected'] as const) {
      expect(can(gemeente, 'follow:manage', { userId: 'u', pitch: { status, municipalityId: 'eigen-organisatie' } })).toBe(false);
    }
  });
});
