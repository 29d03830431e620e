// Temporary: times "Pitches voor u" at 10,000 pitches. Deleted after measuring.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '#db/client.ts';
import { employerProfiles } from '#db/matchmaking-schema.ts';
import { follows } from '#db/follows-schema.ts';
import { organisations, users } from '#db/schema.ts';
import { ensureReferenceData } from '#features/accounts/reference-data.ts';
import { noKnowledge } from '#features/matchmaking/match-inputs.ts';
import { pitchesForEmployer } from '#features/matchmaking/pitches-for-employer.ts';
import { sectors } from '#domain/facets.ts';
import type { Actor } from '#domain/policy.ts';
import { generateMarketplace } from './generate-marketplace.ts';

const count = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'voor-u-'));
const handle = await openDatabase({ url: `file:${join(dir, 'db.sqlite')}` });
await migrateDatabase(handle);
await ensureReferenceData(handle.db);
const { db } = handle;
const t0 = performance.now();
await generateMarketplace(db, { count, offersPerPitch: 10 });
console.error(`generated ${count} in ${Math.round(performance.now() - t0)} ms`);
const now = Date.now();
await db.insert(organisations).values({ id: 'nieuwe-werkgever', kind: 'employer', name: 'Nieuwe werkgever', verifiedAt: now, createdAt: now });
const people = [
  ['a@gen.nl', 'gen-werkgever-0'],
  ['b@nieuw.nl', 'nieuwe-werkgever'],
] as const;
for (const [email, organisationId] of people) {
  await db.insert(users).values({ id: email, email, name: 'X', passwordHash: '-', organisationId, emailVerifiedAt: now, membershipVerifiedAt: now, membershipVerifiedBy: 'curator', createdAt: now });
  await db.insert(follows).values([
    { userId: email, kind: 'sector', value: 'zorg', createdAt: now },
    { userId: email, kind: 'region', value: 'zaanstreek-waterland', createdAt: now },
    { userId: email, kind: 'target-group', value: 'jongeren', createdAt: now },
  ]);
}
await db.insert(employerProfiles).values([
  { organisationId: 'gen-werkgever-0', sectors: ['logistiek', 'facilitair'], regions: ['zaanstreek-waterland', 'groot-amsterdam'], provinces: ['noord-holland'], helpKinds: ['banen', 'werkervaringsplaatsen'], updatedAt: now },
  // Every sector: every open pitch fits, the most work there can be.
  { organisationId: 'nieuwe-werkgever', sectors: [...sectors.ids], regions: [], provinces: ['noord-holland', 'utrecht'], helpKinds: ['banen'], updatedAt: now },
]);
const actor = (organisationId: string, userId: string): Actor => ({ userId, role: 'member', organisationId, organisationKind: 'employer', emailVerified: true, membershipVerified: true, organisationVerified: true });
for (const [email, organisationId] of people) {
  const deps = { db, origin: 'https://x.test', ip: '1.1.1.1' };
  const first = performance.now();
  const result = await pitchesForEmployer(deps, actor(organisationId, email), noKnowledge);
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    await pitchesForEmployer(deps, actor(organisationId, email), noKnowledge);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ organisationId, matching: result.ok && result.matching, shown: result.ok && result.pitches.length, firstMs: Math.round(firstMs), medianMs: +times[15]!.toFixed(1), p90Ms: +times[27]!.toFixed(1) }));
}
{
  const { employerFacts } = await import('#features/matchmaking/match-inputs.ts');
  const { openPitchesFromIndex } = await import('#features/marketplace/pitch-list.ts');
  const med = async (f: () => Promise<unknown>) => { const ts: number[] = []; for (let i = 0; i < 20; i++) { const s = performance.now(); await f(); ts.push(performance.now() - s); } ts.sort((a, b) => a - b); return +ts[10]!.toFixed(1); };
  console.log('employerFacts', await med(() => employerFacts(db, 'gen-werkgever-0', noKnowledge)));
  console.log('openPitches', await med(() => openPitchesFromIndex(db, new Date())));
}
handle.close();
rmSync(dir, { recursive: true, force: true });
