/**
 * The weekly digest with a controllable clock, on a real libSQL file:
 * week 1 brings a new pitch; a second run sends nothing more; a week with nothing new sends
 * nothing; an unfollowed municipality is not in the next digest; two instances running at the
 * same moment send one mail; a followed pitch's outcome reaches its followers; the one-click
 * link switches the digest off; the headers arrive through real SMTP; follows go with the account.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pitches, pitchFacets } from '#db/marketplace-schema.ts';
import { follows, digestSends } from '#db/follows-schema.ts';
import { outbox, users } from '#db/schema.ts';
import { followSettings, followThing, setDigest, unfollowThing } from '#features/follows/follows.ts';
import { caseNewsSource, pitchNewsSource, type NewsSource } from '#features/follows/news-sources.ts';
import { sendWeeklyDigests } from '#features/jobs/digest.ts';
import { checkUnsubscribeToken, unsubscribeDigest } from '#features/follows/unsubscribe.ts';
import { deliverPendingMail } from '#platform/mail/outbox-delivery.ts';
import { smtpTransport } from '#platform/mail/transport.ts';
import { deleteAccount, exportUserData } from '#features/accounts/profile.ts';
import type { Actor } from '#domain/policy.ts';
import { secondInstance, strongPassword, testDatabase, type TestDb } from '../accounts/helpers.ts';
import { insertPitch, verifiedMember } from '../marketplace/helpers.ts';
import { startSmtpSink } from '../mail/smtp-sink.ts';

const ORIGIN = 'https://praktijkplein.test';
/** Wednesday 25 February 2026, noon in Amsterdam: the follow is made. */
const FOLLOWED = Date.parse('2026-02-25T11:00:00Z');
/** Monday mornings 08:30 in Amsterdam (UTC+1): digest runs. */
const WEEK_10 = Date.parse('2026-03-02T07:30:00Z');
const WEEK_11 = Date.parse('2026-03-09T07:30:00Z');
const WEEK_12 = Date.parse('2026-03-16T07:30:00Z');
const HOUR = 60 * 60 * 1000;

let t: TestDb;
let reader: Actor;
let readerUser: Awaited<ReturnType<typeof verifiedMember>>['user'];
const sources: NewsSource[] = [pitchNewsSource];
const run = (now: number, db = t.handle.db, withSources: readonly NewsSource[] = sources) => sendWeeklyDigests(db, now, { sources: withSources, origin: ORIGIN });

beforeEach(async () => {
  t = await testDatabase();
  ({ actor: reader, user: readerUser } = await verifiedMember(t, 'lezer@postnl.nl', { kind: 'employer', organisationId: 'postnl' }));
});
afterEach(() => t.cleanup());

async function digests() {
  return t.handle.db.select().from(outbox).where(and(eq(outbox.toAddress, 'lezer@postnl.nl'), like(outbox.subject, 'Nieuw bij wat u volgt%'))).orderBy(outbox.createdAt);
}

/** A pitch made public at `at` (facets as given). */
async function publishPitchAt(at: number, values: { municipalityId?: string; title?: string; sectors?: string[] } = {}) {
  const id = await insertPitch(t.handle.db, { municipalityId: values.municipalityId ?? 'zaanstad', title: values.title ?? 'Werk in de Poelenbrug' });
  await t.handle.db.update(pitches).set({ publishedAt: at, createdAt: at - HOUR, updatedAt: at }).where(eq(pitches.id, id));
  for (const value of values.sectors ?? []) await t.handle.db.insert(pitchFacets).values({ pitchId: id, facet: 'sector', value });
  return id;
}

const follow = (kind: 'municipality' | 'sector' | 'pitch' | 'region', value: string, now = FOLLOWED) => followThing(t.deps({ now }), reader, { kind, value });

describe('het weekoverzicht', () => {
  test('week 1 meldt de nieuwe pitch; nog een keer draaien stuurt niets; een week zonder nieuws stuurt niets', async () => {
    expect(await follow('municipality', 'zaanstad')).toMatchObject({ ok: true });
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'), { title: 'Werk in de Poelenbrug' });
    // Published before the follow: not news for this person.
    await publishPitchAt(FOLLOWED - 2 * 24 * HOUR, { title: 'Een oude pitch' });
    // Elsewhere: not followed.
    await publishPitchAt(Date.parse('2026-02-27T10:00:00Z'), { municipalityId: 'utrecht', title: 'Utrechtse pitch' });

    expect(await run(WEEK_10)).toMatchObject({ period: '2026-W10', sent: 1 });
    const [mail] = await digests();
    expect(mail!.subject).toBe('Nieuw bij wat u volgt op Praktijkplein: 1 nieuw bericht');
    expect(mail!.body).toContain('== Gemeente Zaanstad ==');
    expect(mail!.body).toContain('Werk in de Poelenbrug');
    expect(mail!.body).not.toContain('Een oude pitch');
    expect(mail!.body).not.toContain('Utrechtse pitch');
    expect(mail!.headers).toEqual({ 'List-Unsubscribe': expect.stringMatching(/^<https:\/\/praktijkplein\.test\/afmelden\/\?t=[\w-]{22}\.[\w-]{43}>$/), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    // The same week, later (another housekeeping run): nothing more.
    expect(await run(WEEK_10 + HOUR)).toMatchObject({ sent: 0, empty: 0 });
    expect(await digests()).toHaveLength(1);

    // Next week: nothing new, so nothing is sent (the week is recorded as looked at).
    expect(await run(WEEK_11)).toMatchObject({ period: '2026-W11', sent: 0, empty: 1 });
    expect(await digests()).toHaveLength(1);
  });

  test('wie een gemeente niet meer volgt, krijgt haar nieuws niet in het volgende overzicht', async () => {
    await follow('municipality', 'zaanstad');
    await follow('sector', 'zorg');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'));
    expect(await run(WEEK_10)).toMatchObject({ sent: 1 });

    expect(await unfollowThing(t.deps(), reader, { kind: 'municipality', value: 'zaanstad' })).toEqual({ ok: true });
    await publishPitchAt(Date.parse('2026-03-04T09:00:00Z'), { title: 'Tweede Zaanse pitch' });
    expect(await run(WEEK_11)).toMatchObject({ sent: 0, empty: 1 });
    expect(await digests()).toHaveLength(1);

    // Still following the care sector: a care pitch elsewhere arrives the week after.
    await publishPitchAt(Date.parse('2026-03-11T09:00:00Z'), { municipalityId: 'utrecht', title: 'Zorg in Utrecht', sectors: ['zorg'] });
    expect(await run(WEEK_12)).toMatchObject({ sent: 1 });
    const mails = await digests();
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body).toContain('== Sector zorg en welzijn ==');
    expect(mails[1]!.body).toContain('Zorg in Utrecht');
    expect(mails[1]!.body).not.toContain('Tweede Zaanse pitch');
  });

  test('twee instanties die tegelijk draaien, sturen samen één overzicht', async () => {
    await follow('municipality', 'zaanstad');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'));
    const other = await secondInstance(t);
    try {
      const results = await Promise.all([run(WEEK_10), run(WEEK_10, other.deps().db), run(WEEK_10 + 1), run(WEEK_10 + 2, other.deps().db)]);
      expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    } finally {
      other.close();
    }
    expect(await digests()).toHaveLength(1);
    expect(await t.handle.db.select().from(digestSends)).toHaveLength(1);
  });

  test('elk bericht één keer, gegroepeerd; een gevolgde pitch meldt zijn uitkomst; een nieuw praktijkvoorbeeld komt mee', async () => {
    const closing = await publishPitchAt(Date.parse('2026-02-20T09:00:00Z'), { title: 'Pitch die sluit' });
    await follow('pitch', closing);
    await follow('municipality', 'zaanstad');
    await follow('region', 'zaanstreek-waterland');
    await follow('sector', 'logistiek');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'), { title: 'Logistiek in Zaandam', sectors: ['logistiek'] });
    await t.handle.db.update(pitches).set({ status: 'closed', outcome: 'matched', peoplePlaced: 4, closedAt: Date.parse('2026-02-28T09:00:00Z') }).where(eq(pitches.id, closing));
    const cases = caseNewsSource([
      { id: 'nieuw-voorbeeld', title: 'Een nieuw voorbeeld', published: '2026-02-26', municipalities: ['amsterdam'], regions: ['groot-amsterdam'], sectors: ['logistiek'], targetGroups: [], evidence: 'resultaat', status: 'lopend' },
    ]);
    expect(await run(WEEK_10, t.handle.db, [pitchNewsSource, cases])).toMatchObject({ sent: 1 });
    const [mail] = await digests();
    const body = mail!.body;
    expect(body).toContain('== Pitch: Pitch die sluit ==');
    expect(body).toContain('uitkomst: gelukt, 4 mensen geplaatst');
    expect(body).toContain('== Gemeente Zaanstad ==');
    // Listed under Zaanstad only, not again under the region or the sector.
    expect(body.match(/Logistiek in Zaandam/g)).toHaveLength(1);
    expect(body).not.toContain('== Arbeidsmarktregio');
    expect(body).toContain('== Sector logistiek ==');
    expect(body).toContain(`${ORIGIN}/praktijkvoorbeelden/nieuw-voorbeeld/`);
    expect(body).toContain('Nieuw praktijkvoorbeeld');
    expect(mail!.subject).toContain('3 nieuwe berichten');
  });

  test('een pitch die niet openbaar is, kan niemand volgen; ook niet wat niet bestaat', async () => {
    const draft = await insertPitch(t.handle.db, { status: 'submitted' });
    expect(await follow('pitch', draft)).toEqual({ ok: false, reason: 'unknown' });
    expect(await follow('municipality', 'atlantis')).toEqual({ ok: false, reason: 'unknown' });
    expect(await followThing(t.deps(), null, { kind: 'sector', value: 'zorg' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await t.handle.db.select().from(follows)).toEqual([]);
  });

  test('uit: geen overzicht; weer aan: alleen nieuws van daarna', async () => {
    await follow('municipality', 'zaanstad');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'), { title: 'Tijdens de pauze' });
    await setDigest(t.deps({ now: Date.parse('2026-02-26T09:00:00Z') }), reader, false);
    expect(await run(WEEK_10)).toMatchObject({ sent: 0, empty: 0 });
    await setDigest(t.deps({ now: Date.parse('2026-03-03T09:00:00Z') }), reader, true);
    await publishPitchAt(Date.parse('2026-03-04T09:00:00Z'), { title: 'Na de pauze' });
    expect(await run(WEEK_11)).toMatchObject({ sent: 1 });
    const [mail] = await digests();
    expect(mail!.body).toContain('Na de pauze');
    expect(mail!.body).not.toContain('Tijdens de pauze');
  });
});

describe('afmelden zonder in te loggen', () => {
  test('de link uit het overzicht zet het overzicht uit; opnieuw gebruiken kan; een verzonnen link niet', async () => {
    await follow('municipality', 'zaanstad');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'));
    await run(WEEK_10);
    const [mail] = await digests();
    const token = new URL(mail!.headers!['List-Unsubscribe']!.slice(1, -1)).searchParams.get('t')!;
    expect(await checkUnsubscribeToken(t.handle.db, token)).toMatchObject({ ok: true, enabled: true, email: 'lezer@postnl.nl' });
    expect(await unsubscribeDigest(t.handle.db, token, WEEK_10 + HOUR)).toEqual({ ok: true, email: 'lezer@postnl.nl' });
    expect(await unsubscribeDigest(t.handle.db, token, WEEK_10 + 2 * HOUR)).toEqual({ ok: true, email: 'lezer@postnl.nl' });
    expect(await followSettings(t.deps(), reader)).toMatchObject({ ok: true, digestEnabled: false });
    // A token with the right id and a wrong secret, or none at all, does nothing.
    const [id] = token.split('.');
    expect(await unsubscribeDigest(t.handle.db, `${id}.${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await unsubscribeDigest(t.handle.db, 'onzin')).toEqual({ ok: false, reason: 'invalid' });

    await publishPitchAt(Date.parse('2026-03-04T09:00:00Z'));
    expect(await run(WEEK_11)).toMatchObject({ sent: 0, empty: 0 });
  });

  test('List-Unsubscribe en List-Unsubscribe-Post komen aan via echte SMTP', async () => {
    await follow('municipality', 'zaanstad');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'));
    await run(WEEK_10);
    const sink = await startSmtpSink();
    try {
      const transport = smtpTransport({ url: sink.url, from: 'Praktijkplein <no-reply@praktijkplein.test>', replyTo: 'redactie@praktijkplein.test' });
      expect(await deliverPendingMail(t.handle.db, transport)).toBeGreaterThanOrEqual(1);
      const received = await sink.waitFor(/Nieuw bij wat u volgt/, 'lezer@postnl.nl');
      const header = (name: string) => received.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n[ \t]+/g, ' ');
      expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/praktijkplein\.test\/afmelden\/\?t=[\w-]{22}\.[\w-]{43}>$/);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    } finally {
      await sink.close();
    }
  });
});

describe('AVG', () => {
  test('wat iemand volgt staat in de export en gaat mee met het account', async () => {
    await follow('municipality', 'zaanstad');
    await follow('sector', 'zorg');
    await publishPitchAt(Date.parse('2026-02-27T09:00:00Z'));
    await run(WEEK_10);
    expect((await exportUserData(t.deps(), reader.userId))!.volgen).toEqual({
      weekoverzicht: 'aan',
      volgt: [
        { soort: 'Gemeente', waarde: 'zaanstad', bericht: 'In het wekelijkse overzicht', sinds: new Date(FOLLOWED).toISOString() },
        { soort: 'Sector', waarde: 'zorg', bericht: 'In het wekelijkse overzicht', sinds: new Date(FOLLOWED).toISOString() },
      ],
      meteenGemaildOverPitches: [],
    });
    expect(await deleteAccount(t.deps(), readerUser, { password: strongPassword })).toEqual({ ok: true });
    expect(await t.handle.db.select().from(follows)).toEqual([]);
    expect(await t.handle.db.select().from(digestSends)).toEqual([]);
    expect(await t.handle.db.select().from(users).where(eq(users.email, 'lezer@postnl.nl'))).toEqual([]);
  });
});
