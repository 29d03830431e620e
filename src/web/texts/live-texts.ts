/**
 * Texts of the live screen that both the server's page and the screen's
 * script write, so a number reads the same before and after a live update.
 */

/** "werkgever doet mee" / "werkgevers doen mee", after the number. */
export function employersLabel(count: number): string {
  return count === 1 ? 'werkgever doet mee' : 'werkgevers doen mee';
}

/** The line about answers that wait for a confirmation; empty when none wait. */
export function waitingText(waiting: number): string {
  if (waiting === 0) return '';
  return waiting === 1 ? '1 aanmelding wacht nog op bevestiging' : `${waiting} aanmeldingen wachten nog op bevestiging`;
}

/** How many names the screen shows before "en N andere werkgevers": more do not fit on a projector. */
export const SCREEN_NAMES = 12;

/** The names shown, and the line for the rest ("en 3 andere werkgevers"), empty when all fit. */
export function screenNames(named: readonly string[]): { shown: string[]; rest: string } {
  const shown = named.slice(0, SCREEN_NAMES);
  const more = named.length - shown.length;
  return { shown, rest: more === 0 ? '' : more === 1 ? 'en 1 andere werkgever' : `en ${more} andere werkgevers` };
}

/** What a screen reader hears after a change: the count, and the new names. */
export function announcement(count: number, newNames: readonly string[]): string {
  const sentence = `Er ${count === 1 ? 'doet' : 'doen'} nu ${count} ${count === 1 ? 'werkgever' : 'werkgevers'} mee.`;
  return newNames.length > 0 ? `${sentence} Nieuw: ${newNames.join(', ')}.` : sentence;
}
