/**
 * The world the bad-input tests post into: a published pitch with an offer, a draft and a
 * submitted pitch, a member and a curator, someone and an organisation waiting for a curator, a
 * message from the public; plus a signed-in session per person. Built through the use cases,
 * into any database (a test's own file, or the file of a server the test started).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { suggestions } from '#db/marketplace-schema.ts';
import { liveSessionPitches, liveSessions } from '#db/live-schema.ts';
import { users } from '#db/schema.ts';
import type { Deps } from '#platform/context.ts';
import { assignRole } from '#features/accounts/roles.ts';
import { createSession } from '#platform/auth/session.ts';
import { createOffer } from '#features/marketplace/offers.ts';
import { closePitch } from '#features/marketplace/answers.ts';
import { createDraft, submitPitch } from '#features/marketplace/pitches.ts';
import { submitSuggestion } from '#features/suggestions/suggestions.ts';
import type { TestDb } from '../accounts/helpers.ts';
import { confirmedUser, insertPitch, marketplaceCast, offerForm, verifiedMember } from '../marketplace/helpers.ts';
import { pitchForm } from '../marketplace/pitch-support.ts';
import { submitActivity } from '#features/activities/activities.ts';
import { saveEmployerProfile } from '#features/matchmaking/employer-profile.ts';
import { profileInput } from '#features/matchmaking/profile-input.ts';
import type { FixtureIds, Persona } from './forms.ts';

export interface Fixture {
  ids: FixtureIds;
  /** A session token per signed-in persona (the cookie value). */
  tokens: Record<Exclude<Persona, 'anonymous'>, string>;
}

function expectOk<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/** Builds the fixture with the use cases (`t` only needs `deps` and `handle.db`). */
export async function buildFixture(t: TestDb): Promise<Fixture> {
  const db: Database = t.handle.db;
  const deps = (ip: string): Deps => t.deps({ ip });
  const cast = await marketplaceCast(t);
  const member = await verifiedMember(t, 'lid@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  const curatorUser = await confirmedUser(t, 'curator@netwerk.nl', { kind: 'municipality', organisationId: 'utrecht' });
  await assignRole(deps('192.0.2.10'), 'cli', curatorUser.email, 'curator');
  await db.update(users).set({ membershipVerifiedAt: Date.now(), membershipVerifiedBy: 'curator' }).where(eq(users.id, curatorUser.id));
  const pending = await confirmedUser(t, 'mila@voorbeeld.nl', { kind: 'employer', organisationId: 'asito' });
  const proposer = await confirmedUser(t, 'nieuw@bakkerij.nl', { kind: 'employer', newEmployerName: 'Bakkerij Nieuw' });
  const offer = expectOk(await createOffer(deps('192.0.2.11'), cast.postnl.actor, cast.pitchId, offerForm()), 'aanbod');
  const draft = expectOk(await createDraft(deps('192.0.2.12'), cast.owner.actor, pitchForm()), 'concept');
  const toSubmit = expectOk(await createDraft(deps('192.0.2.13'), cast.owner.actor, pitchForm({ title: 'Werk in Kogerveld' })), 'concept');
  expectOk(await submitPitch(deps('192.0.2.13'), cast.owner.actor, toSubmit.id, 1), 'indienen');
  expectOk(
    await submitSuggestion(
      deps('192.0.2.14'),
      null,
      { kind: 'vraag', message: 'Hoe werkt de werkgarantie precies?', name: 'Fatima Bakker', email: 'fatima@voorbeeld.nl', organisation: null, about: null },
      { networkEmail: 'redactie@netwerk.example', titleOf: async () => null },
    ),
    'bericht',
  );
  const [suggestion] = await db.select({ id: suggestions.id }).from(suggestions).limit(1);
  // Live pitch session: an open session on the published pitch.
  const liveSessionId = '0123456789abcdef';
  await db.insert(liveSessions).values({ id: liveSessionId, title: 'Werkconferentie', createdBy: curatorUser.id, status: 'open', currentPitchId: cast.pitchId, createdAt: Date.now() });
  await db.insert(liveSessionPitches).values({ sessionId: liveSessionId, pitchId: cast.pitchId, position: 0 });
  // Outcome follow-up: closed with a match 100 days ago, so its 3-month question is open.
  const closedPitchId = await insertPitch(db, { authorId: cast.owner.user.id, title: 'Werk in Rosmolenwijk' });
  expectOk(await closePitch(t.deps({ now: Date.now() - 100 * 86_400_000 }), cast.owner.actor, closedPitchId, { outcome: 'matched', peoplePlaced: 4, version: 1 }), 'sluiten');
  // Activity calendar: one submitted activity to edit and moderate.
  const activity = expectOk(
    await submitActivity(deps('192.0.2.15'), member.actor, {
      title: 'Meet & greet in Zaandam',
      kind: 'meet-and-greet',
      description: 'Werkgevers en de gemeente maken kennis met elkaar, bij de koffie.',
      startDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      startTime: '14:00',
      endTime: '16:00',
      place: 'Zaandam',
      organiserName: 'Zaanstad',
      audiences: ['werkgevers'],
    }),
    'activiteit',
  );
  // Matchmaking: Asito works in the pitch's region and allows invitations, so the owner can invite it.
  expectOk(
    await saveEmployerProfile(deps('192.0.2.16'), cast.asito.actor, profileInput.parse({ sectors: [], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['banen'], allowsInvitations: 'true' })),
    'werkgeversprofiel',
  );
  const session = async (userId: string) => (await createSession(db, userId)).token;
  return {
    ids: {
      pitchId: cast.pitchId,
      draftId: draft.id,
      submittedId: toSubmit.id,
      offerId: offer.offerId,
      pendingUserId: pending.id,
      pendingOrganisationId: proposer.organisationId!,
      suggestionId: suggestion!.id,
      memberEmail: member.user.email,
      liveSessionId,
      closedPitchId,
      activityId: activity.id,
    },
    tokens: {
      member: await session(member.user.id),
      owner: await session(cast.owner.user.id),
      employer: await session(cast.postnl.user.id),
      curator: await session(curatorUser.id),
    },
  };
}

/**
 * Tables whose rows may change when input is refused: limits and the security log count attempts;
 * a browser's refused post is kept for the page load after its redirect (web/form-replay.ts).
 */
export const MAY_CHANGE_ON_REFUSAL = ['rate_limits', 'security_events', 'form_replays'];

/**
 * Records every write to every other table (insert, update, delete) in `bad_input_writes`,
 * with triggers: a refused post must leave it untouched. A write that a failed batch rolled
 * back leaves no trace, as it should. (Only ever in a test's own database.)
 */
export async function trackWrites(db: Database): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS bad_input_writes (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL)`);
  const tables = await db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE '%drizzle%' AND name <> 'bad_input_writes'`,
  );
  for (const { name } of tables) {
    if (MAY_CHANGE_ON_REFUSAL.includes(name)) continue;
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await db.run(sql.raw(`CREATE TRIGGER IF NOT EXISTS bad_input_${name}_${op.toLowerCase()} AFTER ${op} ON "${name}" BEGIN INSERT INTO bad_input_writes (tbl, op) VALUES ('${name}', '${op}'); END`));
    }
  }
}

/** The newest recorded write: a mark to compare with after a post. */
export async function writeMark(db: Database): Promise<number> {
  const [row] = await db.all<{ seq: number | null }>(sql`SELECT max(seq) AS seq FROM bad_input_writes`);
  return row?.seq ?? 0;
}

/** The writes since `mark`, as "INSERT users" and the like. */
export async function writesAfter(db: Database, mark: number): Promise<string[]> {
  const rows = await db.all<{ tbl: string; op: string }>(sql`SELECT tbl, op FROM bad_input_writes WHERE seq > ${mark} ORDER BY seq`);
  return [...new Set(rows.map((row) => `${row.op} ${row.tbl}`))];
}
