/**
 * Home of invitations with consent. A verified member of a pitch's municipality invites an
 * employer from the pitch's suggestions, with an optional note: only an employer that allows
 * invitations and fits (so one the owner can see named), only while the pitch takes offers, once
 * per employer per pitch (the unique index decides a race), within a rate limit per person. The
 * invitation, each recipient's link, each mail and the audit entry are one batch. Mail goes only
 * to members who can act for the employer (address confirmed, membership verified), at most
 * MAX_INVITATION_RECIPIENTS of them.
 *
 * The links in the mail are `<id>.<secret>` per recipient, stored as SHA-256 (as the digest's
 * unsubscribe link is): "Ik doe mee" opens the offer form filled in from the invitation (the
 * offer itself is the marketplace's, and "doet mee" is read from it); "Nee, dank u" opens a
 * page whose button declines without a login, after which a reason may be added. Opening a
 * link changes nothing.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '#db/client.ts';
import { invitationLinks, pitchInvitations } from '#db/matchmaking-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { constantTimeEqualHex, createSplitToken, newId, parseSplitToken, sha256Hex } from '#platform/auth/crypto.ts';
import { consume } from '#platform/auth/rate-limit.ts';
import { clock, type Deps } from '#platform/context.ts';
import { isUniqueViolation } from '#platform/database/errors.ts';
import { invitationMessage } from '#platform/mail/invitation-messages.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { endOfAmsterdamDay } from '#domain/amsterdam-time.ts';
import { acceptsOffers } from '#domain/pitch-lifecycle.ts';
import { can, pitchVisibleTo, type Actor } from '#domain/policy.ts';
import { MAX_INVITATION_RECIPIENTS, type InvitationRefusal, type InvitationStatus } from '#domain/matchmaking/invitations.ts';
import { isMatchableHelpKind } from '#domain/matchmaking/phrases.ts';
import type { InvitationInput } from './invitation-input.ts';
import { loadEmployerProfile } from './employer-profile.ts';
import { employersTakingPart, loadMatchPitch, type MatchKnowledge } from './match-inputs.ts';
import { invitableMatches, notFound, type NotFound } from './suggestions.ts';

type Statement = BatchItem<'sqlite'>;

export type InviteResult =
  | { ok: true; pitchId: string; employerName: string; recipients: number }
  | NotFound
  | { ok: false; reason: InvitationRefusal }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

/** Test seam: called just before the write, so a test can make two requests meet there. */
export interface InviteHooks {
  beforeWrite?: () => Promise<void>;
}

/** The members of an employer who get its invitation mail: able to act for it, earliest verified first. */
async function recipientsOf(db: Database, employerId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, employerId), isNotNull(users.emailVerifiedAt), isNotNull(users.membershipVerifiedAt)))
    .orderBy(asc(users.membershipVerifiedAt), asc(users.id))
    .limit(MAX_INVITATION_RECIPIENTS);
}

/** Invites a suggested employer to a pitch of the actor's own municipality. */
export async function inviteEmployer(deps: Deps, actor: Actor | null, pitchId: string, input: InvitationInput, knowledge: MatchKnowledge, hooks: InviteHooks = {}): Promise<InviteResult> {
  const { db } = deps;
  const now = clock(deps);
  const pitch = await loadMatchPitch(db, pitchId);
  if (!pitch || !pitchVisibleTo(actor, pitch)) return notFound;
  if (!can(actor, 'pitch:invite', pitch)) return { ok: false, reason: 'not-own-pitch' };
  if (!acceptsOffers(pitch, new Date(now))) return { ok: false, reason: 'pitch-closed' };
  const [existing] = await db
    .select({ id: pitchInvitations.id })
    .from(pitchInvitations)
    .where(and(eq(pitchInvitations.pitchId, pitchId), eq(pitchInvitations.employerId, input.employerId)))
    .limit(1);
  if (existing) return { ok: false, reason: 'already-invited' };
  // Counted before the suggestions are worked out, so trying employer after employer costs too.
  const limit = await consume(db, 'invitationAccount', actor.userId, now);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterMs: limit.retryAfterMs };
  // The list the page shows: the employers not invited yet, as many as it shows.
  const invited = await db.select({ employerId: pitchInvitations.employerId }).from(pitchInvitations).where(eq(pitchInvitations.pitchId, pitchId));
  const { invitable } = await invitableMatches(db, pitch, knowledge, new Set(invited.map((row) => row.employerId)));
  const match = invitable.find((candidate) => candidate.subject.id === input.employerId);
  if (!match) return { ok: false, reason: 'not-invitable' };
  const recipients = await recipientsOf(db, input.employerId);
  if (recipients.length === 0) return { ok: false, reason: 'not-invitable' };
  const [inviter] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).limit(1);

  const invitationId = newId();
  const expiresAt = endOfAmsterdamDay(pitch.closingDate);
  const statements: [Statement, ...Statement[]] = [
    db.insert(pitchInvitations).values({ id: invitationId, pitchId, employerId: input.employerId, invitedBy: actor.userId, note: input.note, status: 'invited', createdAt: now }),
    audit(db, { actorUserId: actor.userId, action: 'invitation.sent', subjectType: 'invitation', subjectId: invitationId, detail: { pitchId, employerId: input.employerId, recipients: recipients.length } }, now),
  ];
  for (const recipient of recipients) {
    const { id, secret, token } = createSplitToken();
    statements.push(db.insert(invitationLinks).values({ id, secretHash: sha256Hex(secret), invitationId, userId: recipient.id, createdAt: now }));
    const message = invitationMessage(recipient.email, recipient.name, {
      origin: deps.origin,
      pitchId,
      pitchTitle: pitch.facts.title,
      municipalityName: pitch.municipalityName,
      employerName: match.subject.name,
      inviterName: inviter?.name ?? '',
      note: input.note,
      reasons: match.reasons.map((reason) => reason.text),
      closingDate: pitch.closingDate,
      demo: pitch.demo,
      token,
    });
    statements.push(enqueueMail(db, { ...message, userId: recipient.id, expiresAt }, now));
  }
  await hooks.beforeWrite?.();
  try {
    await db.batch(statements);
  } catch (error) {
    // A colleague (or a second tab) invited this employer a moment ago: the unique index decided.
    if (isUniqueViolation(error)) return { ok: false, reason: 'already-invited' };
    throw error;
  }
  return { ok: true, pitchId, employerName: match.subject.name, recipients: recipients.length };
}

/** An invitation as its link's page shows it. */
export interface LinkedInvitation {
  id: string;
  pitchId: string;
  pitchTitle: string;
  municipalityName: string;
  employerId: string;
  employerName: string;
  status: InvitationStatus;
  /** The reason given with a decline, for the member who gave it only (else null). */
  declineReason: string | null;
  /** Who answered (declined) for the employer. */
  answeredBy: string | null;
  note: string | null;
  demo: boolean;
  /** The employer already takes part in the pitch (its offer counts, whatever the invitation says). */
  joined: boolean;
}

export type InvitationLinkCheck = { ok: true; linkUserId: string; invitation: LinkedInvitation; /** The pitch still takes offers: answers can still be given. */ open: boolean } | { ok: false; reason: 'invalid' };

/**
 * Checks a link's token without using it: whose link (a member who still acts for the employer),
 * whether the pitch still takes answers, and the invitation as it stands.
 */
export async function checkInvitationLink(db: Database, token: string | null | undefined, now = Date.now()): Promise<InvitationLinkCheck> {
  const parsed = parseSplitToken(token);
  if (!parsed) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .select({ hash: invitationLinks.secretHash, linkUserId: invitationLinks.userId, invitation: pitchInvitations, employerName: organisations.name })
    .from(invitationLinks)
    .innerJoin(pitchInvitations, eq(pitchInvitations.id, invitationLinks.invitationId))
    .innerJoin(organisations, eq(organisations.id, pitchInvitations.employerId))
    .where(eq(invitationLinks.id, parsed.id))
    .limit(1);
  if (!row || !constantTimeEqualHex(sha256Hex(parsed.secret), row.hash)) return { ok: false, reason: 'invalid' };
  // The link speaks for its member only while that person still acts for the employer.
  const [member] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, row.linkUserId), eq(users.organisationId, row.invitation.employerId), isNotNull(users.emailVerifiedAt), isNotNull(users.membershipVerifiedAt)))
    .limit(1);
  if (!member) return { ok: false, reason: 'invalid' };
  const pitch = await loadMatchPitch(db, row.invitation.pitchId);
  if (!pitch) return { ok: false, reason: 'invalid' };
  const joined = (await employersTakingPart(db, pitch.facts.id)).has(row.invitation.employerId);
  return {
    ok: true,
    linkUserId: row.linkUserId,
    open: acceptsOffers(pitch, new Date(now)),
    invitation: {
      id: row.invitation.id,
      pitchId: pitch.facts.id,
      pitchTitle: pitch.facts.title,
      municipalityName: pitch.municipalityName,
      employerId: row.invitation.employerId,
      employerName: row.employerName,
      status: row.invitation.status,
      declineReason: row.invitation.answeredBy === row.linkUserId ? row.invitation.declineReason : null,
      answeredBy: row.invitation.answeredBy,
      note: row.invitation.note,
      demo: pitch.demo,
      joined,
    },
  };
}

export type DeclineResult = { ok: true } | { ok: false; reason: 'invalid' | 'already-joined' | 'closed' };

/** "Nee, dank u": declines the invitation of the link (again: no change). No login; the link is the proof. */
export async function declineInvitation(deps: Deps, token: string | null | undefined): Promise<DeclineResult> {
  const check = await checkInvitationLink(deps.db, token, clock(deps));
  if (!check.ok) return check;
  const { invitation, linkUserId } = check;
  if (invitation.joined) return { ok: false, reason: 'already-joined' };
  if (!check.open) return { ok: false, reason: 'closed' };
  if (invitation.status === 'declined') return { ok: true };
  await answer(deps, invitation, { status: 'declined', answeredBy: linkUserId, answeredAt: clock(deps) }, 'invitation.declined');
  return { ok: true };
}

export type DeclineReasonResult = { ok: true } | { ok: false; reason: 'invalid' | 'not-declined' | 'closed' };

/**
 * The reason for a decline (optional; given or changed afterwards with the same link). Only the
 * member who declined may: the reason is theirs (in their data export, gone with their account).
 */
export async function giveDeclineReason(deps: Deps, token: string | null | undefined, reason: string | null): Promise<DeclineReasonResult> {
  const check = await checkInvitationLink(deps.db, token, clock(deps));
  if (!check.ok) return check;
  const { invitation, linkUserId } = check;
  if (invitation.status !== 'declined' || invitation.joined || invitation.answeredBy !== linkUserId) return { ok: false, reason: 'not-declined' };
  if (!check.open) return { ok: false, reason: 'closed' };
  await answer(deps, invitation, { declineReason: reason, answeredBy: linkUserId }, reason ? 'invitation.reason-given' : 'invitation.reason-removed');
  return { ok: true };
}

/**
 * Writes an answer by the link's member with its audit entry. The update is guarded by the
 * status it was read in, so a decline and a reason can only follow each other in that order.
 */
async function answer(deps: Deps, invitation: LinkedInvitation, values: Partial<typeof pitchInvitations.$inferInsert> & { answeredBy: string }, action: string) {
  const { db } = deps;
  await db.batch([
    db
      .update(pitchInvitations)
      .set(values)
      .where(and(eq(pitchInvitations.id, invitation.id), eq(pitchInvitations.status, invitation.status))),
    audit(db, { actorUserId: values.answeredBy, action, subjectType: 'invitation', subjectId: invitation.id, detail: { pitchId: invitation.pitchId } }, clock(deps)),
  ]);
}

/** What the offer form shows when opened from an invitation's "Ik doe mee". */
export interface OfferInvitation {
  employerName: string;
  municipalityName: string;
  note: string | null;
  /** The person signed in acts for the invited employer: the form is filled in from the invitation. */
  forActor: boolean;
  /** Kinds of help to tick: those the pitch asks that the profile offers, else those the pitch asks. */
  helpKinds: string[];
}

/**
 * The invitation behind an "Ik doe mee" link on this pitch's offer form, or null (a wrong,
 * unknown or foreign link shows the plain form). Nothing is used up: the offer is what counts.
 */
export async function invitationForOffer(deps: Deps, actor: Actor | null, pitchId: string, token: string | null | undefined): Promise<OfferInvitation | null> {
  if (!token) return null;
  const check = await checkInvitationLink(deps.db, token);
  if (!check.ok || check.invitation.pitchId !== pitchId) return null;
  const { invitation } = check;
  const pitch = await loadMatchPitch(deps.db, pitchId);
  const asked = (pitch?.facts.helpKinds ?? []).filter(isMatchableHelpKind);
  const profile = await loadEmployerProfile(deps.db, invitation.employerId);
  const both = asked.filter((kind) => profile.helpKinds.includes(kind));
  return {
    employerName: invitation.employerName,
    municipalityName: invitation.municipalityName,
    note: invitation.note,
    forActor: actor?.organisationKind === 'employer' && actor.organisationId === invitation.employerId,
    helpKinds: both.length > 0 ? both : asked,
  };
}
