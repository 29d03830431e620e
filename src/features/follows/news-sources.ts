/**
 * Where the weekly digest's news comes from. A source answers one question:
 * "what became news between two moments?", as NewsItems (src/domain/follows.ts) that say what
 * they are about; the digest job matches them to follows. Three sources:
 *   - pitches (database): newly published pitches, and news about existing ones (closed with
 *     an outcome, the closing date passed), which reaches only those who follow that pitch;
 *   - cases (built content): a case is news in the first digest after the end of its
 *     `published` day (in Amsterdam). Cases have no other publication time: they arrive
 *     with a deploy, and a curator sets `published` to the day it goes live. A case deployed
 *     with a date already behind a digest is not announced (the README's curator guide says so);
 *   - activities (the activity calendar, on another branch): `activityNewsSource` adapts its
 *     `activitiesPublishedBetween(db, fromMs, toMs)`; the lead plugs it into
 *     `defaultNewsSources` (src/features/jobs/digest-sources.ts) at merge.
 * To add a source: implement NewsSource and add it to that list; nothing else changes.
 */
import { and, eq, gt, gte, inArray, lte, or } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import type { NewsItem } from '#domain/follows.ts';
import { isPlan, type PlanFacts } from '#domain/practice-counts.ts';
import { amsterdamDate, dutchDate, endOfAmsterdamDay } from '#domain/amsterdam-time.ts';
import { pitchOutcomeLabel } from '#domain/pitch-lifecycle.ts';
import { formatDate } from '#platform/texts/nl.ts';
import { demoPitchNotice, withDemoMark } from '#domain/demo-marks.ts';

/** One kind of news for the digest. */
export interface NewsSource {
  /** For logs and tests ("pitches", "praktijkvoorbeelden", "activiteiten"). */
  name: string;
  /** What became news after `fromMs` up to and including `toMs`. */
  itemsBetween(db: Database, fromMs: number, toMs: number): Promise<NewsItem[]>;
}

/** The labour-market region of a municipality id (CBS data), if known. */
function regionsOf(municipalityId: string | undefined): string[] {
  if (!municipalityId) return [];
  const municipality = loadGeo().municipalities.find((m) => m.id === municipalityId);
  return municipality ? [municipality.region.id] : [];
}

function municipalityName(id: string): string {
  return loadGeo().municipalities.find((m) => m.id === id)?.name ?? id;
}

/** A calendar day (YYYY-MM-DD) in words: "12 maart 2026". */

/** What a newly published pitch needs to be news: the pitch and its sectors and target groups. */
export interface PublishedPitch {
  id: string;
  title: string;
  municipalityId: string;
  closingDate: string;
  demo: boolean;
  sectors: readonly string[];
  targetGroups: readonly string[];
}

/**
 * A newly published pitch as news: matched on its municipality, that municipality's region,
 * its sectors and target groups. The weekly digest and the at-once mail (pitch-alerts.ts) read
 * the same item, so both reach the same followers.
 */
export function publishedPitchNews(pitch: PublishedPitch): NewsItem {
  return {
    key: `pitch:${pitch.id}`,
    kind: 'pitch',
    title: withDemoMark(pitch.title, pitch.demo),
    path: `/pitches/${pitch.id}/`,
    note: pitch.demo
      ? `${demoPitchNotice(municipalityName(pitch.municipalityId))} Reageren kan tot en met ${dutchDate(pitch.closingDate)}`
      : `Nieuwe pitch van gemeente ${municipalityName(pitch.municipalityId)}; reageren kan tot en met ${dutchDate(pitch.closingDate)}`,
    about: {
      municipalities: [pitch.municipalityId],
      regions: regionsOf(pitch.municipalityId),
      sectors: pitch.sectors,
      targetGroups: pitch.targetGroups,
    },
  };
}

/** Pitches: newly public ones (matched on place and facets), and news about followed ones. */
export const pitchNewsSource: NewsSource = {
  name: 'pitches',
  async itemsBetween(db, fromMs, toMs) {
    const published = await db
      .select({ id: pitches.id, title: pitches.title, municipalityId: pitches.municipalityId, closingDate: pitches.closingDate, demo: pitches.demo })
      .from(pitches)
      .where(and(inArray(pitches.status, ['published', 'closed']), gt(pitches.publishedAt, fromMs), lte(pitches.publishedAt, toMs)));
    const facets = published.length === 0 ? [] : await db.select().from(pitchFacets).where(inArray(pitchFacets.pitchId, published.map((p) => p.id)));
    const valuesOf = (pitchId: string, facet: 'sector' | 'target-group') => facets.filter((f) => f.pitchId === pitchId && f.facet === facet).map((f) => f.value);
    const items: NewsItem[] = published.map((pitch) => publishedPitchNews({ ...pitch, sectors: valuesOf(pitch.id, 'sector'), targetGroups: valuesOf(pitch.id, 'target-group') }));

    // News about pitches that were public already: closed with an outcome, or past their closing
    // day (the closing date is inclusive, so the day's end is the moment it passed).
    const firstDay = amsterdamDate(new Date(fromMs));
    const lastDay = amsterdamDate(new Date(toMs));
    const changed = await db
      .select({ id: pitches.id, title: pitches.title, status: pitches.status, outcome: pitches.outcome, peoplePlaced: pitches.peoplePlaced, closedAt: pitches.closedAt, closingDate: pitches.closingDate, demo: pitches.demo })
      .from(pitches)
      .where(
        or(
          and(eq(pitches.status, 'closed'), gt(pitches.closedAt, fromMs), lte(pitches.closedAt, toMs)),
          and(eq(pitches.status, 'published'), gte(pitches.closingDate, firstDay), lte(pitches.closingDate, lastDay)),
        ),
      );
    for (const pitch of changed) {
      let note: string | null = null;
      if (pitch.status === 'closed') {
        const outcome = pitch.outcome ? `uitkomst: ${pitchOutcomeLabel[pitch.outcome].toLowerCase()}` : 'gesloten';
        note = pitch.demo
          ? `De demopitch is gesloten (verzonnen ${outcome}${pitch.peoplePlaced ? `, ${pitch.peoplePlaced} mensen geplaatst` : ''})`
          : `De gemeente heeft de pitch gesloten (${outcome}${pitch.peoplePlaced ? `, ${pitch.peoplePlaced} mensen geplaatst` : ''})`;
      } else {
        const passedAt = endOfAmsterdamDay(pitch.closingDate);
        if (passedAt > fromMs && passedAt <= toMs) note = `Reageren kon tot en met ${dutchDate(pitch.closingDate)}; de gemeente kiest nu uit het aanbod`;
      }
      if (note) items.push({ key: `pitch-update:${pitch.id}`, kind: 'pitch-update', title: withDemoMark(pitch.title, pitch.demo), path: `/pitches/${pitch.id}/`, note, about: { pitch: pitch.id } });
    }
    return items;
  },
};

/** What the digest needs of a case study (from the built content; tests pass their own). */
export interface CaseNews {
  id: string;
  title: string;
  /** The frontmatter's `published` day, YYYY-MM-DD. */
  published: string;
  municipalities: readonly string[];
  regions: readonly string[];
  sectors: readonly string[];
  targetGroups: readonly string[];
  /** Evidence and status: they say whether the case is a practice or a plan (isPlan). */
  evidence: PlanFacts['evidence'];
  status: PlanFacts['status'];
}

/**
 * The digest's line under a new case. A programme's ambition, a proposal or a pitched request is
 * a plan, and a mail that calls it a "praktijkvoorbeeld" would tell followers it already works.
 */
export function caseNewsNote(item: PlanFacts): string {
  return isPlan(item) ? 'Nieuw plan' : 'Nieuw praktijkvoorbeeld';
}

/** Case studies, news in the first digest after the end of their `published` day (in Amsterdam). */
export function caseNewsSource(cases: readonly CaseNews[]): NewsSource {
  return {
    name: 'praktijkvoorbeelden',
    async itemsBetween(_db, fromMs, toMs) {
      return cases
        .filter((item) => {
          const at = endOfAmsterdamDay(item.published);
          return at > fromMs && at <= toMs;
        })
        .map((item) => ({
          key: `case:${item.id}`,
          kind: 'case' as const,
          title: item.title,
          path: `/praktijkvoorbeelden/${item.id}/`,
          note: caseNewsNote(item),
          about: { municipalities: item.municipalities, regions: item.regions, sectors: item.sectors, targetGroups: item.targetGroups },
        }));
    },
  };
}

/** An activity as the calendar's `activitiesPublishedBetween` returns it. */
export interface ActivityNews {
  id: string;
  title: string;
  /** Start (Unix ms). */
  startsAt: number;
  municipalityId?: string | null;
  targetGroups: readonly string[];
  sectors: readonly string[];
  path: string;
  /** A made-up activity of the demo data: its title carries the mark. */
  demo?: boolean;
}

/** The calendar's query: activities that became public after `fromMs` up to `toMs`. */
export type ActivitiesPublishedBetween = (db: Database, fromMs: number, toMs: number) => Promise<readonly ActivityNews[]>;

/** Activities from the calendar, matched on their municipality (and its region), sectors and target groups. */
export function activityNewsSource(activitiesPublishedBetween: ActivitiesPublishedBetween): NewsSource {
  return {
    name: 'activiteiten',
    async itemsBetween(db, fromMs, toMs) {
      const activities = await activitiesPublishedBetween(db, fromMs, toMs);
      return activities.map((activity) => ({
        key: `activity:${activity.id}`,
        kind: 'activity' as const,
        title: withDemoMark(activity.title, activity.demo ?? false),
        path: activity.path,
        note: `Activiteit op ${formatDate(new Date(activity.startsAt))}${activity.municipalityId ? ` in ${municipalityName(activity.municipalityId)}` : ''}`,
        about: {
          municipalities: activity.municipalityId ? [activity.municipalityId] : [],
          regions: regionsOf(activity.municipalityId ?? undefined),
          sectors: activity.sectors,
          targetGroups: activity.targetGroups,
        },
      }));
    },
  };
}
