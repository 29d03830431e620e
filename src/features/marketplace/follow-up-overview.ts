/**
 * The network's overview of outcomes (/resultaten/, and its answers as open data): what
 * pitches closed with a match brought, from the follow-up answers. Per pitch the latest answer
 * counts (12 months over 6 over 3); totals, per moment, and per municipality, labour-market
 * region, target group and kind of help asked (a pitch's "instrument": pitches carry kinds of
 * help, not the knowledge base's instruments). Only public facts: closed pitches, their facets
 * and the numbers; never who answered. Filters narrow the pitches (one value per facet).
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { followUps } from '#db/follow-up-schema.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { labelOf, targetGroups, type FacetTerm } from '#domain/facets.ts';
import { followUpMoments, type FollowUpMoment } from '#domain/follow-up-schedule.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import type { PitchOutcome } from '#domain/pitch-lifecycle.ts';
import { demoShareMark } from '#domain/demo-marks.ts';
import { municipalityOfPitch, pitchWithMunicipality } from './pitch-municipality.ts';

/** The filters, by their query parameter (the same names as the pitch list's). */
export const outcomeFilterParams = { municipality: 'gemeente', region: 'regio', targetGroup: 'doelgroep', helpKind: 'hulp' } as const;
export type OutcomeFilters = Partial<Record<keyof typeof outcomeFilterParams, string>>;

/** The filters a query asks for; unknown parameters are ignored, empty values mean "all". */
export function outcomeFiltersFrom(params: URLSearchParams): OutcomeFilters {
  const filters: OutcomeFilters = {};
  for (const [key, param] of Object.entries(outcomeFilterParams) as [keyof OutcomeFilters, string][]) {
    const value = params.get(param)?.trim();
    if (value) filters[key] = value.slice(0, 100);
  }
  return filters;
}

/** The query parameters of a set of filters. */
export function outcomeSearchParams(filters: OutcomeFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, param] of Object.entries(outcomeFilterParams) as [keyof OutcomeFilters, string][]) {
    if (filters[key]) params.set(param, filters[key]!);
  }
  return params;
}

/** The query string of a set of filters, with its "?" (for the "clear" links). */
export function outcomeQuery(filters: OutcomeFilters): string {
  const query = outcomeSearchParams(filters).toString();
  return query ? `?${query}` : '';
}

/** One pitch with its answers, as the overview counts it. */
export interface FollowedPitch {
  id: string;
  title: string;
  municipalityId: string;
  municipalityName: string;
  region: { id: string; name: string } | null;
  outcome: PitchOutcome | null;
  closedAt: number | null;
  demo: boolean;
  targetGroups: string[];
  sectors: string[];
  helpKinds: string[];
  answers: { monthsAfter: FollowUpMoment; started: number; stillWorking: number; answeredAt: number }[];
}

/** One line of a table: a group (or the whole) with its pitches and people. */
export interface OutcomeRow {
  id: string;
  /** The group's name, with the demo mark when demo pitches count in it ("Zaanstad (demo)"). */
  label: string;
  /** Pitches with at least one answer. */
  pitches: number;
  /** People started, from each pitch's latest answer. */
  started: number;
  /** People still at work, from each pitch's latest answer. */
  stillWorking: number;
  /** The part of each number that comes from demo pitches (made-up results). */
  demo: { pitches: number; started: number; stillWorking: number };
  /** The demo mark at the end of `label` ("" without demo), so a shortened label can keep it. */
  mark: string;
}

/** A breakdown: one table and chart on the page. */
export interface OutcomeBreakdown {
  id: 'gemeente' | 'regio' | 'doelgroep' | 'hulp';
  title: string;
  /** What a reader must know to read it right (a pitch in several groups counts in each). */
  note?: string;
  rows: OutcomeRow[];
}

/** Everything /resultaten/ shows. */
export interface OutcomeOverview {
  filters: OutcomeFilters;
  total: OutcomeRow;
  /** Per moment: the pitches that answered then, and their numbers then. */
  byMoment: (OutcomeRow & { monthsAfter: FollowUpMoment })[];
  breakdowns: OutcomeBreakdown[];
  /** Demo pitches among those counted (seed data on a trial install). */
  demoPitches: number;
  /** Choices for the filter form: only values that occur among followed-up pitches. */
  options: Record<keyof typeof outcomeFilterParams, { id: string; label: string }[]>;
  /** The pitches behind the numbers, each with its answers (the open data's rows, one per answer). */
  pitches: FollowedPitch[];
}

/** Closed pitches that have at least one answer, with their facets and answers. */
async function followedPitches(db: Database): Promise<FollowedPitch[]> {
  const rows = await db
    .select({
      id: pitches.id,
      ...pitchWithMunicipality,
      outcome: pitches.outcome,
      closedAt: pitches.closedAt,
      demo: pitches.demo,
      monthsAfter: followUps.monthsAfter,
      started: followUps.started,
      stillWorking: followUps.stillWorking,
      answeredAt: followUps.answeredAt,
    })
    .from(followUps)
    .innerJoin(pitches, eq(pitches.id, followUps.pitchId))
    .innerJoin(organisations, municipalityOfPitch)
    .where(and(eq(pitches.status, 'closed'), isNotNull(followUps.answeredAt)))
    .orderBy(pitches.id, followUps.monthsAfter);
  const byId = new Map<string, FollowedPitch>();
  const municipalities = new Map(loadGeo().municipalities.map((m) => [m.id, m]));
  for (const row of rows) {
    let pitch = byId.get(row.id);
    if (!pitch) {
      const region = municipalities.get(row.municipalityId)?.region;
      pitch = {
        id: row.id,
        title: row.title,
        municipalityId: row.municipalityId,
        municipalityName: row.municipalityName,
        region: region ? { id: region.id, name: region.name } : null,
        outcome: row.outcome,
        closedAt: row.closedAt,
        demo: row.demo,
        targetGroups: [],
        sectors: [],
        helpKinds: [],
        answers: [],
      };
      byId.set(row.id, pitch);
    }
    pitch.answers.push({ monthsAfter: row.monthsAfter as FollowUpMoment, started: row.started ?? 0, stillWorking: row.stillWorking ?? 0, answeredAt: row.answeredAt! });
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const facets = await db.select().from(pitchFacets).where(inArray(pitchFacets.pitchId, ids.slice(i, i + 500)));
    for (const facet of facets) {
      const pitch = byId.get(facet.pitchId)!;
      if (facet.facet === 'target-group') pitch.targetGroups.push(facet.value);
      else if (facet.facet === 'sector') pitch.sectors.push(facet.value);
      else pitch.helpKinds.push(facet.value);
    }
  }
  return [...byId.values()];
}

const latest = (pitch: FollowedPitch) => pitch.answers[pitch.answers.length - 1]!;

function matches(pitch: FollowedPitch, filters: OutcomeFilters): boolean {
  return (
    (!filters.municipality || pitch.municipalityId === filters.municipality) &&
    (!filters.region || pitch.region?.id === filters.region) &&
    (!filters.targetGroup || pitch.targetGroups.includes(filters.targetGroup)) &&
    (!filters.helpKind || pitch.helpKinds.includes(filters.helpKind))
  );
}

/** An empty row; `add` counts answers into it. */
const emptyRow = (id: string, label: string): OutcomeRow => ({ id, label, pitches: 0, started: 0, stillWorking: 0, demo: { pitches: 0, started: 0, stillWorking: 0 }, mark: '' });

/** Counts one pitch's answer into a row, and into its demo part if the pitch is a demo. */
function add(row: OutcomeRow, answer: { started: number; stillWorking: number }, demo: boolean): void {
  row.pitches++;
  row.started += answer.started;
  row.stillWorking += answer.stillWorking;
  if (demo) {
    row.demo.pitches++;
    row.demo.started += answer.started;
    row.demo.stillWorking += answer.stillWorking;
  }
}

/**
 * The row's label with its demo mark: made-up results for a real municipality must say so on
 * their own row and bar, not only in a note above the page.
 */
function marked(row: OutcomeRow): OutcomeRow {
  const mark = demoShareMark(row.demo.pitches, row.pitches);
  return { ...row, label: `${row.label}${mark}`, mark };
}

/** Sums pitches by group key; a pitch with several keys counts in each. Largest first. */
function breakdown(list: FollowedPitch[], keysOf: (pitch: FollowedPitch) => { id: string; label: string }[]): OutcomeRow[] {
  const rows = new Map<string, OutcomeRow>();
  for (const pitch of list) {
    for (const key of keysOf(pitch)) {
      const row = rows.get(key.id) ?? emptyRow(key.id, key.label);
      add(row, latest(pitch), pitch.demo);
      rows.set(key.id, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.started - a.started || a.label.localeCompare(b.label, 'nl')).map(marked);
}

const term = (vocab: { terms: readonly FacetTerm[] }) => (id: string) => ({ id, label: labelOf(vocab, id) });

const regionKey = (pitch: FollowedPitch) => (pitch.region ? [{ id: pitch.region.id, label: pitch.region.name }] : []);

/** The overview for these filters. */
export async function outcomeOverview(db: Database, filters: OutcomeFilters): Promise<OutcomeOverview> {
  const all = await followedPitches(db);
  const list = all.filter((pitch) => matches(pitch, filters));
  const total = emptyRow('totaal', 'Alle pitches');
  for (const pitch of list) add(total, latest(pitch), pitch.demo);
  const byMoment = followUpMoments.map((monthsAfter) => {
    const row = emptyRow(`${monthsAfter}`, `Na ${monthsAfter} maanden`);
    for (const pitch of list) for (const answer of pitch.answers.filter((a) => a.monthsAfter === monthsAfter)) add(row, answer, pitch.demo);
    return { ...marked(row), monthsAfter };
  });
  const several = 'Een pitch kan bij meer dan één groep horen; hij telt dan bij elk mee, dus de rijen tellen niet op tot het totaal.';
  const breakdowns: OutcomeBreakdown[] = [
    { id: 'gemeente', title: 'Per gemeente', rows: breakdown(list, (p) => [{ id: p.municipalityId, label: p.municipalityName }]) },
    { id: 'regio', title: 'Per arbeidsmarktregio', rows: breakdown(list, regionKey) },
    { id: 'doelgroep', title: 'Per doelgroep', note: several, rows: breakdown(list, (p) => p.targetGroups.map(term(targetGroups))) },
    { id: 'hulp', title: 'Per soort hulp (instrument)', note: several, rows: breakdown(list, (p) => p.helpKinds.map(term(helpKinds))) },
  ];
  const distinct = (items: { id: string; label: string }[]) =>
    [...new Map(items.map((item) => [item.id, item])).values()].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return {
    filters,
    total: marked(total),
    byMoment,
    breakdowns,
    demoPitches: list.filter((p) => p.demo).length,
    options: {
      municipality: distinct(all.map((p) => ({ id: p.municipalityId, label: p.municipalityName }))),
      region: distinct(all.flatMap(regionKey)),
      targetGroup: distinct(all.flatMap((p) => p.targetGroups.map(term(targetGroups)))),
      helpKind: distinct(all.flatMap((p) => p.helpKinds.map(term(helpKinds)))),
    },
    pitches: list,
  };
}
