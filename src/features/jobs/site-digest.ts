/**
 * The running site's weekly digest, as housekeeping calls it: the news
 * sources are pitches from the database and case studies from the built content
 * (astro:content, so this module only runs inside the Astro server; tests call
 * sendWeeklyDigests with their own list): pitches, cases and the calendar's activities.
 */
import type { Database } from '#db/client.ts';
import { getCases } from '#features/catalog/queries.ts';
import { activitiesPublishedBetween } from '#features/activities/activity-list.ts';
import { activityNewsSource, caseNewsSource, pitchNewsSource, type CaseNews, type NewsSource } from '#features/follows/news-sources.ts';
import { config } from '#platform/config.ts';
import { sendWeeklyDigests } from './digest.ts';

/** The built case studies as the digest reads them (`published` as YYYY-MM-DD). */
async function casesFromContent(): Promise<CaseNews[]> {
  return (await getCases()).map((item) => ({
    id: item.id,
    title: item.title,
    published: item.entry.data.published.toISOString().slice(0, 10),
    municipalities: item.municipalities,
    regions: item.regions,
    sectors: item.sectors,
    targetGroups: item.targetGroups,
    evidence: item.entry.data.evidence,
    status: item.entry.data.status,
  }));
}

/** Pitches, case studies (and, after the merge, activities). */
export async function defaultNewsSources(): Promise<NewsSource[]> {
  return [pitchNewsSource, caseNewsSource(await casesFromContent()), activityNewsSource(activitiesPublishedBetween)];
}

/** Sends the digests that are due (once per person per week, whichever instance runs first); a failure is logged and never stops the mail delivery after it. */
export async function runSiteDigest(db: Database, now: number): Promise<void> {
  try {
    await sendWeeklyDigests(db, now, { sources: await defaultNewsSources(), origin: config().siteUrl });
  } catch (error) {
    console.error('Weekoverzicht mislukt:', error);
  }
}
