/**
 * The choice per follow on a real libSQL file: "meteen" queues one mail per person per pitch in
 * the batch that publishes it (however many follows fit, never for a stale publication, never
 * to the pitch's author), "niets" sends nothing at all, "wekelijks" keeps the weekly digest as
 * it was; the digest does not repeat a pitch mailed at once; the mail's one-click link puts the
 * "meteen" follows back to weekly; refusals; export and deletion.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { follows, pitchAlerts } from '#db/follows-schema.ts';
import { pitchFacets, pitches } from '#db/marketplace-schema.ts';
import { outbox } from '#db/schema.ts';
import { deleteAccount, exportUserData } from '#features/accounts/profile.ts';
import { followSettings, followThing, setFollowDelivery } from '#features/follows/follows.ts';
import { pitchNewsSource } from '#features/follows/news-sources.ts';
import { checkPitchAlertToken, stopPitchAlerts } from '#features/follows/unsubscribe.ts';
import { sendWeeklyDigests } from '#features/jobs/digest.ts';
import { publishPitch } from '#features/marketplace/moderation.ts';
import type { Follow, FollowDelivery } from '#domain/follows.ts';
import type { Actor } from '#domain/policy.ts';
import { curatorActor } from '../accounts/actors.ts';
import { strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { insertPitch, verifiedMember } from '../marketplace/helpers.ts';

const ORIGIN = 'https://praktijkplein.test';
/** Wednesday 25 February 2026: the follows are made. */
const FOLLOWED = Date.parse('2026-02-25T11:00:00Z');
/** Friday 27 February 2026: a curator publishes. */
const PUBLISHED = Date.parse('2026-02-27T09:00:00Z');
/** Monday mornings 08:30 in Amsterdam: digest runs. */
const WEEK_10 = Date.parse('2026-03-02T07:30:00Z');
const WEEK_11 = Date.parse('2026-03-09T07:30:00Z');

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const choose = async (actor: Actor, follow: Follow, delivery: FollowDelivery) => {
  expect(await followThing(t.deps({ now: FOLLOWED }), actor, follow)).toMatchObject({ ok: true });
  if (delivery !== 'weekly') expect(await setFollowDelivery(t.deps(), actor, follow, delivery)).toMatchObject({ ok: true, delivery });
};

/**
 * Meteen (PostNL) follows logistics and the region "meteen" and Zaanstad weekly; Wekelijks
 * (Asito) follows logistics weekly; Niets (Albert Heijn) follows logistics with "niets"; the
 * Zaanstad author follows logistics "meteen" too. A submitted logistics pitch from Zaanstad.
 */
async function cast() {
  const meteen = await verifiedMember(t, 'meteen@postnl.nl', { kind: 'employer', organisationId: 'postnl' });
  const wekelijks = await verifiedMember(t, 'wekelijks@asito.nl', { kind: 'employer', organisationId: 'asito' });
  const niets = await verifiedMember(t, 'niets@albertheijn.nl', { kind: 'employer', organisationId: 'albert-heijn' });
  const author = await verifiedMember(t, 'auteur@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
  await choose(meteen.actor, { kind: 'sector', value: 'logistiek' }, 'immediate');
  await choose(meteen.actor, { kind: 'region', value: 'zaanstreek-waterland' }, 'immediate');
  await choose(meteen.actor, { kind: 'municipality', value: 'zaanstad' }, 'weekly');
  await choose(wekelijks.actor, { kind: 'sector', value: 'logistiek' }, 'weekly');
  await choose(niets.actor, { kind: 'sector', value: 'logistiek' }, 'none');
  await choose(author.actor, { kind: 'sector', value: 'logistiek' }, 'immediate');
  const curator = await curatorActor(t);
  return { meteen, wekelijks, niets, author, curator };
}

/** A submitted Zaanstad pitch about logistics by the author. */
async function submittedPitch(authorId: string, title: string) {
  const id = await insertPitch(t.handle.db, { authorId, status: 'submitted', title });
  await t.handle.db.update(pitches).set({ publishedAt: null }).where(eq(pitches.id, id));
  await t.handle.db.insert(pitchFacets).values({ pitchId: id, facet: 'sector', value: 'logistiek' });
  return id;
}

const alertsTo = (address: string) => t.handle.db.select().from(outbox).where(and(eq(outbox.toAddress, address), like(outbox.subject, 'Nieuwe pitch:%')));
const digestsTo = (address: string) => t.handle.db.select().from(outbox).where(and(eq(outbox.toAddress, address), like(outbox.subject, 'Nieuw bij wat u volgt%')));
const runDigest = (now: number) => sendWeeklyDigests(t.handle.db, now, { sources: [pitchNewsSource], origin: ORIGIN });

describe('meteen een e-mail bij een passende pitch', () => {
  test('één mail per persoon per pitch, ook als twee onderwerpen passen, in de batch van de publicatie; niet naar wekelijks, niets of de schrijver', async () => {
    const { meteen, author, curator } = await cast();
    const pitchId = await submittedPitch(author.user.id, 'Logistiek in Zaandam');
    expect(await alertsTo('meteen@postnl.nl')).toHaveLength(0);
    expect(await publishPitch(t.deps({ now: PUBLISHED }), curator, pitchId, 1)).toEqual({ ok: true });
    // A second click on the stale form publishes nothing and mails nothing.
    expect(await publishPitch(t.deps({ now: PUBLISHED + 1000 }), curator, pitchId, 1)).toMatchObject({ ok: false });

    const [mail, ...more] = await alertsTo('meteen@postnl.nl');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Nieuwe pitch: Logistiek in Zaandam');
    expect(mail!.userId).toBe(meteen.user.id);
    expect(mail!.body).toContain('Hij past bij wat u volgt: Arbeidsmarktregio Zaanstreek/Waterland, Sector logistiek.');
    expect(mail!.body).toContain(`${ORIGIN}/pitches/${pitchId}/meedoen/`);
    expect(mail!.headers).toEqual({ 'List-Unsubscribe': expect.stringMatching(/^<https:\/\/praktijkplein\.test\/afmelden\/meteen\/\?t=[\w-]{22}\.[\w-]{43}>$/), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    for (const address of ['wekelijks@asito.nl', 'niets@albertheijn.nl', 'auteur@zaanstad.nl']) expect(await alertsTo(address)).toEqual([]);
    expect(await t.handle.db.select({ userId: pitchAlerts.userId, pitchId: pitchAlerts.pitchId }).from(pitchAlerts)).toEqual([{ userId: meteen.user.id, pitchId }]);
  });

  test('het weekoverzicht: wekelijks zoals altijd, niets krijgt niets, en wie de pitch al meteen kreeg, krijgt hem niet nog eens', async () => {
    const { author, curator } = await cast();
    const pitchId = await submittedPitch(author.user.id, 'Logistiek in Zaandam');
    await publishPitch(t.deps({ now: PUBLISHED }), curator, pitchId, 1);
    await runDigest(WEEK_10);
    const [weekly, ...moreWeekly] = await digestsTo('wekelijks@asito.nl');
    expect(moreWeekly).toEqual([]);
    expect(weekly!.body).toContain('== Sector logistiek ==');
    expect(weekly!.body).toContain('Logistiek in Zaandam');
    expect(await alertsTo('wekelijks@asito.nl')).toEqual([]);
    expect(await digestsTo('niets@albertheijn.nl')).toEqual([]);
    // Its only news was the pitch it had at once: no digest (also not under "Gemeente Zaanstad", which it follows weekly).
    expect(await digestsTo('meteen@postnl.nl')).toEqual([]);
  });

  test('afmelden met de link uit de mail: de "meteen"-onderwerpen gaan naar het weekoverzicht; een volgende pitch komt daar', async () => {
    const { meteen, author, curator } = await cast();
    await publishPitch(t.deps({ now: PUBLISHED }), curator, await submittedPitch(author.user.id, 'Eerste pitch'), 1);
    const [mail] = await alertsTo('meteen@postnl.nl');
    const token = new URL(mail!.headers!['List-Unsubscribe']!.slice(1, -1)).searchParams.get('t')!;
    expect(await checkPitchAlertToken(t.handle.db, token)).toMatchObject({ ok: true, email: 'meteen@postnl.nl', immediate: 2 });
    expect(await stopPitchAlerts(t.handle.db, `${token.split('.')[0]}.${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await stopPitchAlerts(t.handle.db, token)).toEqual({ ok: true, email: 'meteen@postnl.nl' });
    expect(await stopPitchAlerts(t.handle.db, token)).toEqual({ ok: true, email: 'meteen@postnl.nl' });
    const settings = await followSettings(t.deps(), meteen.actor);
    expect(settings.ok && settings.follows.map((f) => [f.kind, f.delivery])).toEqual([
      ['municipality', 'weekly'],
      ['region', 'weekly'],
      ['sector', 'weekly'],
    ]);

    await publishPitch(t.deps({ now: Date.parse('2026-03-04T09:00:00Z') }), curator, await submittedPitch(author.user.id, 'Tweede pitch'), 1);
    expect(await alertsTo('meteen@postnl.nl')).toHaveLength(1);
    await runDigest(WEEK_10);
    await runDigest(WEEK_11);
    const [digest] = await digestsTo('meteen@postnl.nl');
    expect(digest!.body).toContain('Tweede pitch');
    expect(digest!.body).not.toContain('Eerste pitch');
  });

  test('kiezen kan alleen voor een onderwerp of plaats die u volgt; een gevolgde pitch blijft wekelijks', async () => {
    const { meteen } = await cast();
    expect(await setFollowDelivery(t.deps(), meteen.actor, { kind: 'sector', value: 'zorg' }, 'immediate')).toEqual({ ok: false, reason: 'not-following' });
    expect(await setFollowDelivery(t.deps(), meteen.actor, { kind: 'pitch', value: 'een-pitch' }, 'immediate')).toEqual({ ok: false, reason: 'not-choosable' });
    expect(await setFollowDelivery(t.deps(), null, { kind: 'sector', value: 'logistiek' }, 'none')).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.handle.db.select({ kind: follows.kind, delivery: follows.delivery }).from(follows).where(eq(follows.userId, meteen.user.id))).toEqual(
      expect.arrayContaining([{ kind: 'sector', delivery: 'immediate' }]),
    );
  });

  test('AVG: de keuze en de verstuurde meteen-mails staan in de export en gaan mee met het account', async () => {
    const { meteen, author, curator } = await cast();
    const pitchId = await submittedPitch(author.user.id, 'Logistiek in Zaandam');
    await publishPitch(t.deps({ now: PUBLISHED }), curator, pitchId, 1);
    const exported = (await exportUserData(t.deps(), meteen.user.id))!.volgen;
    // Followed at the same moment: in no particular order.
    expect(exported.volgt.map((f) => [f.soort, f.bericht]).sort()).toEqual([
      ['Arbeidsmarktregio', 'Meteen een e-mail als er een passende pitch wordt gepubliceerd'],
      ['Gemeente', 'In het wekelijkse overzicht'],
      ['Sector', 'Meteen een e-mail als er een passende pitch wordt gepubliceerd'],
    ]);
    expect(exported.meteenGemaildOverPitches).toEqual([{ pitch: pitchId, op: new Date(PUBLISHED).toISOString() }]);
    expect(await deleteAccount(t.deps(), meteen.user, { password: strongPassword })).toEqual({ ok: true });
    expect(await t.handle.db.select().from(pitchAlerts)).toEqual([]);
    expect(await alertsTo('meteen@postnl.nl')).toEqual([]);
  });
});
