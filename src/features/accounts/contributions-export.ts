/**
 * What a person did in the calendar, live sessions, digests and the content editor, for "download my data" (AVG): the
 * activities they submitted, the content drafts they wrote or reviewed, what they published,
 * the live sessions they ran and the weekly digests sent to them. And, for account deletion,
 * the one place where a name is kept as text (who published): replaced, like the audit log's.
 */
import { eq, or } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { activities } from '#db/activities-schema.ts';
import { contentDrafts } from '#db/editor-schema.ts';
import { digestSends } from '#db/follows-schema.ts';
import { liveSessions } from '#db/live-schema.ts';
import { publications, revisions } from '#db/publishing-schema.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The name that replaces a deleted curator's in the publication history. */
export const DELETED_PUBLISHER = 'Verwijderd account';

/** The person's contributions, in the export's Dutch keys. */
export async function contributionsForExport(db: Database, userId: string) {
  const [activityRows, draftRows, publicationRows, sessionRows, digestRows] = await Promise.all([
    db.select().from(activities).where(eq(activities.submitterId, userId)),
    db.select().from(contentDrafts).where(or(eq(contentDrafts.createdBy, userId), eq(contentDrafts.updatedBy, userId), eq(contentDrafts.reviewerId, userId))),
    db.select().from(publications).where(eq(publications.publisherId, userId)),
    db.select().from(liveSessions).where(eq(liveSessions.createdBy, userId)),
    db.select().from(digestSends).where(eq(digestSends.userId, userId)),
  ]);
  return {
    aangemeldeActiviteiten: activityRows.map((a) => ({ titel: a.title, organisator: a.organiserName, begint: iso(a.startsAt), status: a.status })),
    conceptenVanInhoud: draftRows.map((d) => ({
      soort: d.kind,
      pagina: d.contentId,
      titel: d.title,
      status: d.status,
      gemaaktDoorUzelf: d.createdBy === userId,
      reviewDoorUzelf: d.reviewerId === userId,
      reviewopmerking: d.reviewerId === userId ? d.reviewNote : null,
      aangemaaktOp: iso(d.createdAt),
      bijgewerktOp: iso(d.updatedAt),
    })),
    publicaties: publicationRows.map((p) => ({ samenvatting: p.summary, naamInDeGeschiedenis: p.publisherName, stand: p.state, op: iso(p.createdAt) })),
    livePitchsessies: sessionRows.map((s) => ({ titel: s.title, status: s.status, geopendOp: iso(s.createdAt), beeindigdOp: iso(s.endedAt) })),
    weekoverzichten: digestRows.map((d) => ({ week: d.period, berichten: d.items, op: iso(d.createdAt) })),
  };
}

/** Statements for the account deletion's batch: the publication history keeps the change, not the name. */
export function forgetPublisherName(db: Database, userId: string) {
  return [
    db.update(publications).set({ publisherName: DELETED_PUBLISHER }).where(eq(publications.publisherId, userId)),
    db.update(revisions).set({ publisherName: DELETED_PUBLISHER }).where(eq(revisions.publisherId, userId)),
  ] as const;
}
