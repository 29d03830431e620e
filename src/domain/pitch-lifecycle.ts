/**
 * Home of the pitch lifecycle (docs/architecture.md): draft → submitted → published | changes requested
 * (→ submitted again) | rejected; published → closed with an outcome. Every allowed move is one
 * row of `pitchTransitions` (status × event → next status, and the one role that may make it);
 * whatever the table does not list is refused. Who counts as the 'author' (the owner or a
 * verified colleague of the same municipality) or a 'curator' is the policy's question
 * (policy.ts); this module only names the role. Pure: no clock of its own, no I/O, and
 * `transition` returns what to write instead of changing its input.
 * Tested as the full table of statuses × events × roles (tests/unit/pitch-lifecycle.test.ts).
 */
import { amsterdamDate } from './amsterdam-time.ts';

/** Stored statuses, in lifecycle order; this list becomes the database enum. */
export const pitchStatuses = ['draft', 'submitted', 'changes-requested', 'published', 'rejected', 'closed'] as const;
export type PitchStatus = (typeof pitchStatuses)[number];

/** How a closed pitch ended; this list becomes the database enum. */
export const pitchOutcomes = ['matched', 'partly', 'not-matched'] as const;
export type PitchOutcome = (typeof pitchOutcomes)[number];

/** What can happen to a pitch. `edit` keeps the status; `feature`/`unfeature` flip the featured flag. */
export const pitchEvents = ['edit', 'submit', 'publish', 'request-changes', 'reject', 'close', 'feature', 'unfeature'] as const;
export type PitchEvent = (typeof pitchEvents)[number];

/**
 * Who makes a move: the municipality's side, a curator, or the application itself. No pitch
 * move is the system's today: a passed closing date changes how a pitch reads, not its row.
 */
export const pitchRoles = ['author', 'curator', 'system'] as const;
export type PitchRole = (typeof pitchRoles)[number];

/** One allowed move: the role that may make it and the status it leads to. */
export interface PitchRule {
  readonly by: PitchRole;
  readonly to: PitchStatus;
}

/**
 * The one transition table. Edits only before publication (a published text went through
 * moderation; changing it would bypass that). Rejected and closed are final.
 */
export const pitchTransitions = {
  draft: {
    edit: { by: 'author', to: 'draft' },
    submit: { by: 'author', to: 'submitted' },
  },
  submitted: {
    publish: { by: 'curator', to: 'published' },
    'request-changes': { by: 'curator', to: 'changes-requested' },
    reject: { by: 'curator', to: 'rejected' },
  },
  'changes-requested': {
    edit: { by: 'author', to: 'changes-requested' },
    submit: { by: 'author', to: 'submitted' },
  },
  published: {
    close: { by: 'author', to: 'closed' },
    feature: { by: 'curator', to: 'published' },
    unfeature: { by: 'curator', to: 'published' },
  },
  rejected: {},
  closed: {},
} as const satisfies Record<PitchStatus, Partial<Record<PitchEvent, PitchRule>>>;

/** What `transition` reads of a pitch. `closingDate`: YYYY-MM-DD, a day in Amsterdam; null: none. */
export interface PitchState {
  readonly status: PitchStatus;
  readonly closingDate: string | null;
}

/** What each event needs besides the role making it. */
export interface PitchEventFields {
  edit: object;
  submit: object;
  publish: object;
  /** Shown to the author: what to change. */
  'request-changes': { note: string };
  /** Shown to the author: why not. */
  reject: { reason: string };
  /** People placed: a whole number ≥ 0; more than 0 only with outcome matched or partly. */
  close: { outcome: PitchOutcome; peoplePlaced: number };
  feature: object;
  unfeature: object;
}

/** The input of one event: who makes it, plus its fields. */
export type PitchInput<E extends PitchEvent> = { by: PitchRole } & PitchEventFields[E];

/** The columns a move writes besides the status; absent keys stay as they are. */
export interface PitchChanges {
  moderationNote?: string | null;
  featured?: boolean;
  outcome?: PitchOutcome;
  peoplePlaced?: number;
}

/** Why a move is refused. */
export const pitchRefusals = [
  'not-allowed-in-status',
  'not-allowed-for-role',
  'note-required',
  'reason-required',
  'outcome-required',
  'people-placed-invalid',
  'people-placed-without-match',
  'closing-date-passed',
] as const;
export type PitchRefusal = (typeof pitchRefusals)[number];

export type PitchTransitionResult =
  | { ok: true; status: PitchStatus; changes: PitchChanges }
  | { ok: false; reason: PitchRefusal };

/** Dutch messages for each refusal, for the form or page that asked. */
export const pitchRefusalMessage: Record<PitchRefusal, string> = {
  'not-allowed-in-status': 'Dit kan niet (meer) in de huidige status van de pitch.',
  'not-allowed-for-role': 'U mag dit niet doen bij deze pitch.',
  'note-required': 'Schrijf op wat er moet veranderen, zodat de indiener weet wat te doen.',
  'reason-required': 'Schrijf op waarom de pitch wordt afgewezen.',
  'outcome-required': 'Kies hoe de pitch is afgelopen.',
  'people-placed-invalid': 'Vul bij het aantal geplaatste mensen een heel getal in van 0 of meer.',
  'people-placed-without-match': 'Zonder match zijn er geen mensen geplaatst: vul 0 in of kies een andere uitkomst.',
  'closing-date-passed': 'De sluitingsdatum is voorbij. Kies een latere sluitingsdatum.',
};

/** Dutch labels per status, for pages and e-mail. */
export const pitchStatusLabel: Record<PitchStatus, string> = {
  draft: 'concept',
  submitted: 'ingediend',
  'changes-requested': 'wijziging gevraagd',
  published: 'gepubliceerd',
  rejected: 'afgewezen',
  closed: 'gesloten',
};

/** Dutch labels per outcome. */
export const pitchOutcomeLabel: Record<PitchOutcome, string> = {
  matched: 'gelukt',
  partly: 'deels gelukt',
  'not-matched': 'niet gelukt',
};

/**
 * The moves a role could make in a status, for showing the right buttons. The inputs and the
 * closing date are checked by `transition` only.
 */
export function availablePitchEvents(status: PitchStatus, role: PitchRole): PitchEvent[] {
  const rules: Partial<Record<PitchEvent, PitchRule>> = pitchTransitions[status];
  return pitchEvents.filter((event) => rules[event]?.by === role);
}

/**
 * Apply one event to a pitch: the next status and the columns to write, or why not. Checks, in
 * order: the table (status, then role), the event's input, then the closing date. Submitting,
 * publishing and featuring need a closing date that has not passed (an expired pitch would be
 * published already closed); closing is allowed after it (recording the outcome is the point).
 */
export function transition<E extends PitchEvent>(pitch: PitchState, event: E, input: PitchInput<E>, now: Date): PitchTransitionResult {
  const rules: Partial<Record<PitchEvent, PitchRule>> = pitchTransitions[pitch.status];
  const rule = rules[event];
  if (!rule) return refuse('not-allowed-in-status');
  if (rule.by !== input.by) return refuse('not-allowed-for-role');

  const changes = changesFor(event, input);
  if ('reason' in changes) return changes;

  if ((event === 'submit' || event === 'publish' || event === 'feature') && closingDatePassed(pitch.closingDate, now)) {
    return refuse('closing-date-passed');
  }
  return { ok: true, status: rule.to, changes };
}

/** The input checks of one event, and the columns it writes. */
function changesFor(event: PitchEvent, input: PitchInput<PitchEvent>): PitchChanges | { ok: false; reason: PitchRefusal } {
  switch (event) {
    case 'edit':
    case 'submit':
      // Resubmitting keeps the curator's note, so the curator sees what was asked.
      return {};
    case 'publish':
      return { moderationNote: null };
    case 'request-changes': {
      const note = textOf((input as PitchInput<'request-changes'>).note);
      return note ? { moderationNote: note } : refuse('note-required');
    }
    case 'reject': {
      const reason = textOf((input as PitchInput<'reject'>).reason);
      return reason ? { moderationNote: reason } : refuse('reason-required');
    }
    case 'close': {
      const { outcome, peoplePlaced } = input as PitchInput<'close'>;
      if (!(pitchOutcomes as readonly unknown[]).includes(outcome)) return refuse('outcome-required');
      if (!Number.isSafeInteger(peoplePlaced) || peoplePlaced < 0) return refuse('people-placed-invalid');
      if (outcome === 'not-matched' && peoplePlaced > 0) return refuse('people-placed-without-match');
      // A closed pitch asks for nothing any more, so it leaves the featured places.
      return { outcome, peoplePlaced, featured: false };
    }
    case 'feature':
      return { featured: true };
    case 'unfeature':
      return { featured: false };
  }
}

const refuse = (reason: PitchRefusal) => ({ ok: false, reason }) as const;

/** Trimmed text, or null when there is none (the edge may send anything). */
function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Has the closing day ended? The closing date is inclusive: offers come in through the end of
 * that day in Amsterdam (23:59 local, whatever the offset that day). Dates in YYYY-MM-DD
 * compare as strings. A malformed date is a bug upstream (validated at the edge), so it throws.
 */
export function closingDatePassed(closingDate: string | null, now: Date): boolean {
  if (closingDate === null) return false;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(closingDate)) throw new Error(`Ongeldige sluitingsdatum: ${closingDate}`);
  return amsterdamDate(now) > closingDate;
}

/**
 * The status as the public and the offer form read it: a published pitch past its closing date
 * reads as closed, without a write. Transitions use the stored status, so its author can
 * still close it with an outcome.
 */
export function effectiveStatus(pitch: PitchState, now: Date): PitchStatus {
  return pitch.status === 'published' && closingDatePassed(pitch.closingDate, now) ? 'closed' : pitch.status;
}

/** May a new offer be made on this pitch now? Only while published and before the closing day has ended. */
export function acceptsOffers(pitch: PitchState, now: Date): boolean {
  return effectiveStatus(pitch, now) === 'published';
}
