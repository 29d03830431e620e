/**
 * The mail the network's mailbox gets for each message sent through /aandragen/. The sender's own words are quoted as they wrote them, marked as such; their name
 * goes through oneLine() so it cannot add lines or links of its own.
 */
import { oneLine } from '#domain/names.ts';
import { suggestionKindLabel, suggestionKindShort, type SuggestionKind } from '#domain/suggestions.ts';
import type { MailMessage } from './outbox.ts';

export interface SuggestionMail {
  kind: SuggestionKind;
  message: string;
  name: string;
  email: string;
  organisation: string | null;
  about: { path: string; title: string } | null;
}

export function suggestionReceivedMessage(to: string, suggestion: SuggestionMail, origin: string, userId: string | null): MailMessage {
  const about = suggestion.about ? `\nOver: ${oneLine(suggestion.about.title, 200, 'organisation')} (${origin}${suggestion.about.path})` : '';
  const organisation = suggestion.organisation ? `, ${oneLine(suggestion.organisation, 120, 'organisation')}` : '';
  return {
    to,
    userId,
    subject: `Praktijkplein: ${suggestionKindShort[suggestion.kind].toLowerCase()} via het formulier`,
    body:
      `Er kwam een bericht binnen via "Praktijk aandragen of vraag stellen" op Praktijkplein.\n\n` +
      `Soort: ${suggestionKindLabel[suggestion.kind]}${about}\n` +
      `Van: ${oneLine(suggestion.name, 100) || '(geen naam)'}${organisation}\n` +
      `E-mailadres voor het antwoord: ${suggestion.email}\n\n` +
      `Het bericht, zoals de afzender het schreef (niet gecontroleerd):\n\n${suggestion.message}\n\n` +
      `Alle berichten staan ook op ${origin}/beheer/suggesties/. Zet het daar op afgehandeld als het beantwoord of verwerkt is.`,
  };
}
