/**
 * The texts of every e-mail Praktijkplein sends, in plain Dutch. Links are absolute.
 * Names come from people's own input: each goes through oneLine() (one line of printable
 * text, nothing shaped like an address, capped), so a name can never add a paragraph or a link
 * of its own to a mail, whatever stored it. Mail to an address that is not
 * confirmed yet greets no one by name: whoever typed the name may not own that mailbox.
 */
import type { TokenPurpose } from '#db/schema.ts';
import { TOKEN_LIFETIME_MS } from '#platform/auth/one-time-token.ts';
import { oneLine } from '#domain/names.ts';
import { durationText } from '#platform/texts/nl.ts';
import { footer, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

/** An organisation's name (a curator has seen it) as it may appear in a mail body. */
const safeOrganisation = (name: string) => oneLine(name, 120, 'organisation') || 'uw organisatie';

const closing = footer('dit adres op Praktijkplein is gebruikt');

/** "48 uur": how long a link of this kind works, from the one constant that decides it. */
export const validFor = (purpose: TokenPurpose) => durationText(TOKEN_LIFETIME_MS[purpose]);

export function verifyEmailMessage(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Bevestig uw e-mailadres voor Praktijkplein',
    body: `Hallo,\n\nWelkom bij Praktijkplein. Bevestig uw e-mailadres via deze link (${validFor('email-verification')} geldig):\n\n${link}\n\nDaarna kunt u inloggen. Op Mijn account ziet u wat de volgende stap is: meestal bevestigt eerst een curator dat u bij uw organisatie werkt.\n\nHeeft u geen account aangemaakt? Dan kunt u deze e-mail negeren.${closing}`,
  };
}

export function existingAccountMessage(to: string, name: string, origin: string): MailMessage {
  return {
    to,
    subject: 'Iemand wilde een account maken met uw e-mailadres',
    body: `Beste ${safeName(name)},\n\nEr is geprobeerd een nieuw account op Praktijkplein te maken met dit e-mailadres. U heeft al een account.\n\nWas u dat zelf? Log dan in: ${origin}/account/inloggen/\nWachtwoord vergeten? ${origin}/account/wachtwoord-vergeten/\n\nWas u het niet? Dan hoeft u niets te doen: er is niets veranderd.${closing}`,
  };
}

export function passwordResetMessage(to: string, name: string, link: string): MailMessage {
  return {
    to,
    subject: 'Nieuw wachtwoord instellen voor Praktijkplein',
    body: `Beste ${safeName(name)},\n\nU vroeg om een nieuw wachtwoord. Stel het in via deze link (${validFor('password-reset')} geldig, één keer te gebruiken):\n\n${link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.${closing}`,
  };
}

/** A password reset was asked for an address that has no account (no link: there is nothing to reset). */
export function noAccountMessage(to: string, origin: string): MailMessage {
  return {
    to,
    subject: 'Nieuw wachtwoord aangevraagd, maar dit adres heeft geen account',
    body: `Hallo,\n\nIemand vroeg een nieuw wachtwoord aan voor Praktijkplein met dit e-mailadres. Er is geen account met dit adres, dus er is geen wachtwoord om te herstellen.\n\nHeeft u een account met een ander e-mailadres? Vraag dan daarmee een nieuw wachtwoord aan: ${origin}/account/wachtwoord-vergeten/\nWilt u een account maken? Dat kan hier: ${origin}/account/registreren/\n\nHeeft u dit niet gevraagd? Dan hoeft u niets te doen.${closing}`,
  };
}

export function passwordChangedMessage(to: string, name: string, origin: string): MailMessage {
  return {
    to,
    subject: 'Uw wachtwoord voor Praktijkplein is gewijzigd',
    body: `Beste ${safeName(name)},\n\nUw wachtwoord is zojuist gewijzigd. U bent op al uw apparaten uitgelogd.\n\nWas u dit niet? Stel dan meteen een nieuw wachtwoord in: ${origin}/account/wachtwoord-vergeten/${closing}`,
  };
}

export function emailChangeMessage(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Bevestig uw nieuwe e-mailadres voor Praktijkplein',
    body: `Hallo,\n\nIemand wil dit adres gaan gebruiken voor een account op Praktijkplein. Bevestig dat via deze link (${validFor('email-change')} geldig):\n\n${link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.${closing}`,
  };
}

export function emailTakenMessage(to: string): MailMessage {
  return {
    to,
    subject: 'Dit e-mailadres heeft al een account op Praktijkplein',
    body: `Hallo,\n\nIemand wilde dit e-mailadres koppelen aan een account op Praktijkplein. Dit adres hoort al bij een account, dus er is niets veranderd.${closing}`,
  };
}

export function emailChangedMessage(to: string, name: string, newEmail: string): MailMessage {
  return {
    to,
    subject: 'Uw e-mailadres voor Praktijkplein is gewijzigd',
    body: `Beste ${safeName(name)},\n\nUw account gebruikt vanaf nu het e-mailadres ${oneLine(newEmail, 254, 'organisation')}. Was u dit niet? Neem dan direct contact op met de curatoren van Praktijkplein.${closing}`,
  };
}

export function accountDeletedMessage(to: string, name: string): MailMessage {
  return {
    to,
    subject: 'Uw account op Praktijkplein is verwijderd',
    body: `Beste ${safeName(name)},\n\nUw account en de gegevens die bij u horen zijn verwijderd. Dit is de laatste e-mail die u van ons krijgt.${closing}`,
  };
}

export function membershipVerifiedMessage(to: string, name: string, organisation: string): MailMessage {
  return {
    to,
    subject: 'Uw lidmaatschap op Praktijkplein is bevestigd',
    body: `Beste ${safeName(name)},\n\nEen curator heeft bevestigd dat u namens ${safeOrganisation(organisation)} op Praktijkplein werkt. Log in en kijk op Mijn account wat u nu namens uw organisatie kunt doen.${closing}`,
  };
}
