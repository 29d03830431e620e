/**
 * Home of the calendar's iCalendar output: the subscribable feed of all (or
 * a filtered selection of) activities, and the single-activity file behind "Zet in mijn
 * agenda". Written with ical-generator, a maintained library that folds lines, escapes text and
 * knows the RFC 5545 rules, rather than by string concatenation. Times go out in UTC
 * (DTSTART:20261024T120000Z): every calendar program converts them to its own zone, so an
 * activity on either side of a daylight-saving change lands on the right hour without a
 * VTIMEZONE block; all-day activities are DATE values (the Amsterdam days). UIDs are stable
 * (the activity id and the site's host), so a re-read feed updates events instead of
 * duplicating them; a cancellation goes out as STATUS:CANCELLED with a higher SEQUENCE.
 * Tested by parsing the output back with ical.js (tests/integration/activities/ical.test.ts).
 */
import { AMSTERDAM } from '#domain/amsterdam-time.ts';
import ical, { escape as escapeText, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { activityAudiences, activityKinds } from '#domain/activity-vocabulary.ts';
import { labelOf } from '#domain/facets.ts';
import { withDemoMark } from '#domain/demo-marks.ts';
import { amsterdamWallTime, nextDay } from '#domain/amsterdam-time.ts';
import type { ActivityView } from './activity-list.ts';

/** The Content-Type of every .ics answer. */
export const ICAL_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** How often a subscribed calendar should look again (X-PUBLISHED-TTL / REFRESH-INTERVAL), in seconds. */
const REFRESH_SECONDS = 6 * 60 * 60;

/** The stable UID of an activity: it never changes, whatever is edited. */
export function activityUid(id: string, origin: string): string {
  return `activiteit-${id}@${new URL(origin).hostname}`;
}

/** The text in the event's description: the activity's own text, then who organises it, for whom, and the link. */
function eventDescription(activity: ActivityView, origin: string): string {
  const audience = activity.audiences.map((id) => labelOf(activityAudiences, id).toLowerCase()).join(', ');
  return [
    activity.status === 'cancelled' ? `GEANNULEERD${activity.cancelReason ? `: ${activity.cancelReason}` : ''}` : null,
    activity.demo && !/demodata/i.test(activity.description) ? 'Demo-activiteit: verzonnen voorbeeld.' : null,
    activity.description,
    `Organisator: ${activity.organiserName}`,
    audience ? `Voor: ${audience}` : null,
    activity.onlineUrl ? `Online meedoen: ${activity.onlineUrl}` : null,
    `Meer informatie: ${origin}${activity.path}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * An iCalendar text with the given activities. `name` and `description` become the calendar's
 * name in the program that subscribes (NAME, X-WR-CALNAME, X-WR-CALDESC).
 */
export function activitiesCalendar(items: readonly ActivityView[], options: { name: string; description: string; origin: string; url: string }): string {
  const calendar = ical({
    // The library escapes event properties (SUMMARY, DESCRIPTION) but writes these calendar lines
    // as given; a single activity's file is named after its title, so they get the same RFC 5545
    // TEXT escaping (`\\`, `;`, `,`, newlines) with the library's own function.
    name: escapeText(options.name, false),
    description: escapeText(options.description, false),
    prodId: { company: 'Praktijkplein', product: 'activiteitenkalender', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    url: options.url,
    ttl: REFRESH_SECONDS,
  });
  for (const activity of items) {
    const title = `${activity.status === 'cancelled' ? 'Geannuleerd: ' : ''}${withDemoMark(activity.title, activity.demo)}`;
    // All day: the Amsterdam days as DATE values (a string "YYYY-MM-DD" is written as such); the end is exclusive.
    const start = activity.allDay ? amsterdamWallTime(activity.startsAt).day : new Date(activity.startsAt);
    const end = activity.allDay ? nextDay(amsterdamWallTime(activity.endsAt - 1).day) : new Date(activity.endsAt);
    calendar.createEvent({
      id: activityUid(activity.id, options.origin),
      sequence: activity.sequence,
      stamp: new Date(activity.updatedAt),
      start,
      end,
      allDay: activity.allDay,
      summary: title,
      description: eventDescription(activity, options.origin),
      location: activity.place ?? activity.onlineUrl ?? null,
      url: `${options.origin}${activity.path}`,
      status: activity.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: labelOf(activityKinds, activity.kind) }],
      organizer: null,
    });
  }
  return calendar.toString();
}

/** The webcal:// address of a feed (calendar programs subscribe when they open it). */
export function webcalUrl(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, 'webcal:');
}

/** A link that opens Google Calendar with the activity filled in. */
export function googleCalendarUrl(activity: Pick<ActivityView, 'title' | 'description' | 'place' | 'onlineUrl' | 'path' | 'startsAt' | 'endsAt' | 'allDay'>, origin: string): string {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = (ms: number) => amsterdamWallTime(ms).day.replace(/-/g, '');
  const dates = activity.allDay
    ? `${day(activity.startsAt)}/${nextDay(amsterdamWallTime(activity.endsAt - 1).day).replace(/-/g, '')}`
    : `${stamp(activity.startsAt)}/${stamp(activity.endsAt)}`;
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: activity.title,
    dates,
    details: `${activity.description.slice(0, 1000)}\n\n${origin}${activity.path}`,
    location: activity.place ?? activity.onlineUrl ?? '',
    ctz: AMSTERDAM,
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}
