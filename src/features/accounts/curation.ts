/**
 * What curators and admins do with accounts: confirm or reject members (of municipalities and
 * employers) and proposed employers, with a reason the person is told; take such a decision
 * back within UNDO_WINDOW_MS; set an organisation's own e-mail domain; assign roles. Each checks
 * the policy; a signed-in person the policy refuses is logged as a security event (curation.refused).
 *
 * Undo stays honest: the e-mail about a decision waits in the outbox for the
 * undo window, so an undo in time cancels it; one that went out anyway gets a correction. A
 * confirmation that passed waiting offers on to a pitch's municipality cannot be taken back
 * (those mails are not ours to call back), and the page says so.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { curationDecisions, organisations, outbox, sessions, users, type CurationDecisionRow, type Role } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { logSecurityEvent, securityEvent } from '#platform/audit/security-events.ts';
import { newId } from '#platform/auth/crypto.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { decisionUndoneMessage, memberConfirmedMessage, memberRejectedMessage } from '#platform/mail/curation-messages.ts';
import { UNDO_WINDOW_MS, withinUndoWindow, type CurationDecisionKind, type CurationSubjectType } from '#domain/curation-decision.ts';
import { can, notAllowed, type Action, type Actor, type NotAllowed } from '#domain/policy.ts';
import { registrableKinds } from '#domain/accounts.ts';
import { isFreeMailDomain } from '#domain/free-mail.ts';
import { clock, type Deps } from '#platform/context.ts';
import { releaseWaitingOffers } from '#features/marketplace/offers.ts';
import { findUserByEmail } from './users.ts';


/** Kinds whose members must be verified before they act for the organisation: those one can register with. */
const memberKinds = registrableKinds;

/** The policy said no: a signed-in person tried a curator action (probing or a crafted form). */
async function refused(deps: Deps, actor: Actor | null, action: Action): Promise<NotAllowed> {
  if (actor) await logSecurityEvent(deps.db, { kind: 'curation.refused', userId: actor.userId, ip: deps.ip, detail: { action } }, clock(deps));
  return notAllowed;
}

/**
 * A rejection of this subject that stands (not undone). The id is a column of the outer query
 * (the waiting lists) or a value (one person's own account).
 */
function rejectionStands(subjectType: CurationSubjectType, subjectId: typeof users.id | typeof organisations.id | string) {
  return sql`exists (select 1 from ${curationDecisions} where ${curationDecisions.subjectType} = ${subjectType} and ${curationDecisions.subjectId} = ${subjectId} and ${curationDecisions.decision} = 'rejected' and ${curationDecisions.undoneAt} is null)`;
}

/** No standing rejection: what keeps a rejected subject out of the waiting lists. */
function noStandingRejection(subjectType: CurationSubjectType, subjectId: typeof users.id | typeof organisations.id) {
  return sql`not ${rejectionStands(subjectType, subjectId)}`;
}

/**
 * Whether a curator's rejection of this person, or of the employer they proposed, stands (not
 * undone): their account page then says so instead of "waiting for a curator". Their own status,
 * so no policy check beyond the page's own (a person sees their own account).
 */
export async function membershipRejected(deps: Deps, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await deps.db.all<{ rejected: number }>(
    sql`select (${rejectionStands('user', userId)} or ${rejectionStands('organisation', organisationId)}) as rejected`,
  );
  return Boolean(row?.rejected);
}

/**
 * Members waiting for verification (address confirmed, membership not yet verified, not
 * rejected), of municipalities and of verified employers, with what a curator weighs: the
 * organisation and its own e-mail domain. Members of a proposed employer are verified with
 * the organisation (pendingOrganisations), so they are not listed twice.
 */
export async function pendingMembers(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  return deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      kind: organisations.kind,
      organisationId: organisations.id,
      organisation: organisations.name,
      organisationDomain: organisations.emailDomain,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        inArray(organisations.kind, memberKinds),
        isNotNull(organisations.verifiedAt),
        isNull(users.membershipVerifiedAt),
        isNotNull(users.emailVerifiedAt),
        noStandingRejection('user', users.id),
      ),
    )
    .orderBy(asc(users.createdAt));
}

/** Employers proposed at registration and not yet verified (nor rejected), with who proposed them (address confirmed). */
export async function pendingOrganisations(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  const rows = await deps.db
    .select({ id: organisations.id, name: organisations.name, createdAt: organisations.createdAt, proposer: { id: users.id, name: users.name, email: users.email } })
    .from(organisations)
    .innerJoin(users, eq(users.organisationId, organisations.id))
    .where(and(eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt), isNotNull(users.emailVerifiedAt), noStandingRejection('organisation', organisations.id)))
    .orderBy(asc(organisations.createdAt), asc(users.createdAt));
  const byId = new Map<string, { id: string; name: string; createdAt: number; proposers: { id: string; name: string; email: string }[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, name: row.name, createdAt: row.createdAt, proposers: [] };
    entry.proposers.push(row.proposer);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** Organisations a curator can give an own e-mail domain: municipalities and verified employers. */
export async function organisationsForDomains(deps: Deps, actor: Actor | null) {
  // Only looking: no security event (the actions log refusals; a page view would log twice).
  if (!can(actor, 'curation:view')) return null;
  return deps.db
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name, emailDomain: organisations.emailDomain })
    .from(organisations)
    .where(and(inArray(organisations.kind, memberKinds), isNotNull(organisations.verifiedAt)))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

/** What a curator decides: confirm, or reject with a reason (which the person reads). */
export interface DecisionInput {
  decision: CurationDecisionKind;
  reason?: string | null;
}

export type DecideResult =
  | { ok: true; decisionId: string }
  | NotAllowed
  | { ok: false; reason: 'not-found' }
  /** A rejection without a reason: the person would not know why. */
  | { ok: false; reason: 'reason-required' };

const cleanReason = (reason: string | null | undefined) => reason?.trim() || null;

/** The decision row and its mail ids, for the batch that makes the decision. */
function decisionRow(actor: Actor, subjectType: CurationSubjectType, subjectId: string, input: DecisionInput, userIds: string[], now: number) {
  return { id: newId(), subjectType, subjectId, decision: input.decision, reason: cleanReason(input.reason), decidedBy: actor.userId, decidedAt: now, userIds, mailIds: userIds.map(() => newId()), releasedOffers: 0 };
}

/**
 * Confirms or rejects one member's membership. The person's e-mail (with the reason) waits in
 * the outbox for the undo window. A confirmation takes effect at once and passes the person's
 * waiting offers on; how many, the decision remembers (see undoDecision).
 */
export async function decideMember(deps: Deps, actor: Actor | null, userId: string, input: DecisionInput): Promise<DecideResult> {
  if (!can(actor, 'member:verify', { userId })) return refused(deps, actor, 'member:verify');
  if (input.decision === 'rejected' && !cleanReason(input.reason)) return { ok: false, reason: 'reason-required' };
  const { db } = deps;
  const now = clock(deps);
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), inArray(organisations.kind, memberKinds), isNull(users.membershipVerifiedAt), noStandingRejection('user', users.id)))
    .limit(1);
  if (!row) return { ok: false, reason: 'not-found' };
  const decision = decisionRow(actor, 'user', userId, input, [userId], now);
  const mail = input.decision === 'confirmed'
    ? memberConfirmedMessage(row.user.email, row.user.name, row.organisation.name, decision.reason)
    : memberRejectedMessage(row.user.email, row.user.name, row.organisation.name, decision.reason!, deps.origin);
  const detail = decision.reason ? { reason: decision.reason } : undefined;
  const record = db.insert(curationDecisions).values(decision);
  const tell = enqueueMail(db, { ...mail, userId, id: decision.mailIds[0], notBefore: now + UNDO_WINDOW_MS }, now);
  if (input.decision === 'confirmed') {
    await db.batch([
      db.update(users).set({ membershipVerifiedAt: now, membershipVerifiedBy: 'curator' }).where(and(eq(users.id, userId), isNull(users.membershipVerifiedAt))),
      audit(db, { actorUserId: actor.userId, action: 'member.verified', subjectType: 'user', subjectId: userId, detail }, now),
      tell,
      record,
    ]);
  } else {
    await db.batch([audit(db, { actorUserId: actor.userId, action: 'member.rejected', subjectType: 'user', subjectId: userId, detail }, now), tell, record]);
  }
  if (input.decision === 'confirmed') await rememberReleased(deps, decision.id, await releaseWaitingOffers(deps, { userId }));
  return { ok: true, decisionId: decision.id };
}

/** Confirms a member (no reason): kept for callers from before decisions had reasons. */
export async function verifyMember(deps: Deps, actor: Actor | null, userId: string): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  const result = await decideMember(deps, actor, userId, { decision: 'confirmed' });
  return result.ok ? { ok: true } : (result as NotAllowed | { ok: false; reason: 'not-found' });
}

async function rememberReleased(deps: Deps, decisionId: string, released: number) {
  if (released > 0) await deps.db.update(curationDecisions).set({ releasedOffers: released }).where(eq(curationDecisions.id, decisionId));
}

/**
 * Confirms or rejects a proposed employer and, with it, whoever proposed it (address
 * confirmed): the curator saw both the organisation and the people on the curation page.
 */
export async function decideOrganisation(deps: Deps, actor: Actor | null, organisationId: string, input: DecisionInput): Promise<DecideResult> {
  if (!can(actor, 'organisation:verify')) return refused(deps, actor, 'organisation:verify');
  if (input.decision === 'rejected' && !cleanReason(input.reason)) return { ok: false, reason: 'reason-required' };
  const { db } = deps;
  const now = clock(deps);
  const [org] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'employer'), isNull(organisations.verifiedAt), noStandingRejection('organisation', organisations.id)))
    .limit(1);
  if (!org) return { ok: false, reason: 'not-found' };
  const members = await db
    .select()
    .from(users)
    .where(and(eq(users.organisationId, organisationId), isNull(users.membershipVerifiedAt), isNotNull(users.emailVerifiedAt)));
  const decision = decisionRow(actor, 'organisation', organisationId, input, members.map((m) => m.id), now);
  const detail = decision.reason ? { reason: decision.reason } : undefined;
  const mails = members.map((member, i) =>
    enqueueMail(
      db,
      {
        ...(input.decision === 'confirmed'
          ? memberConfirmedMessage(member.email, member.name, org.name, decision.reason)
          : memberRejectedMessage(member.email, member.name, org.name, decision.reason!, deps.origin)),
        userId: member.id,
        id: decision.mailIds[i],
        notBefore: now + UNDO_WINDOW_MS,
      },
      now,
    ),
  );
  if (input.decision === 'rejected') {
    await db.batch([
      audit(db, { actorUserId: actor.userId, action: 'organisation.rejected', subjectType: 'organisation', subjectId: organisationId, detail }, now),
      ...mails,
      db.insert(curationDecisions).values(decision),
    ]);
    return { ok: true, decisionId: decision.id };
  }
  const results = await db.batch([
    db
      .update(organisations)
      .set({ verifiedAt: now })
      .where(and(eq(organisations.id, organisationId), isNull(organisations.verifiedAt)))
      .returning({ id: organisations.id }),
    audit(db, { actorUserId: actor.userId, action: 'organisation.verified', subjectType: 'organisation', subjectId: organisationId, detail }, now),
    ...members.flatMap((member) => [
      db.update(users).set({ membershipVerifiedAt: now, membershipVerifiedBy: 'curator' }).where(and(eq(users.id, member.id), isNull(users.membershipVerifiedAt))),
      audit(db, { actorUserId: actor.userId, action: 'member.verified', subjectType: 'user', subjectId: member.id, detail: { with: 'organisation' } }, now),
    ]),
    ...mails,
    db.insert(curationDecisions).values(decision),
  ]);
  // A colleague verified it a moment earlier: their batch did the work (ours changed nothing).
  if (results[0].length === 0) {
    await db.batch([db.delete(outbox).where(inArray(outbox.id, decision.mailIds)), db.delete(curationDecisions).where(eq(curationDecisions.id, decision.id))]);
    return { ok: false, reason: 'not-found' };
  }
  await rememberReleased(deps, decision.id, await releaseWaitingOffers(deps, { organisationId }));
  return { ok: true, decisionId: decision.id };
}

/** Confirms a proposed employer and its proposers (no reason): kept for callers from before decisions had reasons. */
export async function verifyOrganisation(deps: Deps, actor: Actor | null, organisationId: string): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  const result = await decideOrganisation(deps, actor, organisationId, { decision: 'confirmed' });
  return result.ok ? { ok: true } : (result as NotAllowed | { ok: false; reason: 'not-found' });
}

/** A decision as the curation page shows it: whom it was about, and whether it can still be undone. */
export interface DecisionView {
  id: string;
  subjectType: CurationSubjectType;
  decision: CurationDecisionKind;
  reason: string | null;
  decidedAt: number;
  /** Until when an undo is possible (and the e-mail waits). */
  undoUntil: number;
  undoneAt: number | null;
  releasedOffers: number;
  /** The people it was about (an organisation's proposers), by name. */
  people: string[];
  /** The organisation: the member's, or the proposed employer itself. */
  organisation: string;
  organisationKind: string;
  /** May this curator undo it now? (Own decision, in time, not undone, no offers passed on.) */
  undoable: boolean;
  /** After an undo: how many e-mails had already gone out (a correction followed). */
  mailsAlreadySent: number;
}

async function viewOf(deps: Deps, actor: Actor, row: CurationDecisionRow): Promise<DecisionView> {
  const { db } = deps;
  const now = clock(deps);
  const people = row.userIds.length > 0 ? await db.select({ id: users.id, name: users.name, organisationId: users.organisationId }).from(users).where(inArray(users.id, row.userIds)) : [];
  const organisationId = row.subjectType === 'organisation' ? row.subjectId : people[0]?.organisationId;
  const [org] = organisationId ? await db.select({ name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId)).limit(1) : [];
  const stillStored = row.undoneAt !== null && row.mailIds.length > 0 ? await db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, row.mailIds)) : [];
  return {
    id: row.id,
    subjectType: row.subjectType,
    decision: row.decision,
    reason: row.reason,
    decidedAt: row.decidedAt,
    undoUntil: row.decidedAt + UNDO_WINDOW_MS,
    undoneAt: row.undoneAt,
    releasedOffers: row.releasedOffers,
    people: row.userIds.map((id) => people.find((p) => p.id === id)?.name).filter((name): name is string => Boolean(name)),
    organisation: org?.name ?? 'een organisatie die niet meer bestaat',
    organisationKind: org?.kind ?? 'employer',
    undoable: row.undoneAt === null && row.releasedOffers === 0 && withinUndoWindow(row.decidedAt, now) && can(actor, 'curation:undo', { decidedBy: row.decidedBy }),
    mailsAlreadySent: stillStored.length,
  };
}

/** One decision, for the notice after deciding or undoing (curators only; null: not found or not for you). */
export async function decisionView(deps: Deps, actor: Actor | null, decisionId: string): Promise<DecisionView | null> {
  if (!can(actor, 'curation:view')) return null;
  const [row] = await deps.db.select().from(curationDecisions).where(eq(curationDecisions.id, decisionId)).limit(1);
  return row ? viewOf(deps, actor, row) : null;
}

/** Decisions still inside their undo window (newest first), so a curator can take one back from its card. */
export async function recentDecisions(deps: Deps, actor: Actor | null): Promise<DecisionView[] | null> {
  if (!can(actor, 'curation:view')) return null;
  const now = clock(deps);
  const rows = await deps.db
    .select()
    .from(curationDecisions)
    .where(and(gt(curationDecisions.decidedAt, now - UNDO_WINDOW_MS), isNull(curationDecisions.undoneAt)))
    .orderBy(desc(curationDecisions.decidedAt))
    .limit(50);
  return Promise.all(rows.map((row) => viewOf(deps, actor, row)));
}

export type UndoResult =
  | { ok: true; decisionId: string }
  | NotAllowed
  | { ok: false; reason: 'not-found' | 'already-undone' | 'too-late' | 'offers-released' };

/**
 * Takes a decision back within its window: the membership (and a proposed employer's
 * verification) returns to what it was, the person waits in the list again, their e-mail is
 * cancelled if still queued, and otherwise a correction is sent. Only whoever decided may undo.
 */
export async function undoDecision(deps: Deps, actor: Actor | null, decisionId: string): Promise<UndoResult> {
  if (!can(actor, 'curation:view')) return refused(deps, actor, 'curation:undo');
  const { db } = deps;
  const now = clock(deps);
  const [row] = await db.select().from(curationDecisions).where(eq(curationDecisions.id, decisionId)).limit(1);
  if (!row) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'curation:undo', { decidedBy: row.decidedBy })) return refused(deps, actor, 'curation:undo');
  if (row.undoneAt !== null) return { ok: false, reason: 'already-undone' };
  if (!withinUndoWindow(row.decidedAt, now)) return { ok: false, reason: 'too-late' };
  if (row.releasedOffers > 0) return { ok: false, reason: 'offers-released' };

  const restore =
    row.decision === 'confirmed'
      ? [
          // Only what this decision set: a later change by someone else stays.
          db
            .update(users)
            .set({ membershipVerifiedAt: null, membershipVerifiedBy: null })
            .where(and(inArray(users.id, row.userIds), eq(users.membershipVerifiedAt, row.decidedAt), eq(users.membershipVerifiedBy, 'curator'))),
          ...(row.subjectType === 'organisation'
            ? [db.update(organisations).set({ verifiedAt: null }).where(and(eq(organisations.id, row.subjectId), eq(organisations.verifiedAt, row.decidedAt)))]
            : []),
        ]
      : [];
  const results = await db.batch([
    db
      .update(curationDecisions)
      .set({ undoneAt: now })
      .where(and(eq(curationDecisions.id, row.id), isNull(curationDecisions.undoneAt)))
      .returning({ id: curationDecisions.id }),
    // Still queued (held back for the window): never sent. Claimed or sent: a correction below.
    db.delete(outbox).where(and(inArray(outbox.id, row.mailIds), eq(outbox.status, 'queued'))).returning({ id: outbox.id }),
    ...restore,
    audit(
      db,
      { actorUserId: actor.userId, action: `${row.subjectType === 'user' ? 'member' : 'organisation'}.decision-undone`, subjectType: row.subjectType, subjectId: row.subjectId, detail: { decision: row.decision } },
      now,
    ),
  ]);
  if (results[0].length === 0) return { ok: false, reason: 'already-undone' };
  const cancelled = new Set((results[1] as { id: string }[]).map((m) => m.id));
  const told = row.userIds.filter((_, i) => !cancelled.has(row.mailIds[i]!));
  if (told.length > 0) {
    const people = await db
      .select({ user: users, organisation: organisations })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(inArray(users.id, told));
    if (people.length > 0) {
      await db.batch(
        people.map((p) => enqueueMail(db, { ...decisionUndoneMessage(p.user.email, p.user.name, p.organisation.name, row.decision), userId: p.user.id }, now)) as [
          ReturnType<typeof enqueueMail>,
          ...ReturnType<typeof enqueueMail>[],
        ],
      );
    }
  }
  return { ok: true, decisionId: row.id };
}

export const domainPattern = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export type SetDomainResult = { ok: true } | NotAllowed | { ok: false; reason: 'not-found' | 'invalid-domain' | 'free-mail-domain' };

/**
 * Sets (or with an empty value clears) the own e-mail domain of a municipality or employer:
 * members who confirm an address there are verified automatically. A free-mail domain belongs
 * to no organisation and is refused.
 */
export async function setOrganisationDomain(deps: Deps, actor: Actor | null, organisationId: string, domain: string): Promise<SetDomainResult> {
  if (!can(actor, 'curation:view')) return refused(deps, actor, 'organisation:set-domain');
  const value = domain.trim().toLowerCase().replace(/^@/, '');
  if (value !== '' && !domainPattern.test(value)) return { ok: false, reason: 'invalid-domain' };
  if (value !== '' && isFreeMailDomain(value)) return { ok: false, reason: 'free-mail-domain' };
  const { db } = deps;
  const now = clock(deps);
  const [org] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), inArray(organisations.kind, memberKinds)))
    .limit(1);
  if (!org) return { ok: false, reason: 'not-found' };
  if (!can(actor, 'organisation:set-domain', org)) return refused(deps, actor, 'organisation:set-domain');
  await db.batch([
    db.update(organisations).set({ emailDomain: value || null }).where(eq(organisations.id, organisationId)),
    audit(db, { actorUserId: actor.userId, action: 'organisation.domain-set', subjectType: 'organisation', subjectId: organisationId, detail: { domain: value || null } }, now),
  ]);
  return { ok: true };
}

/**
 * Gives a person a role; their sessions end so the new rights apply from the next login.
 * `actor` 'cli' means the command line (npm run user:role), which creates the first admin.
 */
export async function assignRole(
  deps: Deps,
  actor: Actor | null | 'cli',
  email: string,
  role: Role,
): Promise<{ ok: true } | NotAllowed | { ok: false; reason: 'not-found' }> {
  // A first look without the record, so a stranger learns nothing about who has an account.
  if (actor !== 'cli' && !can(actor, 'curation:view')) return refused(deps, actor, 'role:assign');
  const { db } = deps;
  const now = clock(deps);
  const user = await findUserByEmail(db, email);
  if (!user) return { ok: false, reason: 'not-found' };
  if (actor !== 'cli' && !can(actor, 'role:assign', { userId: user.id })) return refused(deps, actor, 'role:assign');
  const via = actor === 'cli' ? 'cli' : 'web';
  const event = securityEvent(db, { kind: 'role.assigned', userId: user.id, email: user.email, ip: actor === 'cli' ? null : deps.ip, detail: { role, via, by: actor === 'cli' ? null : actor.userId } }, now);
  await db.batch([
    db.update(users).set({ role }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    audit(db, { actorUserId: actor === 'cli' ? null : actor.userId, action: 'role.assigned', subjectType: 'user', subjectId: user.id, detail: { role, via } }, now),
    event.insert,
  ]);
  event.announce();
  return { ok: true };
}
