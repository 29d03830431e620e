/**
 * Home of what the pitch feeds read: newly published pitches for RSS (all,
 * or one municipality's) and every public pitch for the sitemap. Public means published or
 * closed, as on the list (pitch-list.ts); drafts and pitches in moderation never appear.
 * Checked to use an index by tests/integration/marketplace/query-plans.test.ts.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { plainTextExcerpt } from '#platform/markdown/render-user-markdown.ts';
import { pitchPlaces } from './pitch-list.ts';

const publicStatuses = ['published', 'closed'] as const;
/** Feed readers want the recent ones; older pitches stay on the list and in the sitemap. */
export const FEED_LENGTH = 50;

/** One item of the RSS feed. */
export interface PitchFeedItem {
  id: string;
  title: string;
  municipalityName: string;
  area: string;
  /** The challenge as plain text, cut at a word. */
  summary: string;
  publishedAt: Date;
  demo: boolean;
}

/** Public pitches newest first by publication, optionally of one municipality. */
export async function pitchesForFeed(db: Database, options: { municipalityId?: string } = {}): Promise<PitchFeedItem[]> {
  const where = options.municipalityId
    ? and(eq(pitches.municipalityId, options.municipalityId), inArray(pitches.status, [...publicStatuses]))
    : inArray(pitches.status, [...publicStatuses]);
  const rows = await db
    .select({ id: pitches.id, title: pitches.title, municipalityId: pitches.municipalityId, area: pitches.area, challenge: pitches.challenge, publishedAt: pitches.publishedAt, demo: pitches.demo })
    .from(pitches)
    .where(and(where, isNotNull(pitches.publishedAt)))
    .orderBy(desc(pitches.publishedAt), desc(pitches.seq))
    .limit(FEED_LENGTH);
  const places = pitchPlaces();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    municipalityName: places.byMunicipality.get(row.municipalityId)?.name ?? row.municipalityId,
    area: row.area,
    summary: plainTextExcerpt(row.challenge, 300),
    publishedAt: new Date(row.publishedAt!),
    demo: row.demo,
  }));
}

/** Every public pitch with its last change, for /sitemap-pitches.xml. */
export async function pitchesForSitemap(db: Database): Promise<{ id: string; updatedAt: Date }[]> {
  const rows = await db
    .select({ id: pitches.id, updatedAt: pitches.updatedAt })
    .from(pitches)
    .where(inArray(pitches.status, [...publicStatuses]))
    .orderBy(desc(pitches.publishedAt));
  return rows.map((row) => ({ id: row.id, updatedAt: new Date(row.updatedAt) }));
}
