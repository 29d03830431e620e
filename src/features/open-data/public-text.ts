/**
 * Free text that people typed (a pitch's challenge, an activity's description) goes into open
 * data without the e-mail addresses in it. The site shows the text to visitors as written, but
 * open data is copied and kept elsewhere, beyond any later edit; an address in it is most often a
 * person's. The rest of the text stays as written.
 */

/** An e-mail address in running text (also with accented letters, as people type them). */
export const EMAIL_ADDRESS = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const EMAIL_LEFT_OUT = '[e-mailadres weggelaten]';

/** The text with every e-mail address replaced by a note that one was left out. */
export function withoutEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, EMAIL_LEFT_OUT);
}
