/**
 * Home of permissions: "may this actor do this?", answered in one place and called inside
 * every action and on-demand page (never by matching URL paths). Tested as a matrix of
 * roles × actions. Pitches and offers (later issues) add their actions here.
 */

export interface Actor {
  userId: string;
  role: 'member' | 'curator' | 'admin';
  organisationKind: 'municipality' | 'employer' | 'partner';
  emailVerified: boolean;
  /** Members of a municipality or an employer: verified by the organisation's domain or by a curator. */
  membershipVerified: boolean;
  /** Employers proposed at registration: verified by a curator. */
  organisationVerified: boolean;
}

export const actions = [
  'account:view',
  'account:manage',
  'curation:view',
  'member:verify',
  'organisation:verify',
  'organisation:set-domain',
  'role:assign',
  'pitch:create',
  'offer:create',
] as const;
export type Action = (typeof actions)[number];

/** The roles people recognise, derived from role and organisation; used in tests and on pages. */
export type Persona = 'bezoeker' | 'werkgever-onbevestigd' | 'werkgever' | 'gemeente-onbevestigd' | 'gemeente' | 'curator' | 'admin';

export function personaOf(actor: Actor | null): Persona {
  if (!actor) return 'bezoeker';
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'curator') return 'curator';
  if (actor.organisationKind === 'municipality') return actor.membershipVerified ? 'gemeente' : 'gemeente-onbevestigd';
  return actsForOrganisation(actor) ? 'werkgever' : 'werkgever-onbevestigd';
}

/**
 * May this person act for their organisation (DESIGN.md §1)? Only once the membership is
 * verified (by domain or curator) and the organisation itself is (a proposed employer waits
 * for a curator). Until then they can read and prepare.
 */
function actsForOrganisation(actor: Actor): boolean {
  return actor.membershipVerified && actor.organisationVerified;
}

const isStaff = (actor: Actor) => actor.role === 'curator' || actor.role === 'admin';

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  switch (action) {
    case 'account:view':
    case 'account:manage':
      return true;
    case 'curation:view':
    case 'member:verify':
    case 'organisation:verify':
    case 'organisation:set-domain':
      return isStaff(actor) && actor.emailVerified;
    case 'role:assign':
      return actor.role === 'admin' && actor.emailVerified;
    case 'pitch:create':
      return actor.organisationKind === 'municipality' && actsForOrganisation(actor) && actor.emailVerified;
    case 'offer:create':
      return actor.organisationKind === 'employer' && actsForOrganisation(actor) && actor.emailVerified;
  }
}
