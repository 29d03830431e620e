/**
 * Home of the offer lifecycle (docs/architecture.md): (waiting for verification →) offered →
 * shortlisted → accepted | declined; the employer may edit or withdraw until accepted.
 * Every allowed move is one row of `offerTransitions` (status × event → next status, and the one
 * role that may make it); whatever the table does not list is refused. Who counts as the
 * 'employer' (the offer's author or a verified colleague of the same employer) or the 'owner'
 * (the pitch's municipality side) is the policy's question (policy.ts); this module only names
 * the role. Pure: no I/O, and `transition` returns what to write instead of changing its input.
 * Tested as the full table of statuses × events × roles (tests/unit/offer-lifecycle.test.ts).
 */
import { acceptsOffers, type PitchState, type PitchStatus } from './pitch-lifecycle.ts';

/** Stored statuses, in lifecycle order; this list becomes the database enum. */
export const offerStatuses = ['waiting-for-verification', 'offered', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/**
 * What can happen to an offer once made. `edit` keeps the status. `supersede`: a waiting offer
 * whose employer meanwhile made its one offer on the pitch through a verified colleague is
 * withdrawn when it would be released, instead of becoming a second offer.
 */
export const offerEvents = ['verify', 'supersede', 'edit', 'withdraw', 'shortlist', 'accept', 'decline'] as const;
export type OfferEvent = (typeof offerEvents)[number];

/** Who makes a move: the employer's side, the pitch owner's side, or the application (verification). */
export const offerRoles = ['employer', 'owner', 'system'] as const;
export type OfferRole = (typeof offerRoles)[number];

/**
 * One allowed move: the role that may make it, the status it leads to, and whether it is still
 * allowed once the pitch is closed (only answers that end an offer: decline and withdraw).
 */
export interface OfferRule {
  readonly by: OfferRole;
  readonly to: OfferStatus;
  readonly afterPitchClosed: boolean;
}

/**
 * The one transition table. 'system' moves a waiting offer on once the employer's address,
 * membership and organisation are verified; until then it stays with its author and the pitch
 * owner does not see it, so only the employer may edit or withdraw it. Accepted, declined and
 * withdrawn are final.
 */
export const offerTransitions = {
  'waiting-for-verification': {
    verify: { by: 'system', to: 'offered', afterPitchClosed: false },
    supersede: { by: 'system', to: 'withdrawn', afterPitchClosed: true },
    edit: { by: 'employer', to: 'waiting-for-verification', afterPitchClosed: false },
    withdraw: { by: 'employer', to: 'withdrawn', afterPitchClosed: true },
  },
  offered: {
    edit: { by: 'employer', to: 'offered', afterPitchClosed: false },
    withdraw: { by: 'employer', to: 'withdrawn', afterPitchClosed: true },
    shortlist: { by: 'owner', to: 'shortlisted', afterPitchClosed: false },
    accept: { by: 'owner', to: 'accepted', afterPitchClosed: false },
    decline: { by: 'owner', to: 'declined', afterPitchClosed: true },
  },
  shortlisted: {
    edit: { by: 'employer', to: 'shortlisted', afterPitchClosed: false },
    withdraw: { by: 'employer', to: 'withdrawn', afterPitchClosed: true },
    accept: { by: 'owner', to: 'accepted', afterPitchClosed: false },
    decline: { by: 'owner', to: 'declined', afterPitchClosed: true },
  },
  accepted: {},
  declined: {},
  withdrawn: {},
} as const satisfies Record<OfferStatus, Partial<Record<OfferEvent, OfferRule>>>;

/** What each event needs besides the role making it. */
export interface OfferEventFields {
  verify: object;
  supersede: object;
  edit: object;
  withdraw: object;
  /** The owner's answers may carry a message to the employer. */
  shortlist: { message?: string };
  accept: { message?: string };
  decline: { message?: string };
}

/** The input of one event: who makes it, plus its fields. */
export type OfferInput<E extends OfferEvent> = { by: OfferRole } & OfferEventFields[E];

/** The columns a move writes besides the status; absent keys stay as they are. */
export interface OfferChanges {
  /** Each answer replaces the owner's message (null without one), so a message never outlives its answer. */
  ownerMessage?: string | null;
}

/** Why a move or a new offer is refused. */
export const offerRefusals = ['not-allowed-in-status', 'not-allowed-for-role', 'pitch-closed', 'pitch-not-accepting-offers'] as const;
export type OfferRefusal = (typeof offerRefusals)[number];

export type OfferTransitionResult =
  | { ok: true; status: OfferStatus; changes: OfferChanges }
  | { ok: false; reason: Exclude<OfferRefusal, 'pitch-not-accepting-offers'> };

export type StartOfferResult = { ok: true; status: OfferStatus } | { ok: false; reason: 'pitch-not-accepting-offers' };

/** Dutch messages for each refusal, for the form or page that asked. */
export const offerRefusalMessage: Record<OfferRefusal, string> = {
  'not-allowed-in-status': 'Dit kan niet (meer) in de huidige status van het aanbod.',
  'not-allowed-for-role': 'U mag dit niet doen bij dit aanbod.',
  'pitch-closed': 'De pitch is gesloten. Er kan alleen nog een aanbod worden afgewezen of ingetrokken.',
  'pitch-not-accepting-offers': 'Deze pitch neemt geen nieuw aanbod meer aan: hij is gesloten of de sluitingsdatum is voorbij.',
};

/** Dutch labels per status, for pages and e-mail. */
export const offerStatusLabel: Record<OfferStatus, string> = {
  'waiting-for-verification': 'wacht op bevestiging',
  offered: 'aangeboden',
  shortlisted: 'in overweging',
  accepted: 'geaccepteerd',
  declined: 'afgewezen',
  withdrawn: 'ingetrokken',
};

/** Statuses of an offer that is still running (waiting included): its author hears when the pitch closes. */
export const liveOfferStatuses = ['waiting-for-verification', 'offered', 'shortlisted', 'accepted'] as const satisfies readonly OfferStatus[];

/**
 * Statuses in which an employer "doet mee" (joins) a pitch, as every page counts it: made and
 * reached the owner, not withdrawn or declined. They are also what counts as an employer
 * organisation's one offer on a pitch (the partial unique index `offers_one_live_per_employer`).
 * A waiting offer does not: anyone can register as a member of a listed employer without being
 * verified, and such an offer must not keep the employer's verified staff from offering. A
 * waiting offer that would be released while the employer already has its offer is superseded
 * instead (offer-release.ts). One waiting offer per author per pitch is a second index
 * (`offers_one_waiting_per_author`).
 */
export const joinedOfferStatuses = ['offered', 'shortlisted', 'accepted'] as const satisfies readonly OfferStatus[];

/** Statuses the pitch's owners see, in lifecycle order: a waiting offer has not reached them yet. */
export const ownerVisibleOfferStatuses = ['offered', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const satisfies readonly OfferStatus[];
export type OwnerVisibleOfferStatus = (typeof ownerVisibleOfferStatuses)[number];

/** Does an offer in this status block another from the same employer organisation on the same pitch? */
export function isLive(status: OfferStatus): boolean {
  return (joinedOfferStatuses as readonly OfferStatus[]).includes(status);
}

/**
 * The status of a new offer, or why none may be made: the pitch must accept offers (published,
 * closing day not ended in Amsterdam). `verified`: the employer acts for its organisation
 * (address, membership and organisation verified); otherwise the offer waits for that.
 */
export function startOffer(pitch: PitchState, employer: { verified: boolean }, now: Date): StartOfferResult {
  if (!acceptsOffers(pitch, now)) return { ok: false, reason: 'pitch-not-accepting-offers' };
  return { ok: true, status: employer.verified ? 'offered' : 'waiting-for-verification' };
}

/** The moves a role could make in a status, for showing the right buttons. */
export function availableOfferEvents(status: OfferStatus, role: OfferRole, pitch: { status: PitchStatus }): OfferEvent[] {
  const rules: Partial<Record<OfferEvent, OfferRule>> = offerTransitions[status];
  return offerEvents.filter((event) => {
    const rule = rules[event];
    return rule?.by === role && (pitch.status === 'published' || rule.afterPitchClosed);
  });
}

/**
 * Apply one event to an offer on a pitch: the next status and the columns to write, or why not.
 * Checks, in order: the table (status, then role), then the pitch's stored status. A pitch past
 * its closing date still takes answers (the owner reviews what came in before it); once closed
 * with an outcome (or in any status but published) only decline and withdraw remain, so the
 * recorded outcome stays true.
 */
export function transition<E extends OfferEvent>(
  offer: { readonly status: OfferStatus },
  pitch: { readonly status: PitchStatus },
  event: E,
  input: OfferInput<E>,
): OfferTransitionResult {
  const rules: Partial<Record<OfferEvent, OfferRule>> = offerTransitions[offer.status];
  const rule = rules[event];
  if (!rule) return { ok: false, reason: 'not-allowed-in-status' };
  if (rule.by !== input.by) return { ok: false, reason: 'not-allowed-for-role' };
  if (pitch.status !== 'published' && !rule.afterPitchClosed) return { ok: false, reason: 'pitch-closed' };

  const changes: OfferChanges = rule.by === 'owner' ? { ownerMessage: textOf((input as OfferInput<'accept'>).message) } : {};
  return { ok: true, status: rule.to, changes };
}

/** Trimmed text, or null when there is none. */
function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
