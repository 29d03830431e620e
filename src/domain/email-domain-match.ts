/**
 * Does an applicant's e-mail address sit at their organisation's own domain? A curator reads the
 * answer on the confirmation card; it is a hint, never a decision: a matching
 * domain is what automatic confirmation uses, a free-mail domain says nothing about anyone.
 */
import { isFreeMailDomain } from './free-mail.ts';

export type DomainMatch =
  /** The address is at the organisation's own domain (or a subdomain of it). */
  | { kind: 'matches'; domain: string; organisationDomain: string }
  /** An e-mail service anyone can use: the address says nothing about the organisation. */
  | { kind: 'free-mail'; domain: string }
  /** The organisation has an own domain, and this address is elsewhere. */
  | { kind: 'differs'; domain: string; organisationDomain: string }
  /** No own domain is set for the organisation, so there is nothing to compare with. */
  | { kind: 'unknown'; domain: string };

/** The part after the @, lower-cased. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '');
}

/** Compares the address's domain with the organisation's own domain (if one is set). */
export function emailDomainMatch(email: string, organisationDomain: string | null | undefined): DomainMatch {
  const domain = domainOf(email);
  if (isFreeMailDomain(domain)) return { kind: 'free-mail', domain };
  const own = organisationDomain?.trim().toLowerCase();
  if (!own) return { kind: 'unknown', domain };
  if (domain === own || domain.endsWith(`.${own}`)) return { kind: 'matches', domain, organisationDomain: own };
  return { kind: 'differs', domain, organisationDomain: own };
}

/** The hint in plain Dutch, for the card. */
export function domainMatchText(match: DomainMatch, organisation: string): string {
  switch (match.kind) {
    case 'matches':
      return `Ja: ${match.domain} is het eigen domein van ${organisation}.`;
    case 'free-mail':
      return `Nee: ${match.domain} is een e-maildienst voor iedereen; het adres zegt niets over ${organisation}.`;
    case 'differs':
      return `Nee: ${match.domain} is niet het eigen domein van ${organisation} (${match.organisationDomain}).`;
    case 'unknown':
      return `Onbekend: voor ${organisation} is nog geen eigen domein ingesteld (adres op ${match.domain}).`;
  }
}
