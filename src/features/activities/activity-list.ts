/**
 * Home of the public activity queries: the upcoming and past lists with
 * their filters and counts, a month for the month view, the iCal feed's selection, and what
 * the weekly digest lists as new (`activitiesPublishedBetween`). Only published and cancelled
 * activities are public; a cancelled one stays listed, marked, so nobody travels in vain and a
 * subscribed calendar hears of it. The calendar holds tens to hundreds of activities at a
 * time, so one indexed query reads a period and the filters run in plain TypeScript
 * (domain/activity-filter.ts), the same code for the list and its feed.
 */
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { activities, activityFacets, type ActivityRow } from '#db/activities-schema.ts';
import { publicActivityStatuses } from '#domain/activity-lifecycle.ts';
import { activityAudiences, activityKinds } from '#domain/activity-vocabulary.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import {
  ACTIVITIES_PER_PAGE,
  ONLINE,
  activityFacetCounts,
  matchesActivityFilter,
  type ActivityFacetKey,
  type ActivityFilter,
  type ActivityPeriod,
  type ActivityQuery,
  type FilterableActivity,
} from '#domain/activity-filter.ts';
import { addMonthsToMonth, spanDays, startOfAmsterdamDay } from '#domain/amsterdam-time.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';

/** An activity as the public pages and the feed show it. */
export interface ActivityView extends FilterableActivity {
  id: string;
  /** The page's path, /activiteiten/<id>/. */
  path: string;
  title: string;
  description: string;
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  place: string | null;
  municipalityName: string | null;
  onlineUrl: string | null;
  organiserName: string;
  status: 'published' | 'cancelled';
  /** Why it was cancelled, when the canceller said so. */
  cancelReason: string | null;
  demo: boolean;
  publishedAt: number | null;
  updatedAt: number;
  /** The iCal SEQUENCE. */
  sequence: number;
}

/** Reads activity rows with their facets, as views. */
async function toViews(db: Database, rows: ActivityRow[]): Promise<ActivityView[]> {
  if (rows.length === 0) return [];
  const facets = await db
    .select()
    .from(activityFacets)
    .where(inArray(activityFacets.activityId, rows.map((row) => row.id)));
  const places = pitchPlaces();
  return rows.map((row) => {
    const of = (kind: string) => facets.filter((f) => f.activityId === row.id && f.facet === kind).map((f) => f.value);
    const place = row.municipalityId ? places.byMunicipality.get(row.municipalityId) : undefined;
    return {
      id: row.id,
      path: `/activiteiten/${row.id}/`,
      title: row.title,
      description: row.description,
      kind: row.kind,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      allDay: row.allDay,
      place: row.place,
      municipalityId: place ? row.municipalityId : null,
      municipalityName: place?.name ?? null,
      province: place?.province ?? null,
      region: place?.region ?? null,
      onlineUrl: row.onlineUrl,
      online: row.onlineUrl !== null,
      organiserName: row.organiserName,
      status: row.status === 'cancelled' ? 'cancelled' : 'published',
      cancelReason: row.status === 'cancelled' ? row.moderationNote : null,
      audiences: of('audience'),
      targetGroups: of('target-group'),
      sectors: of('sector'),
      demo: row.demo,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      sequence: row.sequence,
    };
  });
}

const isPublic = () => inArray(activities.status, [...publicActivityStatuses]);

/** Public activities matching `where`, in the given order, as views. */
async function publicViews(db: Database, where: SQL | undefined, order: 'ascending' | 'descending', limit = 2000): Promise<ActivityView[]> {
  const rows = await db
    .select()
    .from(activities)
    .where(and(isPublic(), where))
    .orderBy(order === 'ascending' ? asc(activities.startsAt) : desc(activities.startsAt), asc(activities.id))
    .limit(limit);
  return toViews(db, rows);
}

/** One public activity (published or cancelled) as a view; undefined when there is none or it is not public. */
export async function publicActivity(db: Database, id: string): Promise<ActivityView | undefined> {
  const [view] = await publicViews(db, eq(activities.id, id), 'ascending', 1);
  return view;
}

/** One page of the list, with everything the filter column shows. */
export interface ActivityListPage {
  items: ActivityView[];
  total: number;
  page: number;
  pageCount: number;
  counts: Record<ActivityFacetKey, Map<string, number>>;
  used: Record<ActivityFacetKey, Set<string>>;
  /** How many activities the other period holds (with the same filters), for the link to it. */
  otherPeriodTotal: number;
}

/** A period's public activities in the list's order: upcoming (not yet ended) soonest first, past ones most recent first. */
function periodViews(db: Database, period: ActivityPeriod, now: number): Promise<ActivityView[]> {
  return period === 'komend' ? publicViews(db, gt(activities.endsAt, now), 'ascending') : publicViews(db, lte(activities.endsAt, now), 'descending');
}

/**
 * The list: upcoming activities (not yet ended) soonest first, or past ones most recent first,
 * filtered, counted and paged.
 */
export async function listActivities(db: Database, query: ActivityQuery, now: number): Promise<ActivityListPage> {
  const [upcoming, past] = await Promise.all([periodViews(db, 'komend', now), periodViews(db, 'voorbij', now)]);
  const shown = query.period === 'komend' ? upcoming : past;
  const other = query.period === 'komend' ? past : upcoming;
  const matching = shown.filter((item) => matchesActivityFilter(item, query.filter));
  const pageCount = Math.max(1, Math.ceil(matching.length / ACTIVITIES_PER_PAGE));
  const page = Math.min(query.page, pageCount);
  const { counts, used } = activityFacetCounts(shown, query.filter);
  return {
    items: matching.slice((page - 1) * ACTIVITIES_PER_PAGE, page * ACTIVITIES_PER_PAGE),
    total: matching.length,
    page,
    pageCount,
    counts,
    used,
    otherPeriodTotal: other.filter((item) => matchesActivityFilter(item, query.filter)).length,
  };
}

/**
 * Every public activity that matches the filter, in the list's order: of one period, or of both
 * (upcoming ones first) when `period` is null. For the open data, which has no pages.
 */
export async function publicActivities(db: Database, filter: ActivityFilter, period: ActivityPeriod | null, now: number): Promise<ActivityView[]> {
  const periods: ActivityPeriod[] = period ? [period] : ['komend', 'voorbij'];
  const views = (await Promise.all(periods.map((each) => periodViews(db, each, now)))).flat();
  return views.filter((item) => matchesActivityFilter(item, filter));
}

/** Every value of every facet of the activity list, with its label: what the filter column offers and the open data accepts. */
export function activityFilterVocabularies(): Record<ActivityFacetKey, { id: string; label: string }[]> {
  const terms = (vocab: { terms: readonly { id: string; label: string }[] }) => vocab.terms.map(({ id, label }) => ({ id, label }));
  return {
    kinds: terms(activityKinds),
    audiences: terms(activityAudiences),
    online: [{ id: ONLINE, label: 'Online mee te doen' }],
    ...pitchPlaces().options,
    targetGroups: terms(targetGroups),
    sectors: terms(sectors),
  };
}

/** The activities of a month (YYYY-MM), by Amsterdam day: an activity over several days is on each of them. */
export async function activitiesInMonth(db: Database, month: string, filter?: ActivityFilter): Promise<Map<string, ActivityView[]>> {
  const from = startOfAmsterdamDay(`${month}-01`);
  const to = startOfAmsterdamDay(`${addMonthsToMonth(month, 1)}-01`);
  const views = (await publicViews(db, and(lt(activities.startsAt, to), gt(activities.endsAt, from)), 'ascending')).filter((item) => !filter || matchesActivityFilter(item, filter));
  const byDay = new Map<string, ActivityView[]>();
  for (const view of views) {
    const { first, last } = spanDays(view);
    for (let day = first; day <= last; day = nextDayOf(day)) {
      if (day.startsWith(month)) byDay.set(day, [...(byDay.get(day) ?? []), view]);
    }
  }
  return byDay;
}

const nextDayOf = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** How far back the feed reaches: recent past activities stay in subscribed calendars. */
export const FEED_PAST_DAYS = 90;

/** The feed's selection: every public activity that ended at most FEED_PAST_DAYS ago or is still to come, filtered. */
export async function activitiesForFeed(db: Database, filter: ActivityFilter, now: number): Promise<ActivityView[]> {
  const views = await publicViews(db, gt(activities.endsAt, now - FEED_PAST_DAYS * 86_400_000), 'ascending');
  return views.filter((item) => matchesActivityFilter(item, filter));
}

/**
 * Activities first published in [fromMs, toMs) and still published (not cancelled), soonest
 * first, optionally filtered: for the weekly digest's "new activities".
 * Each has id, title, start and end, place or online link, municipality, facets and its path.
 */
export async function activitiesPublishedBetween(db: Database, fromMs: number, toMs: number, filter?: Partial<ActivityFilter>): Promise<ActivityView[]> {
  const rows = await db
    .select()
    .from(activities)
    .where(and(eq(activities.status, 'published'), gte(activities.publishedAt, fromMs), lt(activities.publishedAt, toMs)))
    .orderBy(asc(activities.startsAt), asc(activities.id));
  const views = await toViews(db, rows);
  if (!filter) return views;
  const full = { kinds: [], audiences: [], municipalities: [], provinces: [], regions: [], targetGroups: [], sectors: [], online: [], ...filter } satisfies ActivityFilter;
  return views.filter((item) => matchesActivityFilter(item, full));
}
