/**
 * The e-mails about offers: every change to an offer reaches the other
 * side. Names and titles are other people's input, so each goes through oneLine() (one line,
 * no links of its own); free text (the owner's message) is quoted, never used as a link or a
 * subject. Links are absolute, built from the configured origin.
 */
import { oneLine } from '#domain/names.ts';
import { offerStatusLabel, type OfferStatus } from '#domain/offer-lifecycle.ts';
import { pitchOutcomeLabel, type PitchOutcome } from '#domain/pitch-lifecycle.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { footer, quoted, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';
import { reasonBlock } from './curation-messages.ts';

const closing = footer('u op Praktijkplein een pitch of een aanbod volgt');

const organisation = (name: string) => oneLine(name, 120, 'organisation') || 'een werkgever';
const title = (text: string) => oneLine(text, 150, 'organisation') || 'uw pitch';
const kinds = (ids: readonly string[]) =>
  ids.map((id) => helpKinds.terms.find((term) => term.id === id)?.label.toLowerCase() ?? id).join(', ');

/** What every message about one offer knows. */
export interface OfferMailContext {
  origin: string;
  pitchId: string;
  pitchTitle: string;
  employerName: string;
}

/** To the pitch's owners: a new offer came in (or a waiting one was released after verification). */
export function offerReceivedMessage(to: string, name: string | null, c: OfferMailContext, helpKindIds: readonly string[]): MailMessage {
  return {
    to,
    subject: `Nieuw aanbod op uw pitch: ${title(c.pitchTitle)}`,
    body: `Beste ${safeName(name)},\n\n${organisation(c.employerName)} doet mee met uw pitch "${title(c.pitchTitle)}" en biedt: ${kinds(helpKindIds)}.\n\nBekijk het aanbod en antwoord de werkgever:\n${c.origin}/pitches/${encodeURIComponent(c.pitchId)}/aanbod/${closing}`,
  };
}

/** To the pitch's owners: an employer changed or withdrew its offer. */
export function offerChangedMessage(to: string, name: string | null, c: OfferMailContext, change: 'edited' | 'withdrawn'): MailMessage {
  const what = change === 'edited' ? 'heeft zijn aanbod aangepast' : 'heeft zijn aanbod ingetrokken';
  return {
    to,
    subject: change === 'edited' ? `Aanbod aangepast: ${title(c.pitchTitle)}` : `Aanbod ingetrokken: ${title(c.pitchTitle)}`,
    body: `Beste ${safeName(name)},\n\n${organisation(c.employerName)} ${what} op uw pitch "${title(c.pitchTitle)}".\n\nBekijk alle aanbod:\n${c.origin}/pitches/${encodeURIComponent(c.pitchId)}/aanbod/${closing}`,
  };
}

/** To the employer: the owner shortlisted, accepted or declined the offer, with their message. */
export function offerAnsweredMessage(to: string, name: string | null, c: OfferMailContext, status: OfferStatus, ownerMessage: string | null): MailMessage {
  const message = ownerMessage ? `\n\nBericht van de gemeente:\n${quoted(ownerMessage)}` : '';
  return {
    to,
    subject: `Uw aanbod is ${offerStatusLabel[status]}: ${title(c.pitchTitle)}`,
    body: `Beste ${safeName(name)},\n\nDe gemeente heeft het aanbod van ${organisation(c.employerName)} op de pitch "${title(c.pitchTitle)}" de status "${offerStatusLabel[status]}" gegeven.${message}\n\nU vindt al uw aanbod in Mijn aanbod:\n${c.origin}/account/mijn-aanbod/${closing}`,
  };
}

/**
 * What made a waiting offer go: the person's address (on the employer's own domain), or a
 * curator who confirmed them — then this is the one mail about that decision too, with the
 * curator's reason, instead of a second mail about the membership.
 */
export type ReleaseCause = { by: 'address' } | { by: 'curator'; reason?: string | null };

/** To the employer: its waiting offer now reached the pitch owner (address and membership verified). */
export function offerReleasedMessage(to: string, name: string | null, c: OfferMailContext, cause: ReleaseCause = { by: 'address' }): MailMessage {
  const why =
    cause.by === 'curator'
      ? `Een curator heeft bevestigd dat u namens ${organisation(c.employerName)} op Praktijkplein werkt. Daarom hebben we uw aanbod op de pitch "${title(c.pitchTitle)}" nu doorgestuurd naar de gemeente. Nieuw aanbod van u gaat voortaan meteen naar de gemeente.${reasonBlock(cause.reason)}`
      : `Uw account is bevestigd. Daarom hebben we het aanbod van ${organisation(c.employerName)} op de pitch "${title(c.pitchTitle)}" nu doorgestuurd naar de gemeente.`;
  return {
    to,
    subject: `Uw aanbod is doorgestuurd: ${title(c.pitchTitle)}`,
    body: `Beste ${safeName(name)},\n\n${why}\n\nU vindt al uw aanbod in Mijn aanbod:\n${c.origin}/account/mijn-aanbod/${closing}`,
  };
}

/** To the employer: the pitch it offered on was closed with an outcome. */
export function pitchClosedForOfferMessage(to: string, name: string | null, c: OfferMailContext, outcome: PitchOutcome): MailMessage {
  return {
    to,
    subject: `Pitch gesloten: ${title(c.pitchTitle)}`,
    body: `Beste ${safeName(name)},\n\nDe gemeente heeft de pitch "${title(c.pitchTitle)}" gesloten. Uitkomst: ${pitchOutcomeLabel[outcome]}.\n\nBedankt dat ${organisation(c.employerName)} meedeed. U vindt al uw aanbod in Mijn aanbod:\n${c.origin}/account/mijn-aanbod/${closing}`,
  };
}

/**
 * To an address that already has an account, when someone used it to register while offering
 * help: nothing was stored; log in and make the offer there. Only the mailbox's owner reads
 * this, so the page can answer the same as for a new account (no enumeration).
 */
export function offerExistingAccountMessage(to: string, name: string, origin: string, pitchId: string, pitchTitle: string): MailMessage {
  const back = `/pitches/${encodeURIComponent(pitchId)}/meedoen/`;
  return {
    to,
    subject: 'U heeft al een account op Praktijkplein',
    body: `Beste ${safeName(name)},\n\nEr is geprobeerd met dit e-mailadres een nieuw account te maken om mee te doen met de pitch "${title(pitchTitle)}". U heeft al een account, dus er is geen nieuw account gemaakt en er is nog geen aanbod opgeslagen.\n\nWas u dat zelf? Log in en doe uw aanbod opnieuw:\n${origin}/account/inloggen/?terug=${encodeURIComponent(back)}\nWachtwoord vergeten? ${origin}/account/wachtwoord-vergeten/\n\nWas u het niet? Dan hoeft u niets te doen: er is niets veranderd.${closing}`,
  };
}

/**
 * To the author of an offer that waited for verification: once they could act for the employer,
 * the employer already had its one offer on the pitch (made by a colleague), so this one was
 * withdrawn instead of sent on.
 */
export function offerSupersededMessage(to: string, name: string | null, c: OfferMailContext): MailMessage {
  return {
    to,
    subject: `Uw aanbod is niet doorgestuurd: ${title(c.pitchTitle)}`,
    body: `Beste ${safeName(name)},\n\nUw account is bevestigd. Maar een collega heeft intussen al aanbod gedaan op de pitch "${title(c.pitchTitle)}" namens ${organisation(c.employerName)}. Een werkgever doet één aanbod per pitch. Daarom hebben we uw aanbod ingetrokken en niet naar de gemeente gestuurd.\n\nHet aanbod van uw collega kunt u bekijken en aanvullen in Mijn aanbod:\n${c.origin}/account/mijn-aanbod/${closing}`,
  };
}
