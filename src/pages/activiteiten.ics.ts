/**
 * The activity calendar's iCal feed: every public activity that is still to
 * come or ended in the last 90 days, or the selection of the list's filters in the same query
 * (/activiteiten.ics?doelgroep=jongeren&online=ja). Subscribed calendars re-read it; UIDs are
 * stable, cancellations come through as STATUS:CANCELLED. Unknown filter values are ignored, as
 * on the list page, so an old subscription keeps working.
 */
import type { APIContext } from 'astro';
import { activitiesCalendar, ICAL_CONTENT_TYPE } from '#features/activities/activity-ical.ts';
import { activitiesForFeed } from '#features/activities/activity-list.ts';
import { activityQueryToSearchParams, isEmptyActivityFilter, parseActivityQuery } from '#domain/activity-filter.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { appDatabase } from '#web/app-database.ts';
import { config } from '#platform/config.ts';

export const prerender = false;

export async function GET(context: APIContext): Promise<Response> {
  const { filter } = parseActivityQuery(context.url.searchParams, pitchPlaces().vocabulary);
  const items = await activitiesForFeed(await appDatabase(), filter, Date.now());
  const origin = config().siteUrl;
  const query = activityQueryToSearchParams({ filter }).toString();
  const body = activitiesCalendar(items, {
    name: isEmptyActivityFilter(filter) ? 'Praktijkplein: activiteiten' : 'Praktijkplein: activiteiten (selectie)',
    description: 'Kennismakingen, werkconferenties en open dagen over inclusief werk, uit de activiteitenkalender van Praktijkplein.',
    origin,
    url: `${origin}/activiteiten/${query ? `?${query}` : ''}`,
  });
  return new Response(body, { headers: { 'Content-Type': ICAL_CONTENT_TYPE, 'Cache-Control': 'public, max-age=300' } });
}
