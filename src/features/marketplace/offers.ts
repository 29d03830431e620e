/**
 * Home of the employer's side of offers ("Ik doe mee"): make one, edit or
 * withdraw it until accepted, list one's own, and release offers that waited for verification.
 * Every decision asks the policy with the loaded record; every status comes from the offer
 * lifecycle; every change goes in one batch with its audit entry and the mail to the other side.
 * One live offer per employer organisation per pitch is the database's partial unique index:
 * two requests at the same moment both pass every check, and the index lets only one write.
 */
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { offers, pitches, type OfferRow, type PitchRow } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { clock, databaseErrorText, isUniqueViolation, type Deps } from '#platform/context.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import {
  availableOfferEvents,
  startOffer,
  transition,
  type OfferEvent,
  type OfferRefusal,
  type OfferStatus,
} from '#domain/offer-lifecycle.ts';
import { effectiveStatus, type PitchStatus } from '#domain/pitch-lifecycle.ts';
import { can, notAllowed, pitchVisibleTo, type Actor, type NotAllowed, type OfferSubject } from '#domain/policy.ts';
import { enqueueMail, type MailMessage } from '#platform/mail/outbox.ts';
import { offerChangedMessage, offerReceivedMessage, offerReleasedMessage, type OfferMailContext } from '#platform/mail/offer-messages.ts';
import type { OfferInput } from './offer-input.ts';

type Statement = BatchItem<'sqlite'>;
type Statements = [Statement, ...Statement[]];

export const notFound = { ok: false, reason: 'not-found' } as const;
export type NotFound = typeof notFound;

/** The pitch columns offers need (never the contact details for employers' pages). */
export type OfferPitch = Pick<PitchRow, 'id' | 'title' | 'area' | 'status' | 'closingDate' | 'municipalityId' | 'authorId' | 'contactName' | 'contactEmail' | 'version' | 'outcome' | 'peoplePlaced'> & {
  municipalityName: string;
};

/** A pitch by id with its municipality's name, or undefined. */
export async function loadPitch(db: Database, pitchId: string): Promise<OfferPitch | undefined> {
  const [row] = await db
    .select({
      id: pitches.id,
      title: pitches.title,
      area: pitches.area,
      status: pitches.status,
      closingDate: pitches.closingDate,
      municipalityId: pitches.municipalityId,
      authorId: pitches.authorId,
      contactName: pitches.contactName,
      contactEmail: pitches.contactEmail,
      version: pitches.version,
      outcome: pitches.outcome,
      peoplePlaced: pitches.peoplePlaced,
      municipalityName: organisations.name,
    })
    .from(pitches)
    .innerJoin(organisations, eq(organisations.id, pitches.municipalityId))
    .where(eq(pitches.id, pitchId))
    .limit(1);
  return row;
}

/** An offer with what the policy and the mail need: its pitch and its employer's name. */
export async function loadOffer(db: Database, offerId: string) {
  const [row] = await db
    .select({ offer: offers, employerName: organisations.name })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(eq(offers.id, offerId))
    .limit(1);
  if (!row) return undefined;
  const pitch = await loadPitch(db, row.offer.pitchId);
  return pitch ? { ...row, pitch } : undefined;
}

/** The policy's view of an offer. */
export const offerSubject = (offer: Pick<OfferRow, 'employerId' | 'authorId'>, pitch: Pick<PitchRow, 'municipalityId'>): OfferSubject => ({
  employerId: offer.employerId,
  authorId: offer.authorId,
  pitchMunicipalityId: pitch.municipalityId,
});

export const mailContext = (origin: string, pitch: Pick<PitchRow, 'id' | 'title'>, employerName: string): OfferMailContext => ({
  origin,
  pitchId: pitch.id,
  pitchTitle: pitch.title,
  employerName,
});

/**
 * Who hears about offers on a pitch: its author (while the account exists) and its contact
 * person, once each. The contact address was typed by a verified member of the municipality.
 */
export async function pitchOwners(db: Database, pitch: Pick<PitchRow, 'authorId' | 'contactEmail' | 'contactName'>) {
  // Only the author's confirmed address: the contact address on a pitch is typed freely, so
  // mailing it would let anyone point the site's mail at a stranger. Colleagues see offers on
  // the site.
  const recipients: { email: string; name: string; userId: string | null }[] = [];
  if (pitch.authorId) {
    const [author] = await db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(and(eq(users.id, pitch.authorId), isNotNull(users.emailVerifiedAt)))
      .limit(1);
    if (author) recipients.push({ email: author.email, name: author.name, userId: author.id });
  }
  return recipients;
}

/** The author of an offer, to tell about answers (none once the account is deleted). */
export async function offerAuthor(db: Database, authorId: string | null) {
  if (!authorId) return undefined;
  // Never to an address nobody confirmed (anyone can type a stranger's address when registering in the flow).
  const [author] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, authorId), isNotNull(users.emailVerifiedAt)))
    .limit(1);
  return author;
}

const mailTo = (db: Database, messages: { message: MailMessage; userId: string | null }[], now: number) =>
  messages.map(({ message, userId }) => enqueueMail(db, { ...message, userId }, now));

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
 * as "wacht op bevestiging", until releaseWaitingOffers moves it on.
 */
export async function createOffer(deps: Deps, actor: Actor | null, pitchId: string, input: OfferInput, hooks: WriteHooks = {}): Promise<CreateOfferResult> {
  const { db } = deps;
  const now = clock(deps);
  const pitch = await loadPitch(db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return notFound;
  if (!actor) return notAllowed;
  const employer = { employerId: actor.organisationId };
  const verified = can(actor, 'offer:create', employer);
  if (!verified && !can(actor, 'offer:prepare', employer)) return notAllowed;

  const start = startOffer(pitch, { verified }, new Date(now));
  if (!start.ok) return start;
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
  }
  await hooks.beforeWrite?.();
  try {
    await db.batch(statements);
  } catch (error) {
    // A colleague (or a second tab) made this employer's offer a moment ago: the index decided.
    if (isUniqueViolation(error)) return { ok: false, reason: 'duplicate' };
    throw error;
  }
  return { ok: true, offerId, status: start.status };
}

/**
 * The statements that store a waiting offer for a person who registers in the same form
 * (register-in-flow): they join the batch that creates the account, so account and offer are
 * written together or not at all. The insert is conditional instead of tripping the unique
 * index, because a failed batch would read as "this address already has an account".
 */
export function waitingOfferStatements(db: Database, pitchId: string, input: OfferInput, who: { userId: string; organisationId: string }, now: number): Statement[] {
  const offerId = newId();
  const live = ['waiting-for-verification', 'offered', 'shortlisted', 'accepted'];
  return [
    db.run(sql`insert into ${offers} (id, pitch_id, employer_id, author_id, help_kinds, places, starts_on, support, message, show_name, status, version, demo, created_at, updated_at)
      select ${offerId}, ${pitchId}, ${who.organisationId}, ${who.userId}, ${JSON.stringify(input.helpKinds)}, ${input.places}, ${input.startsOn}, ${input.support}, ${input.message}, ${input.showName ? 1 : 0}, 'waiting-for-verification', 1, 0, ${now}, ${now}
      where not exists (select 1 from ${offers} where pitch_id = ${pitchId} and employer_id = ${who.organisationId} and status in (${sql.join(live.map((s) => sql`${s}`), sql`, `)}))`),
    audit(db, { actorUserId: who.userId, action: 'offer.created', subjectType: 'offer', subjectId: offerId, detail: { pitchId, status: 'waiting-for-verification', with: 'registration' } }, now),
  ];
}

/** Does this employer already have a live offer on this pitch? (For a clear message before registering.) */
export async function employerHasLiveOffer(db: Database, pitchId: string, employerId: string): Promise<boolean> {
  const rows = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.pitchId, pitchId), eq(offers.employerId, employerId), inArray(offers.status, ['waiting-for-verification', 'offered', 'shortlisted', 'accepted'])))
    .limit(1);
  return rows.length > 0;
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

/** One line of "Mijn aanbod". */
export interface MyOffer {
  offer: OfferRow;
  employerName: string;
  pitch: { id: string; title: string; status: PitchStatus; municipalityName: string };
  /** edit / withdraw, where the lifecycle still allows them. */
  moves: OfferEvent[];
}

/**
 * The offers a person may see as the employer's side: their own, and (once they act for the
 * employer) their colleagues' for the same employer. Newest first.
 */
export async function myOffers(deps: Deps, actor: Actor | null): Promise<MyOffer[] | null> {
  if (!actor || !can(actor, 'account:view', { userId: actor.userId })) return null;
  const { db } = deps;
  const now = new Date(clock(deps));
  const rows = await db
    .select({ offer: offers, employerName: organisations.name, pitch: pitches, municipalityName: sql<string>`(select name from organisations m where m.id = ${pitches.municipalityId})` })
    .from(offers)
    .innerJoin(pitches, eq(pitches.id, offers.pitchId))
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(or(eq(offers.authorId, actor.userId), actor.organisationKind === 'employer' ? eq(offers.employerId, actor.organisationId) : sql`0`))
    .orderBy(desc(offers.updatedAt))
    .limit(500);
  return rows
    .filter((row) => can(actor, 'offer:view', offerSubject(row.offer, row.pitch)) && can(actor, 'offer:manage', offerSubject(row.offer, row.pitch)))
    .map((row) => ({
      offer: row.offer,
      employerName: row.employerName,
      pitch: { id: row.pitch.id, title: row.pitch.title, status: effectiveStatus(row.pitch, now), municipalityName: row.municipalityName },
      moves: availableOfferEvents(row.offer.status, 'employer', row.pitch),
    }));
}

/** The offer page's view of a pitch it found. */
export interface OfferPageView {
  pitch: OfferPitch;
  /** New offers are taken (published, closing day not over). */
  open: boolean;
  status: PitchStatus;
  /** The actor's employer's live offer, if the actor may change it. */
  mine: OfferRow | undefined;
  /** May make an offer (perhaps one that waits) for their own employer. */
  mayOffer: boolean;
  /** Acts for the employer: the offer reaches the owner at once. */
  actsForEmployer: boolean;
}

/** What the offer page needs: the pitch, and the live offer of the actor's employer that the actor may change. */
export async function offerPage(deps: Deps, actor: Actor | null, pitchId: string): Promise<OfferPageView | undefined> {
  const { db } = deps;
  const pitch = await loadPitch(db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return undefined;
  const now = new Date(clock(deps));
  let mine: OfferRow | undefined;
  if (actor?.organisationKind === 'employer') {
    const [row] = await db
      .select()
      .from(offers)
      .where(and(eq(offers.pitchId, pitchId), eq(offers.employerId, actor.organisationId), inArray(offers.status, ['waiting-for-verification', 'offered', 'shortlisted', 'accepted'])))
      .limit(1);
    if (row && can(actor, 'offer:manage', offerSubject(row, pitch))) mine = row;
  }
  return {
    pitch,
    open: startOffer(pitch, { verified: false }, now).ok,
    status: effectiveStatus(pitch, now),
    mine,
    /** May make an offer (perhaps one that waits) for their own employer. */
    mayOffer: can(actor, 'offer:prepare', { employerId: actor?.organisationId ?? '' }),
    /** Acts for the employer: the offer reaches the owner at once. */
    actsForEmployer: can(actor, 'offer:create', { employerId: actor?.organisationId ?? '' }),
  };
}

/**
 * Moves waiting offers on to 'offered' once their author can act for the employer (address
 * confirmed, membership and organisation verified), and tells the pitch owners and the author.
 * Called after every verification: an address confirmed (by a domain, a membership follows),
 * a member or a new employer verified by a curator. Each offer goes through the lifecycle's
 * 'verify' by 'system'; one on a pitch that closed meanwhile stays waiting (it may be withdrawn).
 * Returns how many were released.
 */
export async function releaseWaitingOffers(deps: Deps, who: { userId: string } | { organisationId: string }): Promise<number> {
  const { db } = deps;
  const now = clock(deps);
  const rows = await db
    .select({ offer: offers, employerName: organisations.name, author: { id: users.id, email: users.email, name: users.name } })
    .from(offers)
    .innerJoin(users, eq(users.id, offers.authorId))
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .where(
      and(
        eq(offers.status, 'waiting-for-verification'),
        'userId' in who ? eq(offers.authorId, who.userId) : eq(offers.employerId, (who as { organisationId: string }).organisationId),
        // Still a member of that employer, and everything verified (policy's "acts for").
        eq(users.organisationId, offers.employerId),
        isNotNull(users.emailVerifiedAt),
        isNotNull(users.membershipVerifiedAt),
        isNotNull(organisations.verifiedAt),
      ),
    );
  let released = 0;
  for (const row of rows) {
    const pitch = await loadPitch(db, row.offer.pitchId);
    if (!pitch) continue;
    const move = transition(row.offer, pitch, 'verify', { by: 'system' });
    if (!move.ok) continue;
    const context = mailContext(deps.origin, pitch, row.employerName);
    const owners = await pitchOwners(db, pitch);
    try {
      // One batch per offer: one that was withdrawn meanwhile fails alone (stale), the rest go on.
      await db.batch([
        db
          .update(offers)
          .set({ status: move.status, version: nextVersion(offers.version, row.offer.version), updatedAt: now })
          .where(eq(offers.id, row.offer.id)),
        audit(db, { actorUserId: null, action: 'offer.released', subjectType: 'offer', subjectId: row.offer.id, detail: { pitchId: pitch.id, to: move.status } }, now),
        ...mailTo(db, owners.map((o) => ({ message: offerReceivedMessage(o.email, o.name, context, row.offer.helpKinds), userId: o.userId })), now),
        enqueueMail(db, { ...offerReleasedMessage(row.author.email, row.author.name, context), userId: row.author.id }, now),
      ]);
      released++;
    } catch (error) {
      if (!isStaleWrite(error)) throw error;
    }
  }
  return released;
}

/**
 * The version to write when the row is still at `expected`, and NULL otherwise: the column is
 * NOT NULL, so a write based on a stale read fails the whole batch (audit entry and mail
 * included) instead of silently changing nothing while its audit entry and mail go out.
 */
export function nextVersion(column: typeof offers.version | typeof pitches.version, expected: number) {
  return sql<number>`case when ${column} = ${expected} then ${expected + 1} else null end`;
}

/** The failure nextVersion causes: someone else wrote the row between our read and our write. */
export function isStaleWrite(error: unknown): boolean {
  return /NOT NULL constraint failed: \w+\.version/i.test(databaseErrorText(error));
}

/**
 * Runs a batch that carries a nextVersion write: true when it was written, false when the row
 * changed since it was read (then nothing of the batch was written).
 */
export async function batchUnlessStale(db: Database, statements: Statements): Promise<boolean> {
  try {
    await db.batch(statements);
    return true;
  } catch (error) {
    if (isStaleWrite(error)) return false;
    throw error;
  }
}
