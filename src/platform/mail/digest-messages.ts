/**
 * The weekly digest, in plain Dutch and plain text like every mail of the
 * site: one section per follow ("Gemeente Zaanstad", "Sector logistiek") with its news, each
 * with a link from SITE_URL; at the end where to change what one follows and the one-click
 * unsubscribe link, which is also in the List-Unsubscribe header (RFC 2369) with
 * List-Unsubscribe-Post (RFC 8058), so mail programs offer their own "afmelden" button.
 * Titles come from people's own input (pitches), so each goes through oneLine().
 */
import type { DigestGroup } from '#domain/follows.ts';
import { oneLine } from '#domain/names.ts';
import { safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

/** The group heading for a follow; `label` as the settings page names it. */
export interface DigestSection {
  label: string;
  group: DigestGroup;
}

const safeLine = (text: string) => oneLine(text, 160, 'organisation') || 'zonder titel';

const itemsWord = (n: number) => (n === 1 ? '1 nieuw bericht' : `${n} nieuwe berichten`);

/** The unsubscribe address of a digest: the same URL takes the confirm page (GET) and the one-click POST. */
export function unsubscribeUrl(origin: string, token: string): string {
  return `${origin}/afmelden/?t=${encodeURIComponent(token)}`;
}

/** The digest mail for one person, with its List-Unsubscribe headers. */
export function digestMessage(input: { to: string; name: string; userId: string; sections: readonly DigestSection[]; origin: string; unsubscribeToken: string }): MailMessage {
  const { origin, sections } = input;
  const count = new Set(sections.flatMap((s) => s.group.items.map((i) => i.key))).size;
  const unsubscribe = unsubscribeUrl(origin, input.unsubscribeToken);
  const body = [
    `Beste ${safeName(input.name)},`,
    '',
    `Dit is nieuw op Praktijkplein bij wat u volgt (${itemsWord(count)}):`,
    ...sections.flatMap(({ label, group }) => [
      '',
      `== ${safeLine(label)} ==`,
      ...group.items.flatMap((item) => ['', `* ${safeLine(item.title)}`, ...(item.note ? [`  ${safeLine(item.note)}`] : []), `  ${origin}${item.path}`]),
    ]),
    '',
    '',
    'Met vriendelijke groet,',
    'Praktijkplein',
    '',
    'U krijgt dit weekoverzicht omdat u op Praktijkplein iets volgt. Wat u volgt, wijzigt u op:',
    `${origin}/account/volgen/`,
    '',
    'Geen weekoverzicht meer ontvangen? Afmelden kan zonder in te loggen:',
    unsubscribe,
  ].join('\n');
  return {
    to: input.to,
    userId: input.userId,
    subject: `Nieuw bij wat u volgt op Praktijkplein: ${itemsWord(count)}`,
    body,
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
