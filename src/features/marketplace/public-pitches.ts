/**
 * Every public pitch with what its public page shows, in bulk: for the open data. Only published
 * and closed pitches (a published one past its closing day reads as closed), filtered by the list
 * page's own filter (pitch-list.ts), read in chunks by primary key. What the page shows of the
 * offers comes from the same rules as the page: the count of employers taking part
 * (offer-counts.ts) and the names of those that agreed to be named (pitch-page.ts). The contact
 * person, the author and the offers' messages are not read at all.
 */
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import type { PitchFilter } from '#domain/pitch-filter.ts';
import type { PitchOutcome } from '#domain/pitch-lifecycle.ts';
import { offerCountsFor } from './offer-counts.ts';
import { namedEmployersFor } from './pitch-page.ts';
import { cardColumns, matchingPitchSeqs, publicPitchStatuses } from './pitch-list.ts';
import { loadGeo, type Municipality } from '#features/catalog/geo.ts';

/** A public pitch as the public reads it. */
export interface PublicPitch {
  id: string;
  title: string;
  municipalityId: string;
  municipalityName: string;
  /** The CBS code, province and labour-market region of the municipality. */
  municipalityCode: string | null;
  province: string | null;
  region: string | null;
  area: string;
  /** The challenge and what is asked, as the municipality wrote them (Markdown). */
  challenge: string;
  ask: string;
  peopleSought: number | null;
  /** Last day to offer (YYYY-MM-DD, Amsterdam). */
  closingDate: string;
  /** Published and the closing day not ended. */
  open: boolean;
  outcome: PitchOutcome | null;
  peoplePlaced: number | null;
  targetGroups: string[];
  sectors: string[];
  helpKinds: string[];
  /** Employers that "doen mee". */
  employersJoined: number;
  /** Those of them that agreed to be named, first answer first. */
  namedEmployers: string[];
  demo: boolean;
  publishedAt: number | null;
  closedAt: number | null;
  updatedAt: number;
}

let byId: Map<string, Municipality> | undefined;
/** The CBS municipalities by id (read once per process). */
const municipalities = () => (byId ??= new Map(loadGeo().municipalities.map((m) => [m.id, m])));

/** Rows per query: well under SQLite's limit on bound values. */
const CHUNK = 500;

const columns = {
  ...cardColumns,
  ask: pitches.ask,
  peopleSought: pitches.peopleSought,
  outcome: pitches.outcome,
  peoplePlaced: pitches.peoplePlaced,
  closedAt: pitches.closedAt,
  updatedAt: pitches.updatedAt,
};

/** Public pitches matching `where`, completed with facets and offers, in the order of `order` (by seq) when given. */
async function read(db: Database, where: SQL | undefined, now: Date, order?: readonly number[]): Promise<PublicPitch[]> {
  const rows = await db
    .select(columns)
    .from(pitches)
    .where(and(inArray(pitches.status, [...publicPitchStatuses]), where));
  if (rows.length === 0) return [];
  if (order) {
    const position = new Map(order.map((seq, i) => [seq, i]));
    rows.sort((a, b) => position.get(a.seq)! - position.get(b.seq)!);
  }
  const ids = rows.map((row) => row.id);
  const [facets, counts, named] = await Promise.all([
    db.select({ pitchId: pitchFacets.pitchId, facet: pitchFacets.facet, value: pitchFacets.value }).from(pitchFacets).where(inArray(pitchFacets.pitchId, ids)),
    offerCountsFor(db, ids),
    namedEmployersFor(db, ids),
  ]);
  const today = amsterdamDate(now);
  const places = municipalities();
  return rows.map((row) => {
    const of = (facet: string) => facets.filter((f) => f.pitchId === row.id && f.facet === facet).map((f) => f.value);
    const place = places.get(row.municipalityId);
    return {
      id: row.id,
      title: row.title,
      municipalityId: row.municipalityId,
      municipalityName: place?.name ?? row.municipalityId,
      municipalityCode: place?.code ?? null,
      province: place?.province.name ?? null,
      region: place?.region.name ?? null,
      area: row.area,
      challenge: row.challenge,
      ask: row.ask,
      peopleSought: row.peopleSought,
      closingDate: row.closingDate,
      open: row.status === 'published' && row.closingDate >= today,
      outcome: row.status === 'closed' ? row.outcome : null,
      peoplePlaced: row.status === 'closed' ? row.peoplePlaced : null,
      targetGroups: of('target-group'),
      sectors: of('sector'),
      helpKinds: of('help-kind'),
      employersJoined: counts.get(row.id)?.joined ?? 0,
      namedEmployers: named.get(row.id) ?? [],
      demo: row.demo,
      publishedAt: row.publishedAt,
      closedAt: row.status === 'closed' ? row.closedAt : null,
      updatedAt: row.updatedAt,
    };
  });
}

/** Every public pitch the list's filter gives, newest publication first. */
export async function publicPitches(db: Database, filter: PitchFilter, now: Date): Promise<PublicPitch[]> {
  const seqs = await matchingPitchSeqs(db, filter, now);
  const out: PublicPitch[] = [];
  for (let i = 0; i < seqs.length; i += CHUNK) {
    const chunk = seqs.slice(i, i + CHUNK);
    out.push(...(await read(db, inArray(pitches.seq, chunk), now, chunk)));
  }
  return out;
}

/** One public pitch; undefined when there is none or the public may not see it. */
export async function publicPitch(db: Database, id: string, now: Date): Promise<PublicPitch | undefined> {
  const [pitch] = await read(db, eq(pitches.id, id), now);
  return pitch;
}
