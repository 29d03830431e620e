/**
 * The personal data of invitations: the note an owner wrote and the reason an employer's member
 * gave for declining. In the data export of whoever wrote it; removed with that account (the
 * invitation stays, without the text and without the person); and removed by retention
 * INVITATION_TEXT_RETENTION_DAYS after the invitation, together with its links, because by then
 * the pitch has long closed and nobody needs the words any more.
 */
import { and, asc, eq, isNotNull, lt, or } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { invitationLinks, pitchInvitations } from '#db/matchmaking-schema.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';

/** Notes, reasons and links are kept this long after the invitation (stated on /over/). */
export const INVITATION_TEXT_RETENTION_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What the data export shows: invitations the person sent (with their note) and those they declined (with their reason). */
export async function invitationsForExport(db: Database, userId: string) {
  const rows = await db
    .select({ invitation: pitchInvitations, pitchTitle: pitches.title, employerName: organisations.name })
    .from(pitchInvitations)
    .innerJoin(pitches, eq(pitches.id, pitchInvitations.pitchId))
    .innerJoin(organisations, eq(organisations.id, pitchInvitations.employerId))
    .where(or(eq(pitchInvitations.invitedBy, userId), eq(pitchInvitations.answeredBy, userId)))
    .orderBy(asc(pitchInvitations.createdAt));
  return {
    uitnodigingenVerstuurd: rows
      .filter(({ invitation }) => invitation.invitedBy === userId)
      .map(({ invitation, pitchTitle, employerName }) => ({ pitch: pitchTitle, werkgever: employerName, bericht: invitation.note, op: iso(invitation.createdAt), stand: invitation.status === 'declined' ? 'doet niet mee' : 'uitgenodigd' })),
    uitnodigingenBeantwoord: rows
      .filter(({ invitation }) => invitation.answeredBy === userId)
      .map(({ invitation, pitchTitle, employerName }) => ({ pitch: pitchTitle, namens: employerName, antwoord: 'doet niet mee', reden: invitation.declineReason, op: iso(invitation.answeredAt) })),
  };
}

/**
 * Statements for the account deletion's batch (before the account's row goes): the notes the
 * person wrote and the reasons they gave are removed; the invitation itself stays for the
 * municipality, and the foreign keys then forget who sent or answered it. Their links go with
 * the account (cascade).
 */
export function forgetInvitationTexts(db: Database, userId: string) {
  return [
    db.update(pitchInvitations).set({ note: null }).where(eq(pitchInvitations.invitedBy, userId)),
    db.update(pitchInvitations).set({ declineReason: null }).where(eq(pitchInvitations.answeredBy, userId)),
  ] as const;
}

/** Statements for retention: texts and links of invitations older than the retention period. */
export function deleteOldInvitationTexts(db: Database, now: number) {
  const cutoff = now - INVITATION_TEXT_RETENTION_DAYS * DAY_MS;
  const old = lt(pitchInvitations.createdAt, cutoff);
  return [
    db
      .update(pitchInvitations)
      .set({ note: null, declineReason: null })
      .where(and(old, or(isNotNull(pitchInvitations.note), isNotNull(pitchInvitations.declineReason)))),
    db.delete(invitationLinks).where(lt(invitationLinks.createdAt, cutoff)),
  ] as const;
}
