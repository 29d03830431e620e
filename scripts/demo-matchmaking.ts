/**
 * Demo profiles for matchmaking, so every open demo pitch shows at least three suggested
 * employers with reasons (never in production). Only made-up employers get a profile: the
 * demo employers of demo-marketplace.ts and the seed's two demo companies, whose names say
 * "(demo)" (docs/decisions/demo-marks.md). Most allow invitations; Koffiebar De Molen does not,
 * so the line "en N werkgevers die ... niet hebben aangezet" shows too. Two demo accounts follow
 * a region or a target group, so the follow rules have something to find. Idempotent: a
 * profile someone changed while trying the demo is left as it is.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { follows } from '#db/follows-schema.ts';
import { employerProfiles } from '#db/matchmaking-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import type { FollowFact } from '#domain/matchmaking/facts.ts';

interface DemoProfile {
  organisationId: string;
  sectors: string[];
  regions: string[];
  provinces: string[];
  helpKinds: string[];
  allowsInvitations: boolean;
}

/** The profiles, by the demo employers' ids (demo-marketplace.ts numbers them as in its list). */
export const demoProfiles: DemoProfile[] = [
  { organisationId: 'demo-werkgever-1', sectors: ['detailhandel'], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['banen', 'werkervaringsplaatsen'], allowsInvitations: true },
  { organisationId: 'demo-werkgever-4', sectors: ['facilitair'], regions: [], provinces: ['noord-holland'], helpKinds: ['banen', 'mentor-buddy'], allowsInvitations: true },
  { organisationId: 'demo-werkgever-6', sectors: ['bouw-installatie'], regions: [], provinces: ['noord-holland', 'zuid-holland'], helpKinds: ['stage-bbl', 'opleiding'], allowsInvitations: true },
  { organisationId: 'demo-werkgever-8', sectors: ['zorg'], regions: ['zaanstreek-waterland'], provinces: ['noord-holland', 'gelderland'], helpKinds: ['banen', 'stage-bbl'], allowsInvitations: true },
  { organisationId: 'demo-werkgever-9', sectors: ['logistiek'], regions: [], provinces: ['noord-holland', 'zuid-holland'], helpKinds: ['banen', 'werkervaringsplaatsen', 'opleiding'], allowsInvitations: true },
  { organisationId: 'demo-werkgever-10', sectors: ['detailhandel'], regions: ['zaanstreek-waterland'], provinces: ['noord-holland'], helpKinds: ['banen'], allowsInvitations: false },
  { organisationId: 'demo-werkgever-12', sectors: [], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['banen'], allowsInvitations: true },
  { organisationId: 'demo-voorbeeldbedrijf', sectors: ['ict', 'logistiek'], regions: ['rijk-van-nijmegen'], provinces: ['zuid-holland', 'gelderland'], helpKinds: ['banen', 'stage-bbl', 'mentor-buddy'], allowsInvitations: true },
  { organisationId: 'demo-tweede-bedrijf', sectors: ['zorg'], regions: ['rijk-van-nijmegen', 'zaanstreek-waterland'], provinces: [], helpKinds: ['banen', 'werkervaringsplaatsen'], allowsInvitations: true },
];

/** What two demo accounts follow (the seed's demo employers' people). */
const demoFollows: { email: string; follows: FollowFact[] }[] = [
  { email: 'werkgever@demo.praktijkplein.nl', follows: [{ kind: 'region', value: 'zaanstreek-waterland' }] },
  { email: 'werkgever2@demo.praktijkplein.nl', follows: [{ kind: 'target-group', value: 'jongeren' }, { kind: 'region', value: 'rijk-van-nijmegen' }] },
];

/** Fails loudly when a region or province id is not in the CBS lists (a typo would match nothing). */
function checkPlaces(): void {
  const { regions, provinces } = loadGeo();
  for (const profile of demoProfiles) {
    for (const id of profile.regions) if (!regions.some((r) => r.id === id)) throw new Error(`Demo-profiel ${profile.organisationId}: onbekende regio ${id}`);
    for (const id of profile.provinces) if (!provinces.some((p) => p.id === id)) throw new Error(`Demo-profiel ${profile.organisationId}: onbekende provincie ${id}`);
  }
}

/** Adds the demo profiles and follows (for organisations and accounts that exist); returns how many profiles are new. */
export async function seedMatchmaking(db: Database, now = Date.now()): Promise<number> {
  checkPlaces();
  const existing = new Set(
    (await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, demoProfiles.map((p) => p.organisationId)))).map((row) => row.id),
  );
  const rows = demoProfiles.filter((profile) => existing.has(profile.organisationId)).map((profile) => ({ ...profile, updatedBy: null, updatedAt: now }));
  const added = rows.length ? await db.insert(employerProfiles).values(rows).onConflictDoNothing().returning({ id: employerProfiles.organisationId }) : [];
  for (const demo of demoFollows) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo.email)).limit(1);
    if (!user) continue;
    await db
      .insert(follows)
      .values(demo.follows.map((follow) => ({ userId: user.id, kind: follow.kind, value: follow.value, createdAt: now })))
      .onConflictDoNothing();
  }
  return added.length;
}
