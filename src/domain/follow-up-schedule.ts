/**
 * Home of the outcome follow-up schedule: a pitch that closes as matched or
 * partly matched is asked 3, 6 and 12 months after its closing day how many people started and
 * how many are still at work. Days are calendar days in Amsterdam; a month later is the
 * same day number, or the month's last day when that month is shorter (addMonthsToDay). Pure: the caller passes the clock.
 */
import { addMonthsToDay, amsterdamDate } from './amsterdam-time.ts';
import type { PitchOutcome } from './pitch-lifecycle.ts';

/** The moments a closed pitch is asked about, in months after its closing day. */
export const followUpMoments = [3, 6, 12] as const;
export type FollowUpMoment = (typeof followUpMoments)[number];

/** Outcomes that are followed up: only where people were placed is there something to ask. */
export const followedUpOutcomes: readonly PitchOutcome[] = ['matched', 'partly'];

/** The most people one answer may report: far above any pitch, low enough to catch a typo like 100000. */
export const FOLLOW_UP_MAX_PEOPLE = 10_000;

/** Is a pitch that closed with this outcome followed up? */
export function isFollowedUp(outcome: PitchOutcome | null | undefined): boolean {
  return outcome != null && followedUpOutcomes.includes(outcome);
}

/** One scheduled question. */
export interface ScheduledFollowUp {
  monthsAfter: FollowUpMoment;
  /** YYYY-MM-DD, a day in Amsterdam. */
  dueOn: string;
}

/** The three questions for a pitch closed at `closedAt` (ms): due on its Amsterdam closing day plus 3, 6 and 12 months. */
export function followUpSchedule(closedAt: number): ScheduledFollowUp[] {
  const closedOn = amsterdamDate(new Date(closedAt));
  return followUpMoments.map((monthsAfter) => ({ monthsAfter, dueOn: addMonthsToDay(closedOn, monthsAfter) }));
}

/** Is a question due (may it be answered, and is it time to remind) at `now`? From the start of its day in Amsterdam. */
export function isDue(dueOn: string, now: number): boolean {
  return amsterdamDate(new Date(now)) >= dueOn;
}

/** Why an answer is refused. */
export type FollowUpAnswerRefusal = 'started-invalid' | 'still-working-invalid' | 'still-working-above-started';

/** Dutch messages per refusal, for the field it belongs to. */
export const followUpRefusalMessage: Record<FollowUpAnswerRefusal, string> = {
  'started-invalid': `Vul bij het aantal gestarte mensen een heel getal in van 0 tot en met ${FOLLOW_UP_MAX_PEOPLE.toLocaleString('nl-NL')}.`,
  'still-working-invalid': `Vul bij het aantal mensen dat nog aan het werk is een heel getal in van 0 tot en met ${FOLLOW_UP_MAX_PEOPLE.toLocaleString('nl-NL')}.`,
  'still-working-above-started': 'Er kunnen niet meer mensen nog aan het werk zijn dan er zijn gestart.',
};

/** Checks one answer: whole numbers from 0 to the maximum, and still at work no more than started. */
export function checkFollowUpAnswer(answer: { started: number; stillWorking: number }): { ok: true } | { ok: false; reason: FollowUpAnswerRefusal } {
  const valid = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= FOLLOW_UP_MAX_PEOPLE;
  if (!valid(answer.started)) return { ok: false, reason: 'started-invalid' };
  if (!valid(answer.stillWorking)) return { ok: false, reason: 'still-working-invalid' };
  if (answer.stillWorking > answer.started) return { ok: false, reason: 'still-working-above-started' };
  return { ok: true };
}

/** "3 maanden", "12 maanden": how pages and mail name a moment. */
export const followUpMomentLabel = (months: number) => `${months} maanden`;
