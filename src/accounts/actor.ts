/** Turns the signed-in user and organisation (from the session) into a policy Actor. */
import type { OrganisationRow, UserRow } from '../../db/schema.ts';
import type { Actor } from '../domain/policy.ts';

export function actorFrom(user: UserRow, organisation: OrganisationRow): Actor {
  return {
    userId: user.id,
    role: user.role,
    organisationKind: organisation.kind,
    emailVerified: user.emailVerifiedAt !== null,
    membershipVerified: user.membershipVerifiedAt !== null,
    organisationVerified: organisation.verifiedAt !== null,
  };
}
