/**
 * Gathers what the matchmaking rules (domain/matchmaking/rules.ts) read: a pitch's facts, and
 * for every verified employer with any evidence, its facts: its own profile, the sectors the
 * knowledge base gives it, the case studies that name it, its earlier offers on pitches like
 * this one (same target group or labour-market region) and what its verified members follow.
 * Only evidence that can matter for this pitch is read, so the work grows with the matches, not
 * with the whole marketplace. Whether an employer may be named or mailed is not decided here
 * (see reachableEmployers and suggestions.ts). The other direction ("Pitches voor u") reads one
 * employer's facts the same way (employerFacts); its pitches come from the pitch index.
 */
import { and, eq, exists, inArray, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { employerProfiles } from '#db/matchmaking-schema.ts';
import { follows } from '#db/follows-schema.ts';
import { offers, pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { joinedOfferStatuses } from '#domain/offer-lifecycle.ts';
import type { EmployerFacts, FollowFact, OfferFact, Place, PitchFacts, ProfileFacts } from '#domain/matchmaking/facts.ts';
import type { PitchStatus } from '#domain/pitch-lifecycle.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';

/** The knowledge base's part in matching (built content; see knowledge.ts). */
export interface MatchKnowledge {
  cases: readonly { id: string; title: string; sectors: readonly string[]; targetGroups: readonly string[]; employers: readonly string[] }[];
  /** Sectors content/organisations gives an employer, by id. */
  employerSectors: ReadonlyMap<string, readonly string[]>;
}

/** No knowledge base (a test, or a script without built content). */
export const noKnowledge: MatchKnowledge = { cases: [], employerSectors: new Map() };

/** Earlier offers read per pitch, at most: the newest count. */
const MAX_OFFERS = 2000;

const publicStatuses: PitchStatus[] = ['published', 'closed'];

let municipalitiesById: Map<string, ReturnType<typeof loadGeo>['municipalities'][number]> | undefined;

/** Where a municipality lies, as the rules name it. */
export function placesOf(municipalityId: string, fallbackName: string): { municipality: Place; region: Place | null; province: Place | null } {
  // A map, not a search of the list: "Pitches voor u" asks this for every open pitch.
  municipalitiesById ??= new Map(loadGeo().municipalities.map((m) => [m.id, m]));
  const found = municipalitiesById.get(municipalityId);
  if (!found) return { municipality: { id: municipalityId, name: fallbackName }, region: null, province: null };
  return { municipality: { id: found.id, name: found.name }, region: { id: found.region.id, name: found.region.name }, province: { id: found.province.id, name: found.province.name } };
}

/** The ids in their vocabulary's order, so the reasons name them the same way every time. */
const inOrder = (ids: readonly string[], vocabulary: readonly string[]) => [...ids].sort((a, b) => vocabulary.indexOf(a) - vocabulary.indexOf(b));
const facetOrder = { 'target-group': targetGroups.ids as readonly string[], sector: sectors.ids as readonly string[], 'help-kind': helpKinds.ids as readonly string[] };

/** A pitch with what matchmaking and its pages need besides the facts. */
export interface MatchPitch {
  facts: PitchFacts;
  status: PitchStatus;
  municipalityId: string;
  municipalityName: string;
  closingDate: string;
  demo: boolean;
  authorId: string | null;
}

/** A pitch by id with its facets and places, or undefined. */
export async function loadMatchPitch(db: Database, pitchId: string): Promise<MatchPitch | undefined> {
  const [row] = await db
    .select({ id: pitches.id, title: pitches.title, status: pitches.status, municipalityId: pitches.municipalityId, municipalityName: organisations.name, closingDate: pitches.closingDate, demo: pitches.demo, authorId: pitches.authorId })
    .from(pitches)
    .innerJoin(organisations, eq(organisations.id, pitches.municipalityId))
    .where(eq(pitches.id, pitchId))
    .limit(1);
  if (!row) return undefined;
  const facets = await db.select({ facet: pitchFacets.facet, value: pitchFacets.value }).from(pitchFacets).where(eq(pitchFacets.pitchId, pitchId));
  const of = (kind: keyof typeof facetOrder) => inOrder(facets.filter((f) => f.facet === kind).map((f) => f.value), facetOrder[kind]);
  return {
    facts: { id: row.id, title: row.title, ...placesOf(row.municipalityId, row.municipalityName), targetGroups: of('target-group'), sectors: of('sector'), helpKinds: of('help-kind') },
    status: row.status,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    closingDate: row.closingDate,
    demo: row.demo,
    authorId: row.authorId,
  };
}

/** The employers with an offer that takes part in this pitch: they need no suggestion. */
export async function employersTakingPart(db: Database, pitchId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ employerId: offers.employerId })
    .from(offers)
    .where(and(eq(offers.pitchId, pitchId), inArray(offers.status, joinedOfferStatuses)));
  return new Set(rows.map((row) => row.employerId));
}

/** `column in (values)`, or false for no values. */
const inList = (column: Parameters<typeof inArray>[0], values: readonly string[]): SQL => (values.length > 0 ? inArray(column, [...values]) : sql`0`);

/** Earlier offers that take part and may name their employer, on public pitches about one of the target groups or in the region, per employer. */
async function offerFacts(db: Database, pitch: PitchFacts): Promise<Map<string, OfferFact[]>> {
  const regionId = pitch.region?.id;
  const mates = regionId ? loadGeo().municipalities.filter((m) => m.region.id === regionId).map((m) => m.id) : [pitch.municipality.id];
  return offerFactsWhere(
    db,
    and(
      ne(offers.pitchId, pitch.id),
      or(
        inList(pitches.municipalityId, mates),
        pitch.targetGroups.length > 0
          ? exists(
              db
                .select({ one: sql`1` })
                .from(pitchFacets)
                .where(and(eq(pitchFacets.pitchId, pitches.id), eq(pitchFacets.facet, 'target-group'), inArray(pitchFacets.value, [...pitch.targetGroups]))),
            )
          : sql`0`,
      ),
    )!,
  );
}

/**
 * Offers that take part, on public pitches, that also meet `where` (the newest MAX_OFFERS), per
 * employer, newest first. Read as one row of JSON with each pitch's target groups and sectors:
 * the client's cost per returned row made an employer's 2,000 offers and their facet rows take
 * some 60 ms to read as rows.
 */
async function offerFactsWhere(db: Database, where: SQL): Promise<Map<string, OfferFact[]>> {
  const [row] = await db.all<{ rows: string | null }>(sql`
    select json_group_array(json_array(employer_id, pitch_id, municipality_id, municipality_name, json(facets)) order by created_at desc) as rows from (
      select ${offers.employerId} as employer_id, ${offers.pitchId} as pitch_id, ${pitches.municipalityId} as municipality_id, ${organisations.name} as municipality_name,
        ${offers.createdAt} as created_at,
        (select json_group_array(f.facet || ' ' || f.value) from ${pitchFacets} f where f.pitch_id = ${pitches.id} and f.facet in ('target-group', 'sector')) as facets
      from ${offers}
      join ${pitches} on ${pitches.id} = ${offers.pitchId}
      join ${organisations} on ${organisations.id} = ${pitches.municipalityId}
      where ${and(
        inArray(offers.status, joinedOfferStatuses),
        // Only offers whose employer agreed to be named on that pitch: a reason names the place,
        // and few pitches per place would give away an offer made without the name. Both
        // directions read the same offers, so a pitch "voor u" and its suggestions agree.
        eq(offers.showName, true),
        inArray(pitches.status, publicStatuses),
        where,
      )}
      order by ${offers.createdAt} desc
      limit ${MAX_OFFERS})`);
  const list = JSON.parse(row?.rows ?? '[]') as [employerId: string, pitchId: string, municipalityId: string, municipalityName: string, facets: string[]][];
  const byEmployer = new Map<string, OfferFact[]>();
  for (const [employerId, pitchId, municipalityId, municipalityName, facets] of list) {
    const { municipality, region } = placesOf(municipalityId, municipalityName);
    const valuesOf = (facet: 'target-group' | 'sector') =>
      inOrder(
        facets.filter((f) => f.startsWith(`${facet} `)).map((f) => f.slice(facet.length + 1)),
        facetOrder[facet],
      );
    const fact: OfferFact = { pitchId, municipality, region, targetGroups: valuesOf('target-group'), sectors: valuesOf('sector') };
    const mine = byEmployer.get(employerId);
    if (mine) mine.push(fact);
    else byEmployer.set(employerId, [fact]);
  }
  return byEmployer;
}

/** What verified members of employers follow that concerns this pitch, per employer. */
async function followFacts(db: Database, pitch: PitchFacts): Promise<Map<string, FollowFact[]>> {
  const relevant = or(
    and(eq(follows.kind, 'sector'), inList(follows.value, pitch.sectors)),
    and(eq(follows.kind, 'target-group'), inList(follows.value, pitch.targetGroups)),
    and(eq(follows.kind, 'region'), eq(follows.value, pitch.region?.id ?? '')),
    and(eq(follows.kind, 'municipality'), eq(follows.value, pitch.municipality.id)),
  )!;
  return followFactsWhere(db, relevant);
}

/** What verified members of employers follow, of the follows that meet `where`, per employer. */
async function followFactsWhere(db: Database, where: SQL): Promise<Map<string, FollowFact[]>> {
  const rows = await db
    .selectDistinct({ employerId: users.organisationId, kind: follows.kind, value: follows.value })
    .from(follows)
    .innerJoin(users, eq(users.id, follows.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(organisations.kind, 'employer'), isNotNull(users.membershipVerifiedAt), isNotNull(users.emailVerifiedAt), where));
  const byEmployer = new Map<string, FollowFact[]>();
  for (const row of rows) {
    if (row.kind === 'pitch') continue;
    byEmployer.set(row.employerId, [...(byEmployer.get(row.employerId) ?? []), { kind: row.kind, value: row.value }]);
  }
  return byEmployer;
}

/** Every employer profile, as the rules read it, by employer. */
async function profileFacts(db: Database): Promise<Map<string, ProfileFacts>> {
  const rows = await db.select().from(employerProfiles);
  return new Map(rows.map((row) => [row.organisationId, { sectors: row.sectors, regions: row.regions, provinces: row.provinces, helpKinds: row.helpKinds }]));
}

/**
 * The facts of every verified employer with some evidence for this pitch, except those already
 * taking part in it. Employers the database does not know (a case naming one not yet loaded)
 * are left out.
 */
export async function employerCandidates(db: Database, pitch: PitchFacts, knowledge: MatchKnowledge): Promise<EmployerFacts[]> {
  const [profiles, offerMap, followMap, takingPart] = await Promise.all([profileFacts(db), offerFacts(db, pitch), followFacts(db, pitch), employersTakingPart(db, pitch.id)]);
  const casesOf = new Map<string, EmployerFacts['cases'][number][]>();
  for (const item of knowledge.cases) {
    for (const employerId of item.employers) casesOf.set(employerId, [...(casesOf.get(employerId) ?? []), { id: item.id, title: item.title, sectors: item.sectors, targetGroups: item.targetGroups }]);
  }
  const ids = [...new Set([...profiles.keys(), ...offerMap.keys(), ...followMap.keys(), ...casesOf.keys(), ...knowledge.employerSectors.keys()])].filter((id) => !takingPart.has(id));
  if (ids.length === 0) return [];
  const known = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'employer'), isNotNull(organisations.verifiedAt)));
  return known.map(({ id, name }) => ({
    id,
    name,
    knownSectors: knowledge.employerSectors.get(id) ?? [],
    profile: profiles.get(id) ?? null,
    offers: offerMap.get(id) ?? [],
    cases: casesOf.get(id) ?? [],
    follows: followMap.get(id) ?? [],
  }));
}

/** The profile of one employer as the rules read it; null: it filled in none. */
async function profileFactsOf(db: Database, employerId: string): Promise<ProfileFacts | null> {
  const [row] = await db.select().from(employerProfiles).where(eq(employerProfiles.organisationId, employerId)).limit(1);
  return row ? { sectors: row.sectors, regions: row.regions, provinces: row.provinces, helpKinds: row.helpKinds } : null;
}

/**
 * The facts of one verified employer, for the other direction ("Pitches voor u"): its profile,
 * the sectors and cases the knowledge base gives it, its offers that take part (on public
 * pitches, named there, the newest MAX_OFFERS: the same offers the other direction reads) and
 * what its verified members follow. Undefined: no such verified employer.
 */
export async function employerFacts(db: Database, employerId: string, knowledge: MatchKnowledge): Promise<EmployerFacts | undefined> {
  const [known] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, employerId), eq(organisations.kind, 'employer'), isNotNull(organisations.verifiedAt)))
    .limit(1);
  if (!known) return undefined;
  const [profile, offerMap, followMap] = await Promise.all([
    profileFactsOf(db, employerId),
    offerFactsWhere(db, eq(offers.employerId, employerId)),
    followFactsWhere(db, eq(users.organisationId, employerId)),
  ]);
  return {
    id: known.id,
    name: known.name,
    knownSectors: knowledge.employerSectors.get(employerId) ?? [],
    profile,
    offers: offerMap.get(employerId) ?? [],
    cases: knowledge.cases.filter((item) => item.employers.includes(employerId)).map(({ id, title, sectors, targetGroups }) => ({ id, title, sectors, targetGroups })),
    follows: followMap.get(employerId) ?? [],
  };
}

/**
 * Of these employers, those that may be invited (and so named to a pitch's owner): the
 * profile's setting is on, and at least one member can receive the mail (address confirmed,
 * membership verified).
 */
export async function reachableEmployers(db: Database, employerIds: readonly string[]): Promise<Set<string>> {
  if (employerIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: employerProfiles.organisationId })
    .from(employerProfiles)
    .innerJoin(users, eq(users.organisationId, employerProfiles.organisationId))
    .where(and(inArray(employerProfiles.organisationId, [...employerIds]), eq(employerProfiles.allowsInvitations, true), isNotNull(users.emailVerifiedAt), isNotNull(users.membershipVerifiedAt)));
  return new Set(rows.map((row) => row.id));
}
