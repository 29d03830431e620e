/**
 * What a person hears about a curator's decision: confirmed or not, with the
 * curator's reason, and, when a decision was undone after its mail had already gone out, a
 * correction. These mails wait in the outbox for the undo window (src/features/accounts/curation.ts).
 * Names go through oneLine() as in ./messages.ts; the reason is the curator's own text.
 */
import { oneLine } from '#domain/names.ts';
import type { CurationDecisionKind } from '#domain/curation-decision.ts';
import { footer, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

const safeOrganisation = (name: string) => oneLine(name, 120, 'organisation') || 'uw organisatie';
const closing = footer('dit adres op Praktijkplein is gebruikt');

/** The curator's reason as its own paragraph (trimmed; empty lines kept apart from the rest). */
export const reasonBlock = (reason: string | null | undefined) => (reason?.trim() ? `\n\nDe toelichting van de curator:\n\n${reason.trim()}` : '');

/** What a member does for their organisation: a municipality pitches, an employer offers help (and never pitches). */
export type MemberKind = 'municipality' | 'employer';
const acting = { municipality: 'pitchen', employer: 'hulp aanbieden bij pitches' } as const;

/** The subject this mail has always had, so people (and their mail filters) recognise it. */
export function memberConfirmedMessage(to: string, name: string, organisation: string, reason: string | null | undefined, kind: MemberKind): MailMessage {
  return {
    to,
    subject: 'Uw lidmaatschap op Praktijkplein is bevestigd',
    body: `Beste ${safeName(name)},\n\nEen curator heeft bevestigd dat u namens ${safeOrganisation(organisation)} op Praktijkplein werkt. U kunt nu namens ${safeOrganisation(organisation)} ${acting[kind]}.${reasonBlock(reason)}${closing}`,
  };
}

export function memberRejectedMessage(to: string, name: string, organisation: string, reason: string, origin: string, kind: MemberKind): MailMessage {
  return {
    to,
    subject: 'Uw aanmelding op Praktijkplein is niet bevestigd',
    body: `Beste ${safeName(name)},\n\nEen curator heeft uw aanmelding als medewerker van ${safeOrganisation(organisation)} niet bevestigd.${reasonBlock(reason)}\n\nUw account blijft bestaan: u kunt alles lezen, maar niet namens ${safeOrganisation(organisation)} ${acting[kind]}. Klopt dit niet, of wilt u iets toelichten? Laat het ons weten via ${origin}/aandragen/${closing}`,
  };
}

/** The earlier mail went out before the curator took the decision back: say so plainly. */
export function decisionUndoneMessage(to: string, name: string, organisation: string, decision: CurationDecisionKind): MailMessage {
  const earlier = decision === 'confirmed' ? 'bevestigd' : 'niet bevestigd';
  return {
    to,
    subject: 'Correctie: uw aanmelding op Praktijkplein wacht weer op een curator',
    body: `Beste ${safeName(name)},\n\nU kreeg zojuist een e-mail dat uw aanmelding bij ${safeOrganisation(organisation)} ${earlier} was. Dat besluit is door de curator teruggedraaid: uw aanmelding wacht weer op een curator. U krijgt opnieuw bericht zodra er is besloten. Excuses voor de verwarring.${closing}`,
  };
}

/** The fixed end of the curators' "waiting for you" mail: new lines go just before it. */
const waitingTail = (origin: string) =>
  `\n\nBevestig of wijs af op ${origin}/beheer/\nAanbod van wie nog wacht, ziet de gemeente pas na uw bevestiging.${footer('u curator bent op Praktijkplein')}`;

/**
 * To a curator: people (and new employers) wait for a confirmation. Queued with a key per
 * curator and sent a little later, so everyone who registers in that time is in one mail
 * (src/features/accounts/curator-alert.ts); `line` is the first of the list.
 */
export function waitingForCuratorMessage(to: string, name: string, origin: string, line: string): { message: MailMessage; tail: string } {
  const tail = waitingTail(origin);
  return {
    tail,
    message: {
      to,
      subject: 'Nieuwe aanmeldingen wachten op uw bevestiging',
      body: `Beste ${safeName(name)},\n\nDeze aanmeldingen wachten op een curator:\n${line}${tail}`,
    },
  };
}

/** Who waits, in one line of the curators' mail: "- Fatma Yılmaz voor de nieuwe werkgever Bakkerij X; aanbod op de pitch "…"". */
export function waitingApplicantLine(applicant: { person: string; organisation: string; newEmployer: boolean; pitchTitles: readonly string[] }): string {
  const who = oneLine(applicant.person, 100) || 'Iemand';
  const org = safeOrganisation(applicant.organisation);
  const role = applicant.newEmployer ? `voor de nieuwe werkgever ${org}` : `als medewerker van ${org}`;
  const offers = applicant.pitchTitles.map((t) => `"${oneLine(t, 150, 'organisation') || 'een pitch'}"`);
  const waiting = offers.length > 0 ? `; aanbod op de pitch ${offers.join(', ')} wacht hierop` : '';
  return `\n- ${who} ${role}${waiting}`;
}
