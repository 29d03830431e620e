/** Policy actors for integration tests: a signed-in person as the middleware would see them, and a curator. */
import { eq } from 'drizzle-orm';
import { organisations, users } from '#db/schema.ts';
import { actorFrom } from '#features/accounts/actor.ts';
import { can, type Actor } from '#domain/policy.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { registeredUser, type TestDb } from './helpers.ts';

/** The actor for an account, read fresh from the database. */
export async function actorOf(t: TestDb, email: string) {
  const [row] = await t.handle.db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email))
    .limit(1);
  if (!row) throw new Error(`geen account ${email}`);
  return actorFrom(row.user, row.organisation);
}

/** A registered, confirmed curator (role given on the command line), not waiting in any list. */
export async function curatorActor(t: TestDb, email = 'curator@netwerk.nl') {
  const user = await registeredUser(t, email);
  await assignRole(t.deps(), 'cli', email, 'curator');
  await t.handle.db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.id, user.id));
  return actorOf(t, email);
}

/** May this person offer help on behalf of their own employer? */
export const mayOfferForOwnEmployer = (actor: Actor) => can(actor, 'offer:create', { employerId: actor.organisationId });

/** May this person pitch for their own municipality? */
export const mayPitchForOwnMunicipality = (actor: Actor) => can(actor, 'pitch:create', { municipalityId: actor.organisationId });
