/** Turns the signed-in user and organisation (from the session) into a policy Actor. */
import type { OrganisationRow } from '#db/schema.ts';
import type { UserView } from '#platform/auth/session.ts';
import type { Actor } from '#domain/policy.ts';

type ActorUser = Pick<UserView, 'id' | 'role' | 'organisationId' | 'emailVerifiedAt' | 'membershipVerifiedAt'>;

export function actorFrom(user: ActorUser, organisation: Pick<OrganisationRow, 'kind' | 'verifiedAt'>): Actor {
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: organisation.kind,
    emailVerified: user.emailVerifiedAt !== null,
    membershipVerified: user.membershipVerifiedAt !== null,
    organisationVerified: organisation.verifiedAt !== null,
  };
}
