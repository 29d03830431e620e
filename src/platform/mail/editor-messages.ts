/**
 * Mail of the content editor: a curator asks a colleague to review a draft. Titles
 * and names go through oneLine() so they cannot add lines or links of their own.
 */
import { oneLine } from '#domain/names.ts';
import type { MailMessage } from './outbox.ts';

/** "Wil je meekijken?" to the reviewer, with the link to the draft. */
export function reviewRequestedMessage(to: { email: string; userId: string }, draft: { id: string; title: string; kindLabel: string }, askedBy: string, origin: string): MailMessage {
  return {
    to: to.email,
    userId: to.userId,
    subject: `Praktijkplein: ${oneLine(askedBy, 100)} vraagt u een concept te bekijken`,
    body:
      `${oneLine(askedBy, 100)} vraagt u het concept van een ${draft.kindLabel} te bekijken voordat het live gaat:\n\n` +
      `"${oneLine(draft.title, 200, 'organisation')}"\n\n` +
      `Bekijk het voorbeeld en geef uw oordeel of opmerking op:\n${origin}/beheer/inhoud/concept/${draft.id}/\n\n` +
      `Alle concepten staan op ${origin}/beheer/inhoud/.`,
  };
}
