/**
 * What waits for a curator, with what waits on each decision: the members and proposed
 * employers of the curation lists (accounts/curation-queues.ts) together with their offers that
 * the municipality cannot see yet (marketplace/waiting-offers.ts). The curators' pages use it
 * for the cards, the counts on Mijn account and Beheer, and the room's list on a live session's
 * page. The policy is asked by the accounts queries ('curation:view'); null: not for this person.
 */
import type { Deps } from '#platform/context.ts';
import { clock } from '#platform/context.ts';
import type { Actor } from '#domain/policy.ts';
import { pendingMembers, pendingOrganisations } from '#features/accounts/curation-queues.ts';
import { curatorAlertStatements, waitingApplicant } from '#features/accounts/curator-alert.ts';
import { waitingOffersOf, type WaitingOffer } from '#features/marketplace/waiting-offers.ts';

type Member = NonNullable<Awaited<ReturnType<typeof pendingMembers>>>[number];
type Employer = NonNullable<Awaited<ReturnType<typeof pendingOrganisations>>>[number];

/** A waiting person with the offers that wait for them. */
export type QueuedMember = Member & { waitingOffers: WaitingOffer[] };
/** A proposed employer with the offers that wait for it. */
export type QueuedEmployer = Employer & { waitingOffers: WaitingOffer[] };

export interface CurationQueue {
  members: QueuedMember[];
  employers: QueuedEmployer[];
  /** Everyone who waits: members plus proposed employers (one card each). */
  waiting: number;
  /** Of those, how many hold back an offer on a pitch. */
  withOffers: number;
}

/** The curation lists with their waiting offers; with `pitchIds`, only who holds back an offer on those pitches. */
export async function curationQueue(deps: Deps, actor: Actor | null, pitchIds?: readonly string[]): Promise<CurationQueue | null> {
  const members = await pendingMembers(deps, actor);
  const employers = await pendingOrganisations(deps, actor);
  if (!members || !employers) return null;
  const offers = await waitingOffersOf(deps.db, { userIds: members.map((m) => m.id), organisationIds: employers.map((e) => e.id) }, pitchIds);
  const queuedMembers = members
    .map((m) => ({ ...m, waitingOffers: offers.filter((o) => o.authorId === m.id && o.employerId === m.organisationId) }))
    .filter((m) => !pitchIds || m.waitingOffers.length > 0);
  const queuedEmployers = employers.map((e) => ({ ...e, waitingOffers: offers.filter((o) => o.employerId === e.id) })).filter((e) => !pitchIds || e.waitingOffers.length > 0);
  const all = [...queuedMembers, ...queuedEmployers];
  return { members: queuedMembers, employers: queuedEmployers, waiting: all.length, withOffers: all.filter((x) => x.waitingOffers.length > 0).length };
}

/**
 * Tells the curators (one mail each, joined with others in the next minute) that this person
 * now waits for them, with the pitches their waiting offers are on. Does nothing when the
 * person is not in a curator's list (confirmed by domain, already decided, or rejected).
 */
export async function alertCurators(deps: Deps, userId: string): Promise<void> {
  const { db } = deps;
  const applicant = await waitingApplicant(db, userId);
  if (!applicant) return;
  const pitchTitles = (await waitingOffersOf(db, { userIds: [userId] })).map((o) => o.pitchTitle);
  const statements = await curatorAlertStatements(db, deps.origin, { ...applicant, pitchTitles }, clock(deps));
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
}
