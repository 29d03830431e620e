/**
 * The pitch marketplace's tables (docs/architecture.md): pitches with their facets and search rows,
 * and employers' offers. Statuses and vocabularies come from the domain modules, so the
 * database enum and the lifecycle tables can never disagree. Times are Unix milliseconds;
 * a closing date is a calendar day (YYYY-MM-DD, Europe/Amsterdam).
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { offerStatuses, joinedOfferStatuses } from '../src/domain/offer-lifecycle.ts';
import { pitchOutcomes, pitchStatuses } from '../src/domain/pitch-lifecycle.ts';
import { suggestionKinds, suggestionStatuses } from '../src/domain/suggestions.ts';
import { organisations, users } from './schema.ts';

/** A pitch's fields as a curator read them (lists of choices sorted, numbers and empty fields as text). */
export interface PitchTextSnapshot {
  title: string;
  area: string;
  challenge: string;
  ask: string;
  helpKinds: string[];
  targetGroups: string[];
  sectors: string[];
  peopleSought: string;
  closingDate: string;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone: string;
}

/** A municipality's challenge, pitched to employers. */
export const pitches = sqliteTable(
  'pitches',
  {
    /**
     * The search rows' key: an INTEGER PRIMARY KEY is the rowid itself, which VACUUM never
     * renumbers (a text key's hidden rowid it may), so pitches_fts stays in step.
     */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The id in URLs and references. */
    id: text('id').notNull(),
    /** The municipality that pitches (an organisation of kind municipality). */
    municipalityId: text('municipality_id')
      .notNull()
      .references(() => organisations.id),
    /** Who wrote it; null once that account is deleted (the pitch stays the municipality's). */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** Neighbourhood or area ("Poelenbrug"). */
    area: text('area').notNull(),
    /** The challenge in plain language, as Markdown, and its sanitised HTML (rendered on save). */
    challenge: text('challenge').notNull(),
    challengeHtml: text('challenge_html').notNull(),
    /** What is asked of employers, in the author's words (Markdown) and as HTML. */
    ask: text('ask').notNull(),
    askHtml: text('ask_html').notNull(),
    /**
     * What search adds to the pitch's own words: the parts of its compounds and the synonyms of
     * what it uses (domain/search/pitch-keys.ts), written with the text; pitches_fts indexes it.
     */
    searchKeys: text('search_keys').notNull().default(''),
    /** People or places sought; null: not a number (e.g. mentoring). */
    peopleSought: integer('people_sought'),
    /** Last day offers are accepted (YYYY-MM-DD, inclusive, Europe/Amsterdam). */
    closingDate: text('closing_date').notNull(),
    contactName: text('contact_name').notNull(),
    contactRole: text('contact_role'),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: pitchStatuses }).notNull().default('draft'),
    /** A curator's request for changes or reason for rejection, shown to the author. */
    moderationNote: text('moderation_note'),
    /** The text as the curator read it when she asked for a change: the queue shows what changed since (features/marketplace/pitch-changes.ts). */
    reviewedText: text('reviewed_text', { mode: 'json' }).$type<PitchTextSnapshot>(),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    outcome: text('outcome', { enum: pitchOutcomes }),
    peoplePlaced: integer('people_placed'),
    /** Bumped on every write: an edit based on an older version is refused (stale edit). */
    version: integer('version').notNull().default(1),
    /** Demo data, marked as such on the page. */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    submittedAt: integer('submitted_at'),
    publishedAt: integer('published_at'),
    closedAt: integer('closed_at'),
  },
  (t) => [
    uniqueIndex('pitches_id').on(t.id),
    index('pitches_status_published').on(t.status, t.publishedAt),
    index('pitches_status_closing').on(t.status, t.closingDate),
    index('pitches_municipality_status').on(t.municipalityId, t.status),
    index('pitches_author').on(t.authorId),
    index('pitches_submitted').on(t.status, t.submittedAt),
    // Everything the public list's facet index reads of a pitch, so loading it walks this index
    // alone instead of looking up every (wide) pitch row: the first list after a start.
    index('pitches_list_index').on(t.status, t.seq, t.municipalityId, t.closingDate, t.publishedAt, t.featured, t.demo, t.id),
  ],
);

export const pitchFacetKinds = ['target-group', 'sector', 'help-kind'] as const;
export type PitchFacetKind = (typeof pitchFacetKinds)[number];

/** A pitch's target groups, sectors and kinds of help asked: one row each, so filters use an index. */
export const pitchFacets = sqliteTable(
  'pitch_facets',
  {
    pitchId: text('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    facet: text('facet', { enum: pitchFacetKinds }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pitchId, t.facet, t.value] }), index('pitch_facets_value').on(t.facet, t.value, t.pitchId)],
);

/** An employer's answer to a pitch ("Ik doe mee"). */
export const offers = sqliteTable(
  'offers',
  {
    id: text('id').primaryKey(),
    pitchId: text('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    /** The employer the offer is made for. */
    employerId: text('employer_id')
      .notNull()
      .references(() => organisations.id),
    /** Who made it; null once that account is deleted. */
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kinds of help offered (ids from domain/help-kinds.ts), as a JSON array. */
    helpKinds: text('help_kinds', { mode: 'json' }).$type<string[]>().notNull(),
    places: integer('places'),
    /** From when (YYYY-MM-DD), if known. */
    startsOn: text('starts_on'),
    /** Support the employer brings (a buddy, a job coach …). */
    support: text('support'),
    /** A message for the pitch owner; never shown to other employers. */
    message: text('message'),
    /** May the employer's name be shown on the public pitch page? */
    showName: integer('show_name', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: offerStatuses }).notNull(),
    /** The owner's message with the latest answer (shortlist, accept, decline). */
    ownerMessage: text('owner_message'),
    version: integer('version').notNull().default(1),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // One offer per employer organisation per pitch (waiting, withdrawn and declined ones don't count: src/domain/offer-lifecycle.ts).
    uniqueIndex('offers_one_live_per_employer')
      .on(t.pitchId, t.employerId)
      .where(sql.raw(`status in (${joinedOfferStatuses.map((s) => `'${s}'`).join(', ')})`)),
    // One waiting offer per person per pitch (a double click makes one).
    uniqueIndex('offers_one_waiting_per_author').on(t.pitchId, t.authorId).where(sql`status = 'waiting-for-verification'`),
    index('offers_pitch_status').on(t.pitchId, t.status),
    index('offers_employer').on(t.employerId, t.createdAt),
    index('offers_author').on(t.authorId),
  ],
);

/**
 * What the public sends through /aandragen/: a practice to add, a question, a
 * correction, with who sent it and the page it is about. Curators read and mark them on
 * /beheer/suggesties/; removed a year after being handled (src/features/jobs/retention.ts), or with the
 * sender's account.
 */
export const suggestions = sqliteTable(
  'suggestions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: suggestionKinds }).notNull(),
    message: text('message').notNull(),
    name: text('name').notNull(),
    /** Where the answer goes. */
    email: text('email').notNull(),
    organisation: text('organisation'),
    /** The same-site page it is about (/praktijkvoorbeelden/x/), checked against the known pages. */
    aboutPath: text('about_path'),
    /** That page's title when it was sent. */
    aboutTitle: text('about_title'),
    /** The signed-in sender, so export and deletion find it; null for a visitor. */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: suggestionStatuses }).notNull().default('new'),
    handledAt: integer('handled_at'),
    handledBy: text('handled_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('suggestions_status_created').on(t.status, t.createdAt), index('suggestions_user').on(t.userId), index('suggestions_email').on(t.email)],
);

export type SuggestionRow = typeof suggestions.$inferSelect;
export type PitchRow = typeof pitches.$inferSelect;
export type PitchFacetRow = typeof pitchFacets.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
