/**
 * A curator's decision about someone who waits for confirmation: confirm or
 * reject, with a reason the person reads in the e-mail. A decision can be taken back for a
 * short time: the e-mail about it waits that long in the outbox, so an undo in time means the
 * person never hears of the mistake.
 */

export const curationDecisionKinds = ['confirmed', 'rejected'] as const;
export type CurationDecisionKind = (typeof curationDecisionKinds)[number];

/** What a decision is about: one person, or a proposed employer together with whoever proposed it. */
export const curationSubjectTypes = ['user', 'organisation'] as const;
export type CurationSubjectType = (typeof curationSubjectTypes)[number];

/** How long a decision can be undone, and how long its e-mail waits before it goes out. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

/** "10 minuten": the undo window in words, for notices and the page. */
export const undoWindowText = `${UNDO_WINDOW_MS / 60_000} minuten`;

/** Longest reason a curator can give (it goes into an e-mail). */
export const REASON_MAX = 1000;

/** Is a decision taken at `decidedAt` still within its undo window at `now`? */
export function withinUndoWindow(decidedAt: number, now: number): boolean {
  return now >= decidedAt && now < decidedAt + UNDO_WINDOW_MS;
}
