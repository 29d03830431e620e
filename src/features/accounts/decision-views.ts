/** Curation decisions as the curation page shows them, with whether each can still be undone. */
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { curationDecisions, organisations, outbox, users, type CurationDecisionRow } from '#db/schema.ts';
import { clock, type Deps } from '#platform/context.ts';
import { UNDO_WINDOW_MS, withinUndoWindow, type CurationDecisionKind, type CurationSubjectType } from '#domain/curation-decision.ts';
import { can, type Actor } from '#domain/policy.ts';

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
