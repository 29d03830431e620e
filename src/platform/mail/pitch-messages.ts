/**
 * The e-mails about pitches and their moderation, in plain Dutch:
 * curators hear of a new submission; the author hears of publication, a request for changes
 * (with the note) and a rejection (with the reason). Names and titles come from people's own
 * input, so each goes through oneLine() (one line, nothing shaped like a link of its own);
 * a curator's note is quoted line by line so it cannot pose as the mail's own text.
 */
import { oneLine } from '#domain/names.ts';
import { footer, quoted, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

const closing = footer('u op Praktijkplein een pitch schreef of pitches modereert');

/** A pitch title or organisation in a mail: one line, links removed. */
const safeLine = (text: string) => oneLine(text, 120, 'organisation') || 'uw pitch';

/** To a curator: a pitch waits in the moderation queue. */
export function pitchSubmittedMessage(to: string, pitch: { title: string; municipality: string }, origin: string): MailMessage {
  return {
    to,
    subject: `Nieuwe pitch om te modereren: ${safeLine(pitch.title)}`,
    body: `Hallo,\n\n${safeLine(pitch.municipality)} heeft een pitch ingediend: "${safeLine(pitch.title)}".\n\nBekijk hem in de moderatiewachtrij en publiceer hem, vraag een wijziging of wijs hem af:\n\n${origin}/beheer/pitches/${closing}`,
  };
}

/** To the author: the pitch is published. */
export function pitchPublishedMessage(to: string, name: string, pitch: { id: string; title: string }, origin: string): MailMessage {
  return {
    to,
    subject: `Uw pitch staat online: ${safeLine(pitch.title)}`,
    body: `Beste ${safeName(name)},\n\nUw pitch "${safeLine(pitch.title)}" is gepubliceerd. Werkgevers kunnen nu laten weten dat ze meedoen:\n\n${origin}/pitches/${pitch.id}/${closing}`,
  };
}

/** To the author: a curator asks for changes, with the note. */
export function pitchChangesRequestedMessage(to: string, name: string, pitch: { id: string; title: string }, note: string, origin: string): MailMessage {
  return {
    to,
    subject: `Wijziging gevraagd voor uw pitch: ${safeLine(pitch.title)}`,
    body: `Beste ${safeName(name)},\n\nEen curator van Praktijkplein heeft uw pitch "${safeLine(pitch.title)}" gelezen en vraagt u iets aan te passen:\n\n${quoted(note)}\n\nPas de pitch aan en dien hem opnieuw in:\n\n${origin}/pitches/${pitch.id}/bewerken/${closing}`,
  };
}

/** To the author: the pitch is rejected, with the reason. */
export function pitchRejectedMessage(to: string, name: string, pitch: { id: string; title: string }, reason: string, origin: string): MailMessage {
  return {
    to,
    subject: `Uw pitch is niet gepubliceerd: ${safeLine(pitch.title)}`,
    body: `Beste ${safeName(name)},\n\nEen curator van Praktijkplein heeft besloten uw pitch "${safeLine(pitch.title)}" niet te publiceren. De reden:\n\n${quoted(reason)}\n\nU vindt de pitch nog bij uw pitches: ${origin}/account/mijn-pitches/${closing}`,
  };
}
