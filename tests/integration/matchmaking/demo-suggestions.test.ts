/**
 * The demo data as `npm run seed` adds it: every open demo pitch has at least three suggested
 * employers with reasons, all of them made up and saying so, and one demo employer that fits
 * but did not allow invitations is never named.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { pitches } from '#db/marketplace-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { noKnowledge } from '#features/matchmaking/match-inputs.ts';
import { suggestionsForPitch } from '#features/matchmaking/suggestions.ts';
import type { Actor } from '#domain/policy.ts';
import { seedMarketplace } from '../../../scripts/demo-marketplace.ts';
import { seedMatchmaking } from '../../../scripts/demo-matchmaking.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

/** A verified member of the municipality, as the policy reads one. */
const memberOf = (municipalityId: string): Actor => ({
  userId: `lid-${municipalityId}`,
  role: 'member',
  organisationId: municipalityId,
  organisationKind: 'municipality',
  emailVerified: true,
  membershipVerified: true,
  organisationVerified: true,
});

test('elke open demopitch heeft minstens drie voorstellen met redenen, alleen van verzonnen werkgevers die uitnodigingen toestaan', async () => {
  const { db } = t.handle;
  const now = Date.now();
  // The seed's own demo companies and their people, as scripts/seed.ts adds them.
  await db.insert(organisations).values([
    { id: 'demo-voorbeeldbedrijf', kind: 'employer', name: 'Voorbeeldbedrijf (demo)', verifiedAt: now, createdAt: now },
    { id: 'demo-tweede-bedrijf', kind: 'employer', name: 'Tweede Voorbeeldbedrijf (demo)', verifiedAt: now, createdAt: now },
  ]);
  for (const [email, organisationId] of [['werkgever@demo.praktijkplein.nl', 'demo-voorbeeldbedrijf'], ['werkgever2@demo.praktijkplein.nl', 'demo-tweede-bedrijf']] as const) {
    await db.insert(users).values({ id: email, email, name: 'Demo', passwordHash: '-', organisationId, emailVerifiedAt: now, membershipVerifiedAt: now, membershipVerifiedBy: 'curator', createdAt: now });
  }
  await seedMarketplace(db, 'niemand@demo.praktijkplein.nl', '-', now);
  expect(await seedMatchmaking(db, now)).toBe(9);
  expect(await seedMatchmaking(db, now)).toBe(0);

  const open = await db.select({ id: pitches.id, municipalityId: pitches.municipalityId }).from(pitches).where(eq(pitches.demo, true));
  expect(open.length).toBeGreaterThanOrEqual(4);
  for (const pitch of open) {
    const result = await suggestionsForPitch(t.deps(), memberOf(pitch.municipalityId), pitch.id, noKnowledge);
    if (!result.ok) throw new Error(`geen voorstellen voor ${pitch.id}`);
    expect(result.suggestions.length, pitch.id).toBeGreaterThanOrEqual(3);
    for (const suggestion of result.suggestions) {
      expect(suggestion.name, pitch.id).toMatch(/\(demo\)$/);
      expect(suggestion.reasons.length).toBeGreaterThan(0);
      expect(suggestion.id).not.toBe('demo-werkgever-10');
    }
  }
  // Koffiebar De Molen fits the Amsterdam pitch (it offered on Poelenbrug) but is only counted.
  const amsterdam = await suggestionsForPitch(t.deps(), memberOf('amsterdam'), 'demo-amsterdam-basisbanen', noKnowledge);
  expect(amsterdam.ok && amsterdam.hiddenCount).toBeGreaterThanOrEqual(1);
  expect(amsterdam.ok && amsterdam.suggestions[0]!.reasons.map((r) => r.text)).toContain('deed mee aan een pitch over mensen met een afstand tot de arbeidsmarkt in Zaanstad');
});
