/**
 * Home of the live pitch session's lifecycle: a curator opens a session for
 * one or more published pitches, shows one of them on the big screen at a time (`show`), and
 * ends it; ended is final. Every allowed move is one row of `liveSessionTransitions`; whatever
 * the table does not list is refused. Pure: no I/O (tests/unit/live-session-lifecycle.test.ts).
 */

/** Stored statuses; this list becomes the database enum. */
export const liveSessionStatuses = ['open', 'ended'] as const;
export type LiveSessionStatus = (typeof liveSessionStatuses)[number];

/** What a curator can do to a session once opened. */
export const liveSessionEvents = ['show', 'end'] as const;
export type LiveSessionEvent = (typeof liveSessionEvents)[number];

/** The one transition table: status × event → next status. Ended is final. */
export const liveSessionTransitions = {
  open: { show: 'open', end: 'ended' },
  ended: {},
} as const satisfies Record<LiveSessionStatus, Partial<Record<LiveSessionEvent, LiveSessionStatus>>>;

/** A session holds at least one pitch, and no more than a room can take in one sitting. */
export const LIVE_SESSION_MAX_PITCHES = 8;

export type LiveSessionTransition = { ok: true; status: LiveSessionStatus } | { ok: false; reason: 'ended' };

/** The status after `event`, or why the event is refused (only an open session changes). */
export function liveSessionTransition(status: LiveSessionStatus, event: LiveSessionEvent): LiveSessionTransition {
  const rules: Partial<Record<LiveSessionEvent, LiveSessionStatus>> = liveSessionTransitions[status];
  const next = rules[event];
  return next ? { ok: true, status: next } : { ok: false, reason: 'ended' };
}

/** The events a curator may still use in this status, for showing the right buttons. */
export function availableLiveSessionEvents(status: LiveSessionStatus): LiveSessionEvent[] {
  const rules: Partial<Record<LiveSessionEvent, LiveSessionStatus>> = liveSessionTransitions[status];
  return liveSessionEvents.filter((event) => rules[event] !== undefined);
}

/** Dutch labels per status, for the curator's list. */
export const liveSessionStatusLabel: Record<LiveSessionStatus, string> = { open: 'loopt', ended: 'afgelopen' };
