/**
 * The at-once mail about a newly published pitch, for those who chose "meteen" for a follow it
 * fits: one mail per person per pitch, naming every follow of theirs it fits. Plain Dutch and
 * plain text like every mail of the site; at the end where to change the choice and a
 * one-click link that stops these mails (also in List-Unsubscribe with List-Unsubscribe-Post,
 * RFC 2369 and RFC 8058, as the weekly digest has). Titles are people's own input and go
 * through oneLine().
 */
import { oneLine } from '#domain/names.ts';
import type { NewsItem } from '#domain/follows.ts';
import { footer, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

/** The unsubscribe address of an at-once mail: the same URL takes the confirm page (GET) and the one-click POST. */
export function pitchAlertUnsubscribeUrl(origin: string, token: string): string {
  return `${origin}/afmelden/meteen/?t=${encodeURIComponent(token)}`;
}

/** The address of "Ik doe mee" on a pitch. */
export const joinPath = (pitchId: string) => `/pitches/${encodeURIComponent(pitchId)}/meedoen/`;

export interface PitchAlertContext {
  to: string;
  name: string | null;
  userId: string;
  origin: string;
  /** The pitch as news (publishedPitchNews): its title with any demo mark, its path and line. */
  pitch: NewsItem;
  pitchId: string;
  /** The follows it fits, as the settings page names them ("Sector logistiek"). */
  followLabels: readonly string[];
  unsubscribeToken: string;
}

export function pitchAlertMessage(c: PitchAlertContext): MailMessage {
  const title = oneLine(c.pitch.title, 150, 'organisation') || 'een nieuwe pitch';
  const unsubscribe = pitchAlertUnsubscribeUrl(c.origin, c.unsubscribeToken);
  const labels = c.followLabels.map((label) => oneLine(label, 120, 'organisation')).filter(Boolean);
  const fits = labels.length > 0 ? ` Hij past bij wat u volgt: ${labels.join(', ')}.` : '';
  const note = c.pitch.note ? `\n${oneLine(c.pitch.note, 300, 'organisation')}` : '';
  return {
    to: c.to,
    userId: c.userId,
    subject: `Nieuwe pitch: ${title}`,
    body:
      `Beste ${safeName(c.name)},\n\nEr is zojuist een pitch gepubliceerd op Praktijkplein.${fits}` +
      `\n\n${title}${note}\n${c.origin}${c.pitch.path}` +
      `\n\nWil uw organisatie meedoen? Met "Ik doe mee" biedt u hulp aan:\n${c.origin}${joinPath(c.pitchId)}` +
      footer('u bij wat u volgt op Praktijkplein heeft gekozen voor meteen een e-mail bij een nieuwe pitch') +
      `\n\nLiever in het weekoverzicht, of helemaal geen e-mail? Kies het per onderwerp op:\n${c.origin}/account/volgen/` +
      `\n\nGeen e-mail meer meteen bij een nieuwe pitch? Afmelden kan zonder in te loggen:\n${unsubscribe}`,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
