/**
 * The invitation mail: a pitch's owner asks an employer (that allows it) to take part. Each
 * recipient gets links of their own: "Ik doe mee" opens the offer form of the pitch, filled in
 * from the invitation; "Nee, dank u" opens a page with one button (opening it changes nothing).
 * Names and titles are other people's input and go through oneLine(); the owner's note is quoted.
 */
import { oneLine } from '#domain/names.ts';
import { dutchDate } from '#domain/amsterdam-time.ts';
import { demoPitchNotice } from '#domain/demo-marks.ts';
import { footer, quoted, safeName } from './format.ts';
import type { MailMessage } from './outbox.ts';

/** Everything an invitation mail says. */
export interface InvitationMailContext {
  origin: string;
  pitchId: string;
  pitchTitle: string;
  municipalityName: string;
  employerName: string;
  inviterName: string;
  note: string | null;
  /** Why Praktijkplein suggested the employer (the rules' reasons, predicates about it). */
  reasons: readonly string[];
  closingDate: string;
  demo: boolean;
  /** This recipient's own link token. */
  token: string;
}

/** The address of "Ik doe mee" from an invitation. */
export const invitationJoinPath = (pitchId: string, token: string) => `/pitches/${encodeURIComponent(pitchId)}/meedoen/?uitnodiging=${encodeURIComponent(token)}`;

/** The address of "Nee, dank u". */
export const invitationDeclinePath = (token: string) => `/uitnodiging/?t=${encodeURIComponent(token)}`;

export function invitationMessage(to: string, name: string | null, c: InvitationMailContext): MailMessage {
  const title = oneLine(c.pitchTitle, 150, 'organisation') || 'een pitch';
  const employer = oneLine(c.employerName, 120, 'organisation') || 'uw organisatie';
  const municipality = oneLine(c.municipalityName, 120, 'organisation');
  const inviter = oneLine(c.inviterName, 100) || 'de gemeente';
  const demo = c.demo ? `\n\n${demoPitchNotice(municipality)} De uitnodiging komt van wie deze demopitch beheert.` : '';
  const why = c.reasons.length > 0 ? `\n\nPraktijkplein stelde ${employer} voor, omdat uw organisatie:\n${c.reasons.map((reason) => `- ${reason}`).join('\n')}` : '';
  const note = c.note ? `\n\nBericht van ${inviter}:\n${quoted(c.note)}` : '';
  return {
    to,
    subject: `Uitnodiging: doet ${employer} mee met "${title}"?`,
    body:
      `Beste ${safeName(name)},\n\n${inviter} van gemeente ${municipality} nodigt ${employer} uit om mee te doen met de pitch "${title}".${demo}${why}${note}` +
      `\n\nIk doe mee (na het inloggen staat uw aanbod klaar om in te vullen):\n${c.origin}${invitationJoinPath(c.pitchId, c.token)}` +
      `\n\nNee, dank u (u hoeft niet in te loggen):\n${c.origin}${invitationDeclinePath(c.token)}` +
      `\n\nReageren kan tot en met ${dutchDate(c.closingDate)}.` +
      `\n\nGeen uitnodigingen meer? Zet ze uit in het werkgeversprofiel van uw organisatie:\n${c.origin}/account/werkgeversprofiel/` +
      footer('uw organisatie op Praktijkplein heeft aangezet dat zij uitgenodigd wil worden voor pitches die bij haar passen'),
  };
}
