/**
 * Home of the employer's side of offers ("Ik doe mee"): make one, edit or withdraw it until
 * accepted. What employers see lives in offer-views.ts, the release of offers that waited for
 * verification in offer-release.ts.
 * Every decision asks the policy with the loaded record; every status comes from the offer
 * lifecycle; every change goes in one batch with its audit entry and the mail to the other side.
 * One offer per employer organisation per pitch is the database's partial unique index: two
 * requests at the same moment both pass every check, and the index lets only one write. An offer
 * that waits for verification does not take that place (joinedOfferStatuses in the lifecycle).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { offers } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { isUniqueViolation } from '#platform/database/errors.ts';
import { batchUnlessStale, nextVersion } from '#platform/database/versioned-write.ts';
import { offerChangedMessage, offerReceivedMessage } from '#platform/mail/offer-messages.ts';
import { joinedOfferStatuses, startOffer, transition, type OfferRefusal, type OfferStatus } from '#domain/offer-lifecycle.ts';
import { can, notAllowed, pitchVisibleTo, type Actor, type NotAllowed } from '#domain/policy.ts';
import { curatorAlertStatements, waitingApplicant } from '#features/accounts/curator-alert.ts';
import type { OfferInput } from './offer-input.ts';
import { mailContext, mailTo, pitchOwners } from './offer-mail.ts';
import { loadOffer, loadOfferPitch, notFound, offerSubject, type NotFound } from './offer-records.ts';

type Statement = BatchItem<'sqlite'>;
type Statements = [Statement, ...Statement[]];

/** The columns an offer form writes. */
const formColumns = (input: OfferInput) => ({
  helpKinds: input.helpKinds,
  places: input.places,
  startsOn: input.startsOn,
  support: input.support,
  message: input.message,
  showName: input.showName,
});

export type CreateOfferResult =
  | { ok: true; offerId: string; status: OfferStatus }
  | NotAllowed
  | NotFound
  | { ok: false; reason: 'pitch-not-accepting-offers' | 'duplicate' }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** Test seams: called just before the write, so a test can make two requests meet there. */
export interface WriteHooks {
  beforeWrite?: () => Promise<void>;
}

/**
 * Makes an offer for the actor's own employer. A person who acts for the employer (address,
 * membership and organisation verified: 'offer:create') makes an offer the owner sees at once;
 * a member who is not verified yet ('offer:prepare') makes one that waits, visible only to them
 * as "wacht op bevestiging", until releaseWaitingOffers (offer-release.ts) moves it on.
 */
export async function createOffer(deps: Deps, actor: Actor | null, pitchId: string, input: OfferInput, hooks: WriteHooks = {}): Promise<CreateOfferResult> {
  const { db } = deps;
  const now = clock(deps);
  const pitch = await loadOfferPitch(db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return notFound;
  if (!actor) return notAllowed;
  const employer = { employerId: actor.organisationId };
  const verified = can(actor, 'offer:create', employer);
  if (!verified && !can(actor, 'offer:prepare', employer)) return notAllowed;

  const start = startOffer(pitch, { verified }, new Date(now));
  if (!start.ok) return start;
  // A waiting offer beside the employer's own offer could never be released: say so now. (Should
  // a colleague's offer arrive between this read and the write, the release supersedes it.)
  if (start.status === 'waiting-for-verification' && (await employerHasOffer(db, pitchId, actor.organisationId))) return { ok: false, reason: 'duplicate' };
  const limit = await consume(db, 'offerCreateAccount', actor.userId, now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };

  const offerId = newId();
  const statements: Statements = [
    db.insert(offers).values({ id: offerId, pitchId, employerId: actor.organisationId, authorId: actor.userId, status: start.status, ...formColumns(input), createdAt: now, updatedAt: now }),
    audit(db, { actorUserId: actor.userId, action: 'offer.created', subjectType: 'offer', subjectId: offerId, detail: { pitchId, status: start.status } }, now),
  ];
  // A waiting offer is not the owner's business yet: they hear of it once it is released.
  if (start.status === 'offered') {
    const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId)).limit(1);
    const context = mailContext(deps.origin, pitch, org?.name ?? '');
    const owners = await pitchOwners(db, pitch);
    statements.push(...mailTo(db, owners.map((o) => ({ message: offerReceivedMessage(o.email, o.name, context, input.helpKinds), userId: o.userId })), now));
  } else {
    // The offer waits for a curator: if the person is already in a curator's list, the curators
    // hear (in their next joined mail) that an offer now waits on their decision too.
    const applicant = actor.emailVerified ? await waitingApplicant(db, actor.userId) : null;
    if (applicant) statements.push(...(await curatorAlertStatements(db, deps.origin, { ...applicant, pitchTitles: [pitch.title] }, now)));
  }
  await hooks.beforeWrite?.();
  try {
    await db.batch(statements);
  } catch (error) {
    // A colleague (or a second tab) made this employer's offer a moment ago, or this person's own
    // waiting offer exists: one of the two indexes decided.
    if (isUniqueViolation(error)) return { ok: false, reason: 'duplicate' };
    throw error;
  }
  return { ok: true, offerId, status: start.status };
}

/** Does the employer have its one offer on this pitch (offered, shortlisted or accepted)? */
export async function employerHasOffer(db: Database, pitchId: string, employerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.pitchId, pitchId), eq(offers.employerId, employerId), inArray(offers.status, joinedOfferStatuses)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The statements that store a waiting offer for a person who registers in the same form
 * (register-in-flow): they join the batch that creates the account, so account and offer are
 * written together or not at all. The insert is conditional instead of tripping the unique
 * index, because a failed batch would read as "this address already has an account".
 */
export function waitingOfferStatements(db: Database, pitchId: string, input: OfferInput, who: { userId: string; organisationId: string }, now: number): Statement[] {
  const offerId = newId();
  return [
    db.run(sql`insert into ${offers} (id, pitch_id, employer_id, author_id, help_kinds, places, starts_on, support, message, show_name, status, version, demo, created_at, updated_at)
      select ${offerId}, ${pitchId}, ${who.organisationId}, ${who.userId}, ${JSON.stringify(input.helpKinds)}, ${input.places}, ${input.startsOn}, ${input.support}, ${input.message}, ${input.showName ? 1 : 0}, 'waiting-for-verification', 1, 0, ${now}, ${now}
      where not exists (select 1 from ${offers} where pitch_id = ${pitchId} and employer_id = ${who.organisationId} and status in (${sql.join(joinedOfferStatuses.map((s) => sql`${s}`), sql`, `)}))`),
    audit(db, { actorUserId: who.userId, action: 'offer.created', subjectType: 'offer', subjectId: offerId, detail: { pitchId, status: 'waiting-for-verification', with: 'registration' } }, now),
  ];
}

export type ChangeOfferResult = { ok: true; pitchId: string } | NotFound | { ok: false; reason: Exclude<OfferRefusal, 'pitch-not-accepting-offers'> | 'stale' };

/**
 * Changes an offer (edit) or takes it back (withdraw), by its author or a verified colleague,
 * until it is accepted. `version` is the one the form was shown with: if someone changed the
 * offer meanwhile (a colleague, or the owner answered) the change is refused as stale.
 */
async function changeOffer(deps: Deps, actor: Actor | null, offerId: string, version: number, event: 'edit' | 'withdraw', input?: OfferInput): Promise<ChangeOfferResult> {
  const { db } = deps;
  const now = clock(deps);
  const found = await loadOffer(db, offerId);
  // Not one's own: the same answer as for an offer that does not exist (404, not 403).
  if (!found || !can(actor, 'offer:manage', offerSubject(found.offer, found.pitch))) return notFound;
  const { offer, pitch, employerName } = found;
  const move = transition(offer, pitch, event, { by: 'employer' });
  if (!move.ok) return move;
  if (offer.version !== version) return { ok: false, reason: 'stale' };

  const statements: Statements = [
    db
      .update(offers)
      .set({ status: move.status, ...(input ? formColumns(input) : {}), version: nextVersion(offers.version, version), updatedAt: now })
      .where(eq(offers.id, offerId)),
    audit(db, { actorUserId: actor.userId, action: event === 'edit' ? 'offer.edited' : 'offer.withdrawn', subjectType: 'offer', subjectId: offerId, detail: { pitchId: pitch.id, from: offer.status, to: move.status } }, now),
  ];
  // The owner sees offers once they left the waiting room; only then is a change news to them.
  if (offer.status !== 'waiting-for-verification') {
    const context = mailContext(deps.origin, pitch, employerName);
    const owners = await pitchOwners(db, pitch);
    statements.push(...mailTo(db, owners.map((o) => ({ message: offerChangedMessage(o.email, o.name, context, event === 'edit' ? 'edited' : 'withdrawn'), userId: o.userId })), now));
  }
  // Changed between our read and our write: nothing of the batch was written.
  if (!(await batchUnlessStale(db, statements))) return { ok: false, reason: 'stale' };
  return { ok: true, pitchId: pitch.id };
}

/** Edits an offer until it is accepted; see changeOffer. */
export function editOffer(deps: Deps, actor: Actor | null, offerId: string, version: number, input: OfferInput) {
  return changeOffer(deps, actor, offerId, version, 'edit', input);
}

/** Withdraws an offer until it is accepted; see changeOffer. */
export function withdrawOffer(deps: Deps, actor: Actor | null, offerId: string, version: number) {
  return changeOffer(deps, actor, offerId, version, 'withdraw');
}

