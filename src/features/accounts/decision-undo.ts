/**
 * Taking a curation decision back within UNDO_WINDOW_MS. Undo stays honest: the e-mail about a
 * decision waits in the outbox for the undo window, so an undo in time cancels it; one that
 * went out anyway gets a correction. A confirmation that passed waiting offers on to a pitch's
 * municipality cannot be taken back (those mails are not ours to call back), and the page says so.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { curationDecisions, organisations, outbox, users } from '#db/schema.ts';
import { audit } from '#platform/audit/audit-log.ts';
import { clock, type Deps } from '#platform/context.ts';
import { enqueueMail } from '#platform/mail/outbox.ts';
import { decisionUndoneMessage } from '#platform/mail/curation-messages.ts';
import { withinUndoWindow } from '#domain/curation-decision.ts';
import { can, type Actor, type NotAllowed } from '#domain/policy.ts';
import { refused } from './curation-rules.ts';

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
