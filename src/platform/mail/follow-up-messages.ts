/**
 * The e-mail of outcome follow-up: 3, 6 and 12 months after a pitch closed
 * with a match, its owner is asked how many people started and how many are still at work.
 * The title is the author's own input, so it goes through oneLine() (one line, no link of its
 * own). The link needs a sign-in, not a token: it does not expire.
 */
import { oneLine } from '#domain/names.ts';
import { safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

const safeLine = (text: string) => oneLine(text, 120, 'organisation') || 'uw pitch';

/** The address of the answer form, at the question for this moment. */
export const followUpFormPath = (pitchId: string, monthsAfter: number) => `/pitches/${encodeURIComponent(pitchId)}/resultaat/#na-${monthsAfter}-maanden`;

/** To the pitch's owner: how is it going, N months after closing? */
export function followUpReminderMessage(to: string, name: string, pitch: { id: string; title: string; municipalityName: string }, monthsAfter: number, origin: string): MailMessage {
  const title = safeLine(pitch.title);
  return {
    to,
    subject: `Hoe gaat het ${monthsAfter} maanden later? ${title}`,
    body:
      `Beste ${safeName(name)},\n\n` +
      `${monthsAfter} maanden geleden sloot ${safeLine(pitch.municipalityName)} de pitch "${title}" met een match. Hoe gaat het nu?\n\n` +
      `We vragen twee getallen: hoeveel mensen zijn via de pitch aan het werk gegaan, en hoeveel van hen werken er nu nog. ` +
      `Het kost een minuut, en zo ziet het netwerk wat pitches opleveren (alleen de getallen worden openbaar, niet wie ze doorgaf).\n\n` +
      `Geef het door (na inloggen):\n\n${origin}${followUpFormPath(pitch.id, monthsAfter)}\n\n` +
      `Met vriendelijke groet,\nPraktijkplein\n\nU krijgt deze e-mail omdat u op Praktijkplein een pitch schreef die met een match is gesloten. ` +
      `We vragen het na 3, 6 en 12 maanden; daarna niet meer.`,
  };
}
