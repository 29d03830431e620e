/**
 * What looks like a pitch: "wat elders al werkte" (case studies, instruments and employers
 * from the knowledge base that fit a pitch) and "search before you create" (published pitches
 * and case studies that look like a draft: same region, target groups, title words through
 * the pitches_fts table). The knowledge base is built content (astro:content), so pages pass
 * it in: this module stays plain TypeScript that tests call without Astro.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations } from '#db/schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { effectiveStatus, type PitchStatus } from '#domain/pitch-lifecycle.ts';

/** The labour-market region of a municipality (CBS data), or null for an unknown id. */
export function regionOf(municipalityId: string): { id: string; name: string } | null {
  const municipality = loadGeo().municipalities.find((m) => m.id === municipalityId);
  return municipality ? { id: municipality.region.id, name: municipality.region.name } : null;
}

/** Ids of the municipalities in the same labour-market region (itself included). */
function regionMates(municipalityId: string): string[] {
  const region = regionOf(municipalityId);
  if (!region) return [municipalityId];
  return loadGeo()
    .municipalities.filter((m) => m.region.id === region.id)
    .map((m) => m.id);
}

/** A case study as the knowledge base gives it (built content, passed in by the page). */
export interface KnowledgeCase {
  id: string;
  title: string;
  summary: string;
  municipalities: readonly string[];
  regions: readonly string[];
  targetGroups: readonly string[];
  sectors: readonly string[];
  instruments: readonly string[];
  employers: readonly string[];
}

/** An instrument as the knowledge base gives it. */
export interface KnowledgeInstrument {
  id: string;
  title: string;
  summary: string;
  /** Municipalities with a stance on it. */
  municipalities: readonly string[];
  targetGroups: readonly string[];
}

export interface Knowledge {
  cases: readonly KnowledgeCase[];
  instruments: readonly KnowledgeInstrument[];
  /** Names of employers by id. */
  employerNames: ReadonlyMap<string, string>;
}

/** What a pitch (or a draft) is matched on. */
export interface PitchMatchKeys {
  municipalityId: string;
  targetGroups: readonly string[];
  sectors: readonly string[];
}

const overlap = (a: readonly string[], b: readonly string[]) => a.filter((value) => b.includes(value)).length;

/** How well a case fits: own municipality, then region, target groups and sectors. 0: not at all. */
function caseScore(pitch: PitchMatchKeys, regionId: string | null, item: KnowledgeCase): number {
  return (
    (item.municipalities.includes(pitch.municipalityId) ? 3 : 0) +
    (regionId && item.regions.includes(regionId) ? 2 : 0) +
    overlap(item.targetGroups, pitch.targetGroups) * 2 +
    overlap(item.sectors, pitch.sectors) * 2
  );
}

/** "Wat elders al werkte" for a pitch: the best-fitting cases, the instruments behind them, and their employers. */
export function whatWorkedElsewhere(pitch: PitchMatchKeys, knowledge: Knowledge, limit = 3) {
  const regionId = regionOf(pitch.municipalityId)?.id ?? null;
  const cases = knowledge.cases
    .map((item) => ({ item, score: caseScore(pitch, regionId, item) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title, 'nl'))
    .slice(0, limit)
    .map(({ item }) => item);
  const usedByCases = cases.flatMap((item) => item.instruments);
  const instruments = knowledge.instruments
    .map((instrument) => ({
      instrument,
      score:
        usedByCases.filter((id) => id === instrument.id).length * 2 +
        (instrument.municipalities.includes(pitch.municipalityId) ? 3 : 0) +
        overlap(instrument.targetGroups, pitch.targetGroups),
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.instrument.title.localeCompare(b.instrument.title, 'nl'))
    .slice(0, limit + 1)
    .map(({ instrument }) => instrument);
  const employerIds = [...new Set(cases.flatMap((item) => item.employers))];
  const employers = employerIds.filter((id) => knowledge.employerNames.has(id)).map((id) => ({ id, name: knowledge.employerNames.get(id)! }));
  return { cases, instruments, employers };
}

/** A draft as the form has it, for "search before you create". */
export interface DraftKeys {
  /** The pitch being edited, left out of its own results. */
  pitchId?: string;
  municipalityId: string;
  title: string;
  targetGroups: readonly string[];
}

/** Short and common words that say nothing about the subject. */
const stopWords = new Set(
  'de het een en van in op voor met aan bij naar uit over door dat die dit wat wie hoe ook als maar meer niet zijn wordt worden onze onze wij ons jullie mensen werk werken'.split(' '),
);

/** The words of a title worth matching on (4 letters or more, no stop words), at most 8. */
export function titleWords(title: string): string[] {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4 && !stopWords.has(word));
  return [...new Set(words)].slice(0, 8);
}

/**
 * An FTS5 query for any of the words in the title column: every term quoted (a quote in a
 * term doubled), so input like `wie biedt?` or `NEAR(` is never read as query syntax.
 */
export function titleMatchQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((word) => `title : "${word.replaceAll('"', '""')}"`).join(' OR ');
}

/** A published pitch that looks like the draft. */
export interface SimilarPitch {
  id: string;
  title: string;
  municipality: string;
  status: PitchStatus;
  closingDate: string;
  reasons: string[];
}

/**
 * "Zoek voordat u schrijft": published (and closed) pitches and case studies that look like the
 * draft: same municipality or labour-market region, overlapping target groups, shared title
 * words (the pitches through the pitches_fts table). Best first, at most `limit` of each.
 */
export async function similarPitchesAndCases(db: Database, draft: DraftKeys, cases: readonly KnowledgeCase[] = [], limit = 5, now = Date.now()) {
  const mates = regionMates(draft.municipalityId);
  const words = titleWords(draft.title);
  const match = titleMatchQuery(words);
  const publicStatuses: PitchStatus[] = ['published', 'closed'];
  const byTitle = match
    ? await db.all<{ id: string }>(sql`select p.id as id from pitches_fts f join pitches p on p.seq = f.rowid
        where pitches_fts match ${match} and p.status in ('published', 'closed') order by bm25(pitches_fts) limit 50`)
    : [];
  const byGroup =
    draft.targetGroups.length > 0
      ? await db
          .selectDistinct({ id: pitchFacets.pitchId })
          .from(pitchFacets)
          .innerJoin(pitches, eq(pitches.id, pitchFacets.pitchId))
          .where(and(eq(pitchFacets.facet, 'target-group'), inArray(pitchFacets.value, [...draft.targetGroups]), inArray(pitches.status, publicStatuses)))
          .limit(200)
      : [];
  const byPlace = await db
    .select({ id: pitches.id })
    .from(pitches)
    .where(and(inArray(pitches.municipalityId, mates), inArray(pitches.status, publicStatuses)))
    .limit(200);
  const ids = [...new Set([...byTitle, ...byGroup, ...byPlace].map((row) => row.id))].filter((id) => id !== draft.pitchId);
  const candidates = ids.length
    ? await db
        .select({ id: pitches.id, title: pitches.title, municipalityId: pitches.municipalityId, municipality: organisations.name, status: pitches.status, closingDate: pitches.closingDate })
        .from(pitches)
        .innerJoin(organisations, eq(organisations.id, pitches.municipalityId))
        .where(inArray(pitches.id, ids))
    : [];
  const groupsOf = new Map<string, string[]>();
  if (ids.length) {
    const facets = await db
      .select({ pitchId: pitchFacets.pitchId, value: pitchFacets.value })
      .from(pitchFacets)
      .where(and(inArray(pitchFacets.pitchId, ids), eq(pitchFacets.facet, 'target-group')));
    for (const f of facets) groupsOf.set(f.pitchId, [...(groupsOf.get(f.pitchId) ?? []), f.value]);
  }
  const titleHits = new Set(byTitle.map((row) => row.id));
  const at = new Date(now);
  const pitchesFound: SimilarPitch[] = candidates
    .map((p) => {
      const reasons: string[] = [];
      let score = 0;
      const award = (points: number, reason: string) => {
        score += points;
        reasons.push(reason);
      };
      if (p.municipalityId === draft.municipalityId) award(3, 'zelfde gemeente');
      else if (mates.includes(p.municipalityId)) award(2, 'zelfde arbeidsmarktregio');
      const shared = overlap(groupsOf.get(p.id) ?? [], draft.targetGroups);
      if (shared > 0) award(shared, shared === 1 ? 'een doelgroep gemeen' : `${shared} doelgroepen gemeen`);
      if (titleHits.has(p.id)) award(3, 'woorden uit de titel');
      return { pitch: { ...p, status: effectiveStatus(p, at), reasons }, score };
    })
    .sort((a, b) => b.score - a.score || a.pitch.title.localeCompare(b.pitch.title, 'nl'))
    .slice(0, limit)
    .map(({ pitch: { municipalityId: _m, ...rest } }) => rest);

  const region = regionOf(draft.municipalityId)?.id ?? null;
  const casesFound = cases
    .map((item) => {
      const caseWords = new Set(titleWords(`${item.title} ${item.summary}`));
      const score =
        (item.municipalities.includes(draft.municipalityId) ? 3 : 0) +
        (region && item.regions.includes(region) ? 2 : 0) +
        overlap(item.targetGroups, draft.targetGroups) +
        words.filter((word) => caseWords.has(word)).length * 2;
      return { item, score };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.item.title.localeCompare(b.item.title, 'nl'))
    .slice(0, Math.min(limit, 3))
    .map(({ item }) => item);
  return { pitches: pitchesFound, cases: casesFound };
}
