/**
 * Home of the network's brokering list: which published pitches wait for help long enough that
 * the network's staff should step in, and how the invitations of such a pitch add up. A pitch
 * waits when it still takes offers, was published at least BROKER_AFTER_DAYS days ago, and no
 * employer takes part in it (no offer in a joined status: none came, or each was withdrawn or
 * declined). The oldest waiting pitch comes first: it has waited longest and closes soonest.
 */
import type { InvitationState } from './invitations.ts';

/** Days after publication without an employer taking part before a pitch is on the list. */
export const BROKER_AFTER_DAYS = 14;
/** Pitches shown on the list at once, at most (the oldest waiting first). */
export const BROKER_LIST_MAX = 20;
/** Suggested employers named per pitch on the list; the pitch's own page names all of them. */
export const BROKER_SUGGESTIONS_SHOWN = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest publication time that has waited long enough at `now`. */
export function brokerCutoff(now: number): number {
  return now - BROKER_AFTER_DAYS * DAY_MS;
}

/** Whole days since publication (a pitch published 14 days and 3 hours ago waited 14 days). */
export function daysWaiting(publishedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - publishedAt) / DAY_MS));
}

/** The invitations of one pitch, counted by how they stand. */
export interface InvitationTally {
  invited: number;
  joined: number;
  declined: number;
  /** Invited and not answered yet. */
  open: number;
}

/** Counts invitations by state: every invitation is invited; each is also joined, declined or open. */
export function tallyInvitations(states: readonly InvitationState[]): InvitationTally {
  const count = (state: InvitationState) => states.filter((s) => s === state).length;
  return { invited: states.length, joined: count('joined'), declined: count('declined'), open: count('invited') };
}

/** The tally in one Dutch line: "4 uitgenodigd: 1 doet mee, 2 doen niet mee, 1 nog geen antwoord". */
export function invitationTallyText(tally: InvitationTally): string {
  if (tally.invited === 0) return 'Nog niemand uitgenodigd';
  const parts = [
    tally.joined > 0 ? `${tally.joined} ${tally.joined === 1 ? 'doet' : 'doen'} mee` : null,
    tally.declined > 0 ? `${tally.declined} ${tally.declined === 1 ? 'doet' : 'doen'} niet mee` : null,
    tally.open > 0 ? `${tally.open} nog geen antwoord` : null,
  ].filter((part): part is string => part !== null);
  return `${tally.invited} uitgenodigd: ${parts.join(', ')}`;
}

/**
 * What came of offers that do not take part, in one Dutch line ("Het aanbod van 1 werkgever is
 * ingetrokken of afgewezen; het aanbod van 2 werkgevers wacht tot die werkgevers zijn
 * bevestigd"); empty when none came.
 */
export function offersOutsideText(ended: number, waiting: number): string {
  const employers = (n: number) => (n === 1 ? '1 werkgever' : `${n} werkgevers`);
  const parts = [
    ended > 0 ? `het aanbod van ${employers(ended)} is ingetrokken of afgewezen` : null,
    waiting > 0 ? `het aanbod van ${employers(waiting)} wacht tot ${waiting === 1 ? 'die werkgever is' : 'die werkgevers zijn'} bevestigd` : null,
  ].filter((part): part is string => part !== null);
  const line = parts.join('; ');
  return line && line[0]!.toUpperCase() + line.slice(1);
}
