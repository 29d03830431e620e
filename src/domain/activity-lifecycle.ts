/**
 * Home of the activity lifecycle (docs/architecture.md "events follow the same
 * moderation pattern as pitches"): submitted → published | changes requested | rejected; the
 * submitter edits a submitted activity or one sent back (an edit of one sent back submits it
 * again); published → cancelled, by its organiser or a curator. A published activity is not
 * edited: its text went through moderation, and calendars that subscribed already copied it; a
 * change means cancelling it and submitting it anew. Rejected and cancelled are final; a
 * cancelled activity stays public (marked), so subscribed calendars hear of it.
 * Every allowed move is one row of `activityTransitions`; whatever the table does not list is
 * refused. Who counts as 'organiser' or 'curator' is the policy's question (policy.ts).
 * Tested as the full table of statuses × events × roles (tests/unit/activity-lifecycle.test.ts).
 */

/** Stored statuses; this list becomes the database enum. */
export const activityStatuses = ['submitted', 'changes-requested', 'published', 'rejected', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** What can happen to an activity. */
export const activityEvents = ['edit', 'publish', 'request-changes', 'reject', 'cancel'] as const;
export type ActivityEvent = (typeof activityEvents)[number];

/** Who makes a move: the submitting side (the submitter or a colleague of its organisation), or a curator. */
export const activityRoles = ['organiser', 'curator'] as const;
export type ActivityRole = (typeof activityRoles)[number];

/** One allowed move: the roles that may make it and the status it leads to. */
export interface ActivityRule {
  readonly by: readonly ActivityRole[];
  readonly to: ActivityStatus;
}

/** The one transition table. */
export const activityTransitions = {
  submitted: {
    edit: { by: ['organiser'], to: 'submitted' },
    publish: { by: ['curator'], to: 'published' },
    'request-changes': { by: ['curator'], to: 'changes-requested' },
    reject: { by: ['curator'], to: 'rejected' },
  },
  'changes-requested': {
    edit: { by: ['organiser'], to: 'submitted' },
  },
  published: {
    cancel: { by: ['organiser', 'curator'], to: 'cancelled' },
  },
  rejected: {},
  cancelled: {},
} as const satisfies Record<ActivityStatus, Partial<Record<ActivityEvent, ActivityRule>>>;

/** Statuses the public sees (a cancelled activity stays visible, marked as cancelled). */
export const publicActivityStatuses = ['published', 'cancelled'] as const satisfies readonly ActivityStatus[];

/** Why a move is refused. */
export type ActivityRefusal = 'not-allowed-in-status' | 'not-allowed-for-role' | 'note-required' | 'reason-required' | 'already-over';

export type ActivityTransitionResult =
  | { ok: true; status: ActivityStatus; moderationNote?: string | null }
  | { ok: false; reason: ActivityRefusal };

/** Dutch messages for each refusal. */
export const activityRefusalMessage: Record<ActivityRefusal, string> = {
  'not-allowed-in-status': 'Dit kan niet (meer) in de huidige status van de activiteit.',
  'not-allowed-for-role': 'U mag dit niet doen bij deze activiteit.',
  'note-required': 'Schrijf op wat er moet veranderen, zodat de indiener weet wat te doen.',
  'reason-required': 'Schrijf op waarom de activiteit wordt afgewezen.',
  'already-over': 'Deze activiteit is al voorbij; publiceren heeft geen zin meer. Wijs haar af of vraag een nieuwe datum.',
};

/** Dutch labels per status. */
export const activityStatusLabel: Record<ActivityStatus, string> = {
  submitted: 'ingediend',
  'changes-requested': 'wijziging gevraagd',
  published: 'gepubliceerd',
  rejected: 'afgewezen',
  cancelled: 'geannuleerd',
};

/** The moves a role could make in a status, for showing the right buttons. */
export function availableActivityEvents(status: ActivityStatus, role: ActivityRole): ActivityEvent[] {
  const rules: Partial<Record<ActivityEvent, ActivityRule>> = activityTransitions[status];
  return activityEvents.filter((event) => rules[event]?.by.includes(role));
}

/** What `activityTransition` reads of an activity. */
export interface ActivityState {
  status: ActivityStatus;
  /** The instant it ends (UTC ms). */
  endsAt: number;
}

/**
 * Apply one event: the next status (and the curator's note to store), or why not. Checks the
 * table (status, then role), then the note a request or rejection needs, then that an activity
 * to publish has not already ended.
 */
export function activityTransition(activity: ActivityState, event: ActivityEvent, input: { by: ActivityRole; note?: string }, now: number): ActivityTransitionResult {
  const rules: Partial<Record<ActivityEvent, ActivityRule>> = activityTransitions[activity.status];
  const rule = rules[event];
  if (!rule) return { ok: false, reason: 'not-allowed-in-status' };
  if (!rule.by.includes(input.by)) return { ok: false, reason: 'not-allowed-for-role' };
  const note = typeof input.note === 'string' && input.note.trim() !== '' ? input.note.trim() : null;
  switch (event) {
    case 'request-changes':
      return note ? { ok: true, status: rule.to, moderationNote: note } : { ok: false, reason: 'note-required' };
    case 'reject':
      return note ? { ok: true, status: rule.to, moderationNote: note } : { ok: false, reason: 'reason-required' };
    case 'publish':
      if (activity.endsAt <= now) return { ok: false, reason: 'already-over' };
      return { ok: true, status: rule.to, moderationNote: null };
    case 'cancel':
      // The reason is optional; when given, the activity page and the feed say it.
      return { ok: true, status: rule.to, moderationNote: note };
    case 'edit':
      // The curator's earlier note stays, so the curator sees what was asked.
      return { ok: true, status: rule.to };
  }
}
