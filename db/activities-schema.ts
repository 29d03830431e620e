/**
 * The activity calendar's tables (docs/architecture.md "events"): activities that
 * members submit and curators moderate, and their facet rows (audience, target groups,
 * sectors) so the list and the feed filter through an index. Statuses and vocabularies come
 * from the domain modules. Times are instants in Unix milliseconds (UTC); people enter and
 * read them in Europe/Amsterdam (src/domain/amsterdam-time.ts).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { activityStatuses } from '../src/domain/activity-lifecycle.ts';
import { activityKinds } from '../src/domain/activity-vocabulary.ts';
import { organisations, users } from './schema.ts';

/** One activity in the calendar: a meet & greet, a work conference, an open day … */
export const activities = sqliteTable(
  'activities',
  {
    /** The id in URLs and in the iCal UID: words from the title and a random tail. */
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** Plain text (shown with its line breaks, never as HTML). */
    description: text('description').notNull(),
    kind: text('kind', { enum: activityKinds.ids }).notNull(),
    /** The first instant (UTC ms); for an all-day activity 00:00 Amsterdam of its first day. */
    startsAt: integer('starts_at').notNull(),
    /** The end, exclusive (UTC ms); for an all-day activity 00:00 Amsterdam after its last day. */
    endsAt: integer('ends_at').notNull(),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    /** Address or place name; null for an online-only activity. */
    place: text('place'),
    /** The municipality the place lies in, when the place names one (catalog/places.ts); for the place filters. */
    municipalityId: text('municipality_id'),
    /** An https link to join online; null for an activity on location only. */
    onlineUrl: text('online_url'),
    /** The organisation it was submitted for (the submitter's); null once that is gone. */
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The organiser as the page shows it (the organisation's name by default). */
    organiserName: text('organiser_name').notNull(),
    /** Who submitted it; null once that account is deleted (the activity stays). */
    submitterId: text('submitter_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: activityStatuses }).notNull().default('submitted'),
    /** A curator's request for changes or reason for rejection; the reason for a cancellation. */
    moderationNote: text('moderation_note'),
    /** Bumped on every write: an edit or decision based on an older version is refused. */
    version: integer('version').notNull().default(1),
    /** iCal SEQUENCE: bumped when a subscribed calendar should replace its copy (a cancellation). */
    sequence: integer('sequence').notNull().default(0),
    /** Demo data, marked as such on the page. */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    submittedAt: integer('submitted_at').notNull(),
    publishedAt: integer('published_at'),
    cancelledAt: integer('cancelled_at'),
  },
  (t) => [
    index('activities_status_ends').on(t.status, t.endsAt),
    index('activities_status_starts').on(t.status, t.startsAt),
    index('activities_status_published').on(t.status, t.publishedAt),
    index('activities_submitter').on(t.submitterId),
    index('activities_organisation').on(t.organisationId),
  ],
);

export const activityFacetKinds = ['audience', 'target-group', 'sector'] as const;
export type ActivityFacetKind = (typeof activityFacetKinds)[number];

/** An activity's audiences, target groups and sectors: one row each. */
export const activityFacets = sqliteTable(
  'activity_facets',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    facet: text('facet', { enum: activityFacetKinds }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.facet, t.value] }), index('activity_facets_value').on(t.facet, t.value, t.activityId)],
);

export type ActivityRow = typeof activities.$inferSelect;
