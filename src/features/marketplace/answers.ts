/**
 * Home of the municipality's side of offers: the pitch owner and verified
 * colleagues of the same municipality ('pitch:answer-offers') see every offer with the contact
 * of its author, shortlist, accept or decline each with a message, export them as CSV and close
 * the pitch with an outcome. Anyone else gets "not found" (404, never 403), so an employer can
 * never reach another employer's offer or contact details through these doors.
 * Every change goes in one batch with its audit entry and the mail to the other side.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { offers, pitches, type OfferRow } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { availableOfferEvents, liveOfferStatuses, offerStatusLabel, transition, type OfferEvent, type OfferRefusal } from '#domain/offer-lifecycle.ts';
import { acceptsOffers, availablePitchEvents, transition as pitchTransition, type PitchOutcome, type PitchRefusal } from '#domain/pitch-lifecycle.ts';
import { can, type Actor } from '#domain/policy.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { offerAnsweredMessage, pitchClosedForOfferMessage } from '#platform/mail/offer-messages.ts';
import { toCsv } from '#platform/csv.ts';
import { offerCounts, type OfferCounts } from './offer-counts.ts';
import { isFollowedUp } from '#domain/follow-up-schedule.ts';
import { followUpInserts } from './follow-ups.ts';
import { batchUnlessStale, nextVersion } from '#platform/database/versioned-write.ts';
import { mailContext, offerAuthor } from './offer-mail.ts';
import { loadOffer, loadOfferPitch, notFound, type NotFound, type OfferPitch } from './offer-records.ts';

type Statement = BatchItem<'sqlite'>;

/** One offer as the pitch's owners see it: with the employer's name and its author's contact. */
export interface AnsweredOffer {
  offer: OfferRow;
  employerName: string;
  /** The person who made the offer (null once their account is deleted). */
  author: { name: string; email: string } | null;
  /** shortlist / accept / decline, where the lifecycle still allows them. */
  moves: OfferEvent[];
}

export type OffersForPitchResult = {
      ok: true;
      pitch: OfferPitch;
      offers: AnsweredOffer[];
      counts: OfferCounts;
      /** The pitch still takes offers (published, closing day not over): "doen mee" rather than "deden mee". */
      open: boolean;
      mayClose: boolean;
    } | NotFound;

/**
 * Every offer on a pitch that reached its owners (waiting ones have not yet: their authors are
 * not verified), oldest first. Only for 'pitch:answer-offers'; anyone else: not found.
 */
export async function offersForPitch(deps: Deps, actor: Actor | null, pitchId: string): Promise<OffersForPitchResult> {
  const { db } = deps;
  const pitch = await loadOfferPitch(db, pitchId);
  if (!pitch || !can(actor, 'pitch:answer-offers', pitch)) return notFound;
  const rows = await db
    .select({ offer: offers, employerName: organisations.name, authorName: users.name, authorEmail: users.email })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .leftJoin(users, eq(users.id, offers.authorId))
    .where(and(eq(offers.pitchId, pitchId), ne(offers.status, 'waiting-for-verification')))
    .orderBy(asc(offers.createdAt), asc(offers.id));
  return {
    ok: true,
    pitch,
    // The same counts the pitch page and the public list show (read, not tallied from these rows).
    counts: await offerCounts(db, pitchId),
    open: acceptsOffers(pitch, new Date(clock(deps))),
    mayClose: can(actor, 'pitch:edit', pitch) && availablePitchEvents(pitch.status, 'author').includes('close'),
    offers: rows.map((row) => ({
      offer: row.offer,
      employerName: row.employerName,
      author: row.authorEmail ? { name: row.authorName ?? '', email: row.authorEmail } : null,
      moves: availableOfferEvents(row.offer.status, 'owner', pitch),
    })),
  };
}

/** How long the "shortlisted" mail waits for the owner's next answer on the same offer, which replaces it. */
export const SHORTLIST_MAIL_DELAY_MS = 60 * 1000;

/** The owner's answers to an offer. */
export type AnswerEvent = 'shortlist' | 'accept' | 'decline';

export type AnswerResult = { ok: true; pitchId: string } | NotFound | { ok: false; reason: Exclude<OfferRefusal, 'pitch-not-accepting-offers'> | 'stale' };

/**
 * Shortlists, accepts or declines an offer with an optional message to the employer (it
 * replaces any earlier one). `version`: the offer as the owner saw it; if the employer changed
 * or withdrew it meanwhile, the answer is refused as stale so the owner looks again.
 */
export async function answerOffer(deps: Deps, actor: Actor | null, offerId: string, event: AnswerEvent, input: { message?: string | null; version: number }): Promise<AnswerResult> {
  const { db } = deps;
  const now = clock(deps);
  const found = await loadOffer(db, offerId);
  // A waiting offer has not reached the owners: to them it does not exist yet.
  if (!found || !can(actor, 'pitch:answer-offers', found.pitch) || found.offer.status === 'waiting-for-verification') return notFound;
  const { offer, pitch, employerName } = found;
  const move = transition(offer, pitch, event, { by: 'owner', message: input.message ?? undefined });
  if (!move.ok) return move;
  if (offer.version !== input.version) return { ok: false, reason: 'stale' };

  const statements: [Statement, ...Statement[]] = [
    db
      .update(offers)
      .set({ status: move.status, ownerMessage: move.changes.ownerMessage ?? null, version: nextVersion(offers.version, input.version), updatedAt: now })
      .where(eq(offers.id, offerId)),
    audit(db, { actorUserId: actor.userId, action: `offer.${event}`, subjectType: 'offer', subjectId: offerId, detail: { pitchId: pitch.id, from: offer.status, to: move.status, withMessage: Boolean(move.changes.ownerMessage) } }, now),
  ];
  const author = await offerAuthor(db, offer.authorId);
  if (author) {
    const message = offerAnsweredMessage(author.email, author.name, mailContext(deps.origin, pitch, employerName), move.status, move.changes.ownerMessage ?? null);
    // One mail per answer the employer needs: a shortlist waits a minute, and an accept or
    // decline in that minute replaces it (owners often shortlist and then decide at once).
    const notBefore = move.status === 'shortlisted' ? now + SHORTLIST_MAIL_DELAY_MS : now;
    statements.push(enqueueMail(db, { ...message, userId: author.id, replaces: `offer-answer:${offerId}`, notBefore }, now));
  }
  if (!(await batchUnlessStale(db, statements))) return { ok: false, reason: 'stale' };
  return { ok: true, pitchId: pitch.id };
}

export type ClosePitchResult = { ok: true } | NotFound | { ok: false; reason: PitchRefusal | 'stale' };

/**
 * Closes a published pitch with its outcome and the number of people placed (the pitch
 * lifecycle's 'close' by 'author': the owner or a verified colleague). Every employer with a
 * live or declined offer hears of it, with the outcome. A match (or partial match) is followed up at 3, 6 and 12 months.
 */
export async function closePitch(deps: Deps, actor: Actor | null, pitchId: string, input: { outcome: PitchOutcome; peoplePlaced: number; version: number }): Promise<ClosePitchResult> {
  const { db } = deps;
  const now = clock(deps);
  const pitch = await loadOfferPitch(db, pitchId);
  if (!pitch || !can(actor, 'pitch:answer-offers', pitch)) return notFound;
  if (!can(actor, 'pitch:edit', pitch)) return notFound;
  const move = pitchTransition(pitch, 'close', { by: 'author', outcome: input.outcome, peoplePlaced: input.peoplePlaced }, new Date(now));
  if (!move.ok) return move;
  if (pitch.version !== input.version) return { ok: false, reason: 'stale' };

  const statements: [Statement, ...Statement[]] = [
    db
      .update(pitches)
      .set({ status: move.status, ...move.changes, closedAt: now, updatedAt: now, version: nextVersion(pitches.version, input.version) })
      .where(eq(pitches.id, pitchId)),
    audit(db, { actorUserId: actor.userId, action: 'pitch.closed', subjectType: 'pitch', subjectId: pitchId, detail: { outcome: input.outcome, peoplePlaced: input.peoplePlaced } }, now),
    // Outcome follow-up: the 3/6/12-month questions, in the close's own batch (after its guarded UPDATE: a stale close writes none).
    ...(isFollowedUp(input.outcome) ? followUpInserts(db, pitchId, now, now) : []),
  ];
  const employers = await db
    .select({ employerName: organisations.name, authorId: users.id, email: users.email, name: users.name })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.employerId))
    .innerJoin(users, eq(users.id, offers.authorId))
    // Declined employers hear the outcome too: they took part, and the pitch page says it anyway.
    .where(and(eq(offers.pitchId, pitchId), inArray(offers.status, [...liveOfferStatuses, 'declined'])));
  for (const employer of employers) {
    const message = pitchClosedForOfferMessage(employer.email, employer.name, mailContext(deps.origin, pitch, employer.employerName), input.outcome);
    statements.push(enqueueMail(db, { ...message, userId: employer.authorId }, now));
  }
  if (!(await batchUnlessStale(db, statements))) return { ok: false, reason: 'stale' };
  return { ok: true };
}

/** The CSV's columns, in Dutch. */
export const offerCsvHeader = [
  'Werkgever',
  'Contactpersoon',
  'E-mailadres',
  'Status',
  'Soort hulp',
  'Aantal plaatsen',
  'Vanaf',
  'Begeleiding',
  'Bericht van de werkgever',
  'Naam openbaar',
  'Uw bericht',
  'Aangeboden op',
] as const;

const helpLabel = (id: string) => helpKinds.terms.find((term) => term.id === id)?.label ?? id;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The pitch's offers as a CSV file for Excel (see platform/csv.ts for the format), under the same
 * authorization as the page: others get not found.
 */
export async function exportOffersCsv(deps: Deps, actor: Actor | null, pitchId: string): Promise<{ ok: true; filename: string; body: string } | NotFound> {
  const result = await offersForPitch(deps, actor, pitchId);
  if (!result.ok) return result;
  const rows = result.offers.map(({ offer, employerName, author }) => [
    employerName,
    author?.name ?? '',
    author?.email ?? '',
    offerStatusLabel[offer.status],
    offer.helpKinds.map(helpLabel).join(', '),
    offer.places,
    offer.startsOn,
    offer.support,
    offer.message,
    offer.showName ? 'ja' : 'nee',
    offer.ownerMessage,
    isoDay(offer.createdAt),
  ]);
  const slug = result.pitch.id.replace(/[^a-z0-9-]/gi, '').slice(0, 60) || 'pitch';
  return { ok: true, filename: `aanbod-${slug}.csv`, body: toCsv(offerCsvHeader, rows) };
}
