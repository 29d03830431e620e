/**
 * The demo data of a trial install in one call: one account per role (all with the demo
 * password), a municipality member waiting for a curator, and the demo pitches, offers, results
 * and activities. `npm run seed` runs it (scripts/seed.ts); tests that need a whole trial install
 * call it on their own database. Idempotent.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { organisations, users, type Role } from '#db/schema.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { newId } from '#platform/auth/crypto.ts';
import { seedMarketplace } from './demo-marketplace.ts';
import { seedFollowUps } from './demo-follow-ups.ts';
import { seedActivities } from './demo-activities.ts';
import { seedMatchmaking } from './demo-matchmaking.ts';

export const DEMO_PASSWORD = 'oefenen op het praktijkplein';

export const demoOrganisations = [
  { id: 'demo-netwerk', kind: 'partner' as const, name: 'Netwerk Praktijkplein (demo)' },
  { id: 'demo-voorbeeldbedrijf', kind: 'employer' as const, name: 'Voorbeeldbedrijf (demo)' },
  { id: 'demo-tweede-bedrijf', kind: 'employer' as const, name: 'Tweede Voorbeeldbedrijf (demo)' },
];

export const demoUsers: { email: string; name: string; organisationId: string; role: Role; membershipVerified: boolean }[] = [
  { email: 'beheerder@demo.praktijkplein.nl', name: 'Demo Beheerder', organisationId: 'demo-netwerk', role: 'admin', membershipVerified: true },
  { email: 'curator@demo.praktijkplein.nl', name: 'Demo Curator', organisationId: 'demo-netwerk', role: 'curator', membershipVerified: true },
  { email: 'gemeente@demo.praktijkplein.nl', name: 'Demo Gemeentemedewerker', organisationId: 'zaanstad', role: 'member', membershipVerified: true },
  { email: 'collega@demo.praktijkplein.nl', name: 'Demo Collega Zaanstad', organisationId: 'zaanstad', role: 'member', membershipVerified: true },
  { email: 'werkgever2@demo.praktijkplein.nl', name: 'Demo Tweede Werkgever', organisationId: 'demo-tweede-bedrijf', role: 'member', membershipVerified: true },
  { email: 'werkgever@demo.praktijkplein.nl', name: 'Demo Werkgever', organisationId: 'demo-voorbeeldbedrijf', role: 'member', membershipVerified: true },
  { email: 'nieuw@demo.praktijkplein.nl', name: 'Demo Nieuwe Collega', organisationId: 'zaanstad', role: 'member', membershipVerified: false },
  { email: 'nieuw-werkgever@demo.praktijkplein.nl', name: 'Demo Nieuwe Werkgeverscollega', organisationId: 'demo-voorbeeldbedrijf', role: 'member', membershipVerified: false },
];

/** What the demo data added this time (0 each on a second run). */
export interface DemoDataAdded {
  accounts: number;
  pitches: number;
  activities: number;
  /** Employer profiles made for matchmaking. */
  profiles: number;
}

/** Adds whatever of the demo data is missing; `passwordHash` is the hash of DEMO_PASSWORD (or any, in a test). */
export async function seedDemoData(db: Database, passwordHash: string, now = Date.now()): Promise<DemoDataAdded> {
  await ensureReferenceData(db);
  await db.insert(organisations).values(demoOrganisations.map((o) => ({ ...o, verifiedAt: now, createdAt: now }))).onConflictDoNothing();
  let accounts = 0;
  for (const demo of demoUsers) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo.email)).limit(1);
    if (existing) continue;
    await db.insert(users).values({
      id: newId(),
      email: demo.email,
      name: demo.name,
      passwordHash,
      role: demo.role,
      organisationId: demo.organisationId,
      emailVerifiedAt: now,
      membershipVerifiedAt: demo.membershipVerified ? now : null,
      membershipVerifiedBy: demo.membershipVerified ? 'curator' : null,
      createdAt: now,
    });
    accounts++;
  }
  const pitches = await seedMarketplace(db, 'gemeente@demo.praktijkplein.nl', passwordHash, now);
  // Outcome follow-up: closed demo pitches with made-up results.
  await seedFollowUps(db, 'gemeente@demo.praktijkplein.nl', now);
  const activities = await seedActivities(db, 'curator@demo.praktijkplein.nl', now);
  // Matchmaking: profiles of made-up employers, so every open demo pitch has suggestions.
  const profiles = await seedMatchmaking(db, now);
  return { accounts, pitches, activities, profiles };
}
