/**
 * The invitation forms as zod schemas with Dutch messages: the owner's personal note (optional,
 * at most INVITATION_NOTE_MAX characters) and the employer's reason for declining (optional, at
 * most DECLINE_REASON_MAX), counted as platform/text-field.ts counts, so the limit in the hint
 * is the limit that holds.
 */
import { z } from 'astro/zod';
import { DECLINE_REASON_MAX, INVITATION_NOTE_MAX } from '#domain/matchmaking/invitations.ts';
import { optionalTextField } from '#platform/text-field.ts';

export const noteTooLong = `Een persoonlijk bericht mag hoogstens ${INVITATION_NOTE_MAX} tekens hebben. Maak het wat korter.`;
export const reasonTooLong = `Een reden mag hoogstens ${DECLINE_REASON_MAX} tekens hebben. Maak hem wat korter.`;

export const invitationNoteField = optionalTextField(INVITATION_NOTE_MAX, noteTooLong);
export const declineReasonField = optionalTextField(DECLINE_REASON_MAX, reasonTooLong);

export const invitationInput = z.object({ employerId: z.string({ error: 'Kies een werkgever uit de lijst.' }).trim().min(1, 'Kies een werkgever uit de lijst.').max(200, 'Kies een werkgever uit de lijst.'), note: invitationNoteField });
export type InvitationInput = z.output<typeof invitationInput>;
