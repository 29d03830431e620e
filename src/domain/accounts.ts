/**
 * The account vocabulary, defined once: kinds of organisation and roles. The database schema,
 * the policy and the interface texts all derive from these lists.
 */

export const organisationKinds = ['municipality', 'employer', 'partner'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Kinds a person can register with (partners are the network's own organisations). */
export const registrableKinds = ['municipality', 'employer'] as const satisfies readonly OrganisationKind[];
export type RegistrableKind = (typeof registrableKinds)[number];

export const roles = ['member', 'curator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** How a membership came to count: the address is at the organisation's domain, or a curator looked. */
export const membershipVerifiers = ['domain', 'curator'] as const;
export type MembershipVerifier = (typeof membershipVerifiers)[number];

/** Dutch names, for pages, e-mail and the export. */
export const organisationKindLabel: Record<OrganisationKind, string> = {
  municipality: 'gemeente',
  employer: 'werkgever',
  // Not "netwerkpartner": the sources name these organisations, they are no partners of the network behind the site.
  partner: 'andere organisatie',
};

export const roleLabel: Record<Role, string> = {
  member: 'lid',
  curator: 'curator',
  admin: 'beheerder',
};
