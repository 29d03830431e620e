/**
 * A curator's decision on a member or a proposed employer: confirm, or reject with a reason
 * the person is told. The e-mail about it waits in the outbox for the undo window
 * (decision-undo.ts), so an undo in time cancels it.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { curationDecisions, organisations, outbox, users } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { newId } from '#platform/auth/crypto.ts';
import { clock, type Deps } from '#platform/context.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { memberConfirmedMessage, memberRejectedMessage } from '#platform/mail/curation-messages.ts';
import { UNDO_WINDOW_MS, type CurationDecisionKind, type CurationSubjectType } from '#domain/curation-decision.ts';
import { can, type Actor, type NotAllowed } from '#domain/policy.ts';
import { memberKinds, noStandingRejection, refused } from './curation-rules.ts';

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
 * the outbox for the undo window. A confirmation takes effect at once; what follows from it
 * (waiting offers passed on) is features/verification's decideMember, which callers use.
 */
export async function recordMemberDecision(deps: Deps, actor: Actor | null, userId: string, input: DecisionInput): Promise<DecideResult> {
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
  const kind = row.organisation.kind === 'municipality' ? 'municipality' : 'employer';
  const mail = input.decision === 'confirmed'
    ? memberConfirmedMessage(row.user.email, row.user.name, row.organisation.name, decision.reason, kind)
    : memberRejectedMessage(row.user.email, row.user.name, row.organisation.name, decision.reason!, deps.origin, kind);
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
  return { ok: true, decisionId: decision.id };
}

/**
 * After a confirmation passed waiting offers on: stores how many (such a decision cannot be
 * undone), and settles its mail. Whoever got "your offer is forwarded" (which says the curator
 * confirmed them, with the reason) gets no second mail about the membership; anyone else the
 * decision was about hears now instead of after the undo window, since there is no undo.
 */
export async function rememberReleasedOffers(deps: Deps, decisionId: string, released: readonly { authorId: string }[]) {
  if (released.length === 0) return;
  const { db } = deps;
  const [row] = await db.select().from(curationDecisions).where(eq(curationDecisions.id, decisionId)).limit(1);
  if (!row) return;
  const told = new Set(released.map((r) => r.authorId));
  const cancelled = row.mailIds.filter((_, i) => told.has(row.userIds[i]!));
  const hurried = row.mailIds.filter((_, i) => !told.has(row.userIds[i]!));
  await db.batch([
    db.update(curationDecisions).set({ releasedOffers: released.length }).where(eq(curationDecisions.id, decisionId)),
    db.delete(outbox).where(and(inArray(outbox.id, cancelled), eq(outbox.status, 'queued'))),
    db.update(outbox).set({ nextAttemptAt: clock(deps) }).where(and(inArray(outbox.id, hurried), eq(outbox.status, 'queued'))),
  ]);
}

/**
 * Confirms or rejects a proposed employer and, with it, whoever proposed it (address
 * confirmed): the curator saw both the organisation and the people on the curation page.
 * What follows from a confirmation is features/verification's decideOrganisation.
 */
export async function recordOrganisationDecision(deps: Deps, actor: Actor | null, organisationId: string, input: DecisionInput): Promise<DecideResult> {
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
          ? memberConfirmedMessage(member.email, member.name, org.name, decision.reason, 'employer')
          : memberRejectedMessage(member.email, member.name, org.name, decision.reason!, deps.origin, 'employer')),
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
  return { ok: true, decisionId: decision.id };
}
