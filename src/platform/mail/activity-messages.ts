/**
 * The e-mails about the activity calendar, in plain Dutch: curators hear of
 * a new or changed submission; the submitter hears of publication, a request for changes (with
 * the note), a rejection (with the reason) and a cancellation by a curator. Titles come from
 * people's own input, so each goes through oneLine(); a curator's note is quoted line by line.
 * Links come from the configured origin (config().siteUrl), passed in by the use case.
 */
import { oneLine } from '#domain/names.ts';
import { footer, quoted, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

const closing = footer('u op Praktijkplein een activiteit aanmeldde of activiteiten modereert');

const safeTitle = (text: string) => oneLine(text, 120, 'organisation') || 'uw activiteit';

/** What a message says about the activity. */
export interface ActivityMailSubject {
  id: string;
  title: string;
  /** When, in Dutch ("donderdag 21 maart 2027, 14.00–17.00 uur"). */
  when: string;
}

/** To a curator: an activity waits for moderation. */
export function activitySubmittedMessage(to: string, activity: ActivityMailSubject & { organiser: string }, origin: string): MailMessage {
  return {
    to,
    subject: `Nieuwe activiteit om te modereren: ${safeTitle(activity.title)}`,
    body: `Hallo,\n\n${safeTitle(activity.organiser)} heeft een activiteit aangemeld voor de kalender: "${safeTitle(activity.title)}" (${activity.when}).\n\nBekijk haar en publiceer haar, vraag een wijziging of wijs haar af:\n\n${origin}/beheer/activiteiten/${closing}`,
  };
}

/** To the submitter: the activity is in the calendar. */
export function activityPublishedMessage(to: string, name: string, activity: ActivityMailSubject, origin: string): MailMessage {
  return {
    to,
    subject: `Uw activiteit staat in de kalender: ${safeTitle(activity.title)}`,
    body: `Beste ${safeName(name)},\n\nUw activiteit "${safeTitle(activity.title)}" (${activity.when}) staat nu in de activiteitenkalender van Praktijkplein:\n\n${origin}/activiteiten/${activity.id}/${closing}`,
  };
}

/** To the submitter: a curator asks for changes, with the note. */
export function activityChangesRequestedMessage(to: string, name: string, activity: ActivityMailSubject, note: string, origin: string): MailMessage {
  return {
    to,
    subject: `Wijziging gevraagd voor uw activiteit: ${safeTitle(activity.title)}`,
    body: `Beste ${safeName(name)},\n\nEen curator van Praktijkplein heeft uw activiteit "${safeTitle(activity.title)}" gelezen en vraagt u iets aan te passen:\n\n${quoted(note)}\n\nPas de activiteit aan; daarmee dient u haar opnieuw in:\n\n${origin}/activiteiten/${activity.id}/bewerken/${closing}`,
  };
}

/** To the submitter: the activity is not published, with the reason. */
export function activityRejectedMessage(to: string, name: string, activity: ActivityMailSubject, reason: string, origin: string): MailMessage {
  return {
    to,
    subject: `Uw activiteit is niet gepubliceerd: ${safeTitle(activity.title)}`,
    body: `Beste ${safeName(name)},\n\nEen curator van Praktijkplein heeft besloten uw activiteit "${safeTitle(activity.title)}" niet in de kalender te zetten. De reden:\n\n${quoted(reason)}\n\nVragen? Beantwoord deze e-mail niet, maar gebruik ${origin}/aandragen/${closing}`,
  };
}

/** To the submitter: a curator cancelled the published activity. */
export function activityCancelledMessage(to: string, name: string, activity: ActivityMailSubject, reason: string | null, origin: string): MailMessage {
  return {
    to,
    subject: `Uw activiteit staat als geannuleerd in de kalender: ${safeTitle(activity.title)}`,
    body: `Beste ${safeName(name)},\n\nEen curator van Praktijkplein heeft uw activiteit "${safeTitle(activity.title)}" (${activity.when}) als geannuleerd gemarkeerd.${reason ? `\n\n${quoted(reason)}` : ''}\n\n${origin}/activiteiten/${activity.id}/${closing}`,
  };
}
