/**
 * "Zet in mijn agenda": one published activity as an .ics file, with the same
 * stable UID as in the feed, so importing it and subscribing later do not make two entries.
 */
import type { APIContext } from 'astro';
import { activitiesCalendar, ICAL_CONTENT_TYPE } from '#features/activities/activity-ical.ts';
import { publicActivity } from '#features/activities/activity-list.ts';
import { appDatabase } from '#web/app-database.ts';
import { config } from '#platform/config.ts';

export const prerender = false;

export async function GET(context: APIContext): Promise<Response> {
  const activity = await publicActivity(await appDatabase(), context.params.id ?? '');
  if (!activity) {
    return new Response('Deze activiteit bestaat niet of staat niet in de kalender. Zie /activiteiten/.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const origin = config().siteUrl;
  const body = activitiesCalendar([activity], { name: activity.title, description: `Activiteit op Praktijkplein: ${activity.title}`, origin, url: `${origin}${activity.path}` });
  return new Response(body, {
    headers: { 'Content-Type': ICAL_CONTENT_TYPE, 'Content-Disposition': `attachment; filename="${activity.id}.ics"` },
  });
}
