/**
 * The pitches an employer's embed may show, on a real libSQL file: only public pitches (open and
 * closed) where the employer takes part and agreed to be named, by the pitch page's own rule;
 * an offer without the name, a declined or withdrawn one, or a pitch that is not public never.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { offers, pitches } from '#db/marketplace-schema.ts';
import { pitchesNamingEmployer } from '#features/marketplace/employer-pitches.ts';
import { namedEmployersFor } from '#features/marketplace/pitch-page.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';

const now = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;
let t: TestDb;

const pitch = (id: string, status: (typeof pitches.$inferInsert)['status'], daysAgo: number, closingDate = '2026-06-01'): typeof pitches.$inferInsert => ({
  id,
  municipalityId: 'zaanstad',
  title: `Pitch ${id}`,
  area: 'Poelenbrug',
  challenge: 'Werk voor mensen in de wijk.',
  challengeHtml: '<p>…</p>',
  ask: 'Doe mee.',
  askHtml: '<p>Doe mee.</p>',
  closingDate,
  contactName: 'Contact',
  contactEmail: 'contact@zaanstad.nl',
  status,
  createdAt: now.getTime() - 100 * DAY,
  updatedAt: now.getTime() - DAY,
  publishedAt: status === 'published' || status === 'closed' ? now.getTime() - daysAgo * DAY : null,
});

const offer = (id: string, pitchId: string, fields: Partial<typeof offers.$inferInsert>): typeof offers.$inferInsert => ({
  id,
  pitchId,
  employerId: 'postnl',
  helpKinds: ['banen'],
  status: 'offered',
  showName: true,
  createdAt: 0,
  updatedAt: 0,
  ...fields,
});

beforeAll(async () => {
  t = await testDatabase();
  await t.handle.db.insert(pitches).values([
    pitch('genoemd-open', 'published', 1),
    pitch('genoemd-verlopen', 'published', 2, '2026-03-01'),
    pitch('genoemd-gesloten', 'closed', 3),
    pitch('zonder-naam', 'published', 4),
    pitch('afgewezen', 'published', 5),
    pitch('ingetrokken', 'published', 6),
    pitch('concept', 'draft', 0),
    pitch('ander', 'published', 7),
  ]);
  await t.handle.db.insert(offers).values([
    offer('o1', 'genoemd-open', { status: 'accepted' }),
    offer('o2', 'genoemd-verlopen', { status: 'shortlisted' }),
    offer('o3', 'genoemd-gesloten', {}),
    offer('o4', 'zonder-naam', { showName: false }),
    offer('o5', 'afgewezen', { status: 'declined' }),
    offer('o6', 'ingetrokken', { status: 'withdrawn' }),
    offer('o7', 'concept', {}),
    offer('o8', 'ander', { employerId: 'asito' }),
  ]);
});
afterAll(() => t?.cleanup());

test('alleen openbare pitches waar de werkgever meedoet en zijn naam mag tonen, nieuwste eerst, open en gesloten', async () => {
  const found = await pitchesNamingEmployer(t.handle.db, 'postnl', now, 5);
  expect(found.pitches.map((p) => [p.id, p.open])).toEqual([
    ['genoemd-open', true],
    ['genoemd-verlopen', false],
    ['genoemd-gesloten', false],
  ]);
  expect(found.more).toBe(false);
  expect((await pitchesNamingEmployer(t.handle.db, 'postnl', now, 2)).more).toBe(true);
  expect((await pitchesNamingEmployer(t.handle.db, 'albert-heijn', now, 5)).pitches).toEqual([]);
});

test('dezelfde regel als de pitchpagina: waar de werkgever niet bij naam staat, staat de pitch niet in zijn lijst', async () => {
  const ids = ['genoemd-open', 'genoemd-verlopen', 'genoemd-gesloten', 'zonder-naam', 'afgewezen', 'ingetrokken', 'ander'];
  const named = await namedEmployersFor(t.handle.db, ids);
  const listed = new Set((await pitchesNamingEmployer(t.handle.db, 'postnl', now, 10)).pitches.map((p) => p.id));
  for (const id of ids) expect(listed.has(id), id).toBe(named.get(id)?.includes('PostNL') ?? false);
});
