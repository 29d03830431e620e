/** A published pitch and the people around it (owner, colleague, employers), in a test database. */
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { pitches } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { newId } from '#platform/auth/crypto.ts';
import type { PitchStatus } from '#domain/pitch-lifecycle.ts';
import { offerInput, type OfferInput } from '#features/marketplace/offer-input.ts';
import { actorOf } from '../accounts/actors.ts';
import { confirmEmail } from '#features/verification/confirm-email.ts';
import { register } from '#features/accounts/registration.ts';
import { lastMailTo, strongPassword, type TestDb } from '../accounts/helpers.ts';

/** Inserts a pitch directly (the pitch slice owns writing them); published, closing in a year by default. */
export async function insertPitch(db: Database, values: { municipalityId?: string; authorId?: string | null; status?: PitchStatus; closingDate?: string; title?: string; contactEmail?: string } = {}) {
  const id = `pitch-${newId().slice(0, 8)}`;
  const now = Date.now();
  await db.insert(pitches).values({
    id,
    municipalityId: values.municipalityId ?? 'zaanstad',
    authorId: values.authorId ?? null,
    title: values.title ?? 'Werk in de Poelenbrug',
    area: 'Poelenbrug',
    challenge: 'Wie biedt?',
    challengeHtml: '<p>Wie biedt?</p>',
    ask: 'Banen en werkervaringsplaatsen',
    askHtml: '<p>Banen en werkervaringsplaatsen</p>',
    peopleSought: 10,
    closingDate: values.closingDate ?? `${new Date().getFullYear() + 1}-12-31`,
    contactName: 'Carla Contact',
    contactEmail: values.contactEmail ?? 'contact@zaanstad.nl',
    status: values.status ?? 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  return id;
}

/** A confirmed person whose membership a curator verified. */
export async function verifiedMember(t: TestDb, email: string, options: { kind: 'municipality' | 'employer'; organisationId: string }) {
  const user = await confirmedUser(t, email, options);
  await t.handle.db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.id, user.id));
  return { user, actor: await actorOf(t, email) };
}

let source = 0;
/** Registers and confirms, each from its own address (registration is limited per source). */
export async function confirmedUser(t: TestDb, email: string, options: { kind: 'municipality' | 'employer'; organisationId?: string; newEmployerName?: string }) {
  source++;
  const result = await register(t.deps({ ip: `198.51.100.${source % 250}` }), { name: 'Anna de Vries', email, password: strongPassword, ...options });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const confirmed = await confirmEmail(t.deps(), (await lastMailTo(t, email)).token!);
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  const [user] = await t.handle.db.select().from(users).where(eq(users.email, email)).limit(1);
  return user!;
}

/** The people of most tests: Zaanstad's owner and colleague, a Utrecht member, PostNL and Asito employers, and a published pitch. */
export async function marketplaceCast(t: TestDb) {
  const owner = await verifiedMember(t, 'eigenaar@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  const colleague = await verifiedMember(t, 'collega@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  const elsewhere = await verifiedMember(t, 'ambtenaar@utrecht.nl', { kind: 'municipality', organisationId: 'utrecht' });
  const postnl = await verifiedMember(t, 'piet@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
  const asito = await verifiedMember(t, 'anouk@asito.nl', { kind: 'employer', organisationId: 'asito' });
  const pitchId = await insertPitch(t.handle.db, { authorId: owner.user.id });
  return { owner, colleague, elsewhere, postnl, asito, pitchId };
}

/** A valid offer form, as the schema outputs it. */
export function offerForm(overrides: Record<string, unknown> = {}): OfferInput {
  return offerInput.parse({ helpKinds: ['banen'], places: '3', support: 'Een buddy op de werkvloer', message: 'Wij doen mee!', showName: 'true', ...overrides });
}
