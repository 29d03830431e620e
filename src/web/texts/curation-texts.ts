/**
 * What the curation page says about a decision: whom it was about ("Jan de
 * Vries is bevestigd als medewerker van Zaanstad"), when the e-mail goes, and what an undo did.
 * Derived from the decision as stored, so the notice cannot say more than happened.
 */
import type { DecisionView } from '#features/accounts/decision-views.ts';
import { amsterdamClockTime } from '#domain/amsterdam-time.ts';
import { formatDate } from '#platform/texts/nl.ts';

/** "10:23", Amsterdam time. */
export function clockTime(ms: number): string {
  return amsterdamClockTime(ms);
}

/** "3 maart 2026, 10:23", Amsterdam time: when something happened, in the curators' lists. */
export function dateAndTime(ms: number): string {
  return `${formatDate(new Date(ms))}, ${clockTime(ms)}`;
}

/** "Jan de Vries", "Jan de Vries en Piet Jansen", "A, B en C". */
export function namesList(names: readonly string[]): string {
  if (names.length === 0) return 'niemand';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/** The decision itself, naming whom: "Jan de Vries is bevestigd als medewerker van Zaanstad." */
export function decisionSentence(d: DecisionView): string {
  const confirmed = d.decision === 'confirmed';
  if (d.subjectType === 'organisation') {
    const people = d.people.length > 0 ? `, en daarmee ${namesList(d.people)} als ${d.people.length === 1 ? 'medewerker' : 'medewerkers'} ervan` : '';
    return confirmed ? `${d.organisation} is bevestigd als werkgever${people}.` : `${d.organisation} is niet bevestigd als werkgever${people ? `; ${namesList(d.people)} ${d.people.length === 1 ? 'hoort' : 'horen'} waarom` : ''}.`;
  }
  const who = namesList(d.people) || 'Deze persoon';
  return confirmed ? `${who} is bevestigd als medewerker van ${d.organisation}.` : `${who} is niet bevestigd als medewerker van ${d.organisation}.`;
}

/** What happens next, and whether (and until when) it can be undone. */
export function decisionFollowUp(d: DecisionView): string {
  const mail = d.people.length === 1 ? 'krijgt een e-mail' : 'krijgen een e-mail';
  const withReason = d.reason ? ', met uw toelichting' : '';
  if (d.releasedOffers > 0) {
    return `Het wachtende aanbod (${d.releasedOffers}) is meteen aan de gemeente doorgestuurd; daarom kan dit besluit niet meer ongedaan worden gemaakt. ${namesList(d.people)} ${mail} nu${withReason}.`;
  }
  if (d.undoable) return `${namesList(d.people)} ${mail} om ${clockTime(d.undoUntil)}${withReason}. Tot dan kunt u dit ongedaan maken.`;
  return `${namesList(d.people)} ${mail}${withReason}.`;
}

/** After an undo: what was restored and what happened to the e-mail. */
export function undoneSentence(d: DecisionView): string {
  const who = namesList(d.people);
  const waits = d.subjectType === 'organisation' ? `${d.organisation} en ${who} wachten weer op bevestiging.` : `${who} wacht weer op bevestiging.`;
  const mail = d.mailsAlreadySent > 0 ? 'De e-mail was al verstuurd; er gaat een correctie achteraan.' : 'De e-mail is niet verstuurd.';
  return `Het besluit over ${d.subjectType === 'organisation' ? d.organisation : who} is teruggedraaid. ${waits} ${mail}`;
}
