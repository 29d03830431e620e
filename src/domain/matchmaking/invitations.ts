/**
 * Home of the rules of an invitation: a pitch's owner asks a suggested employer to take part.
 * Stored statuses are `invited` and `declined`; "doet mee" is not stored but read from the
 * offers (the employer has an offer on the pitch that takes part), so an employer that answers
 * through the pitch page without the mail's link counts too, and a withdrawn offer no longer does.
 * The texts of refusals live here so the action, the page and the tests share one wording.
 */

export const invitationStatuses = ['invited', 'declined'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** What the owner sees per invitation. */
export type InvitationState = InvitationStatus | 'joined';

/** Longest personal note with an invitation (it goes into the mail). */
export const INVITATION_NOTE_MAX = 1000;
/** Longest reason an employer gives for declining. */
export const DECLINE_REASON_MAX = 500;
/** At most this many members of one employer get the mail (the earliest verified first). */
export const MAX_INVITATION_RECIPIENTS = 5;

/** "doet mee" wins over what is stored: an offer that takes part is the answer that counts. */
export function invitationState(status: InvitationStatus, joined: boolean): InvitationState {
  return joined ? 'joined' : status;
}

export const invitationStateLabel: Record<InvitationState, string> = {
  invited: 'uitgenodigd',
  joined: 'doet mee',
  declined: 'doet niet mee',
};

export const invitationRefusals = ['not-own-pitch', 'pitch-closed', 'not-invitable', 'already-invited'] as const;
export type InvitationRefusal = (typeof invitationRefusals)[number];

export const invitationRefusalMessage: Record<InvitationRefusal, string> = {
  'not-own-pitch': 'U kunt alleen werkgevers uitnodigen voor een pitch van uw eigen gemeente.',
  'pitch-closed': 'Deze pitch neemt geen aanbod meer aan, dus uitnodigen kan niet meer.',
  // One wording for every employer that is not on the list: the answer must not tell whether
  // an employer exists, fits or allows invitations (no enumeration).
  'not-invitable':
    'U kunt alleen een werkgever uitnodigen die in de lijst "Werkgevers die hierbij passen" staat. Andere werkgevers passen niet bij deze pitch of staan uitnodigingen niet toe.',
  'already-invited': 'U heeft deze werkgever al uitgenodigd voor deze pitch. Per pitch kan dat één keer; hieronder ziet u of hij al heeft geantwoord.',
};

/** The line under the list about employers that fit but may not be named: null when there are none. */
export function hiddenEmployersLine(count: number): string | null {
  if (count <= 0) return null;
  return count === 1
    ? 'En 1 werkgever die ook past, maar uitnodigingen via Praktijkplein niet heeft aangezet.'
    : `En ${count} werkgevers die ook passen, maar uitnodigingen via Praktijkplein niet hebben aangezet.`;
}
