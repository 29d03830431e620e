/** Turns the signed-in user and organisation (from the session) into a policy Actor. */
import type { OrganisationRow } from '../../db/schema.ts';
import type { UserView } from '../auth/session.ts';
import type { Actor } from '../domain/policy.ts';

export function actorFrom(user: UserView, organisation: OrganisationRow): Actor {
  return {
    userId: user.id,
    role: user.role,
    organisationKind: organisation.kind,
    emailVerified: user.emailVerifiedAt !== null,
    membershipVerified: user.membershipVerifiedAt !== null,
    organisationVerified: organisation.verifiedAt !== null,
  };
}
