/**
 * The calendar's flow against a real database: a member submits, a curator
 * moderates, the activity is listed; refused input and refused people change nothing; the
 * submitter hears of each decision through the outbox.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { activities, activityFacets } from '#db/activities-schema.ts';
import { auditLog, outbox } from '#db/schema.ts';
import { decideActivity, editActivity, loadActivity, submitActivity, activityForPage } from '#features/activities/activities.ts';
import { activityModerationQueue } from '#features/activities/moderation-queue.ts';
import { activitiesInMonth, activitiesPublishedBetween, listActivities } from '#features/activities/activity-list.ts';
import { emptyActivityFilter, parseActivityQuery } from '#domain/activity-filter.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { confirmedUser } from '../marketplace/helpers.ts';
import { actorOf } from '../accounts/actors.ts';
import { activityCast, activityForm, NOW } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const deps = (now = NOW) => t.deps({ now });
const count = async () => ({
  activities: (await t.handle.db.select().from(activities)).length,
  facets: (await t.handle.db.select().from(activityFacets)).length,
  mail: (await t.handle.db.select().from(outbox)).length,
  audit: (await t.handle.db.select().from(auditLog)).length,
});
/** Mail about activities to an account (not the registration mail before it). */
const activityMailTo = async (userId: string) => (await t.handle.db.select().from(outbox).where(eq(outbox.userId, userId))).filter((m) => /activiteit/i.test(m.subject));
const query = (q = '') => parseActivityQuery(new URLSearchParams(q), pitchPlaces().vocabulary);

describe('aanmelden, modereren, in de kalender', () => {
  test('een lid meldt aan, de curator publiceert: de activiteit staat in de lijst, de maand en bij het nieuwe van de week', async () => {
    const { member, curator } = await activityCast(t);
    const submitted = await submitActivity(deps(), member.actor, activityForm());
    expect(submitted).toMatchObject({ ok: true });
    const id = (submitted as { id: string }).id;

    const stored = (await loadActivity(t.handle.db, id))!;
    expect(stored).toMatchObject({ status: 'submitted', municipalityId: 'zaanstad', organisationId: 'zaanstad', submitterId: member.user.id });
    expect(new Date(stored.startsAt).toISOString()).toBe('2026-10-24T12:00:00.000Z');
    expect(stored.audiences.sort()).toEqual(['gemeenten', 'werkgevers']);
    // Not public yet: not for a visitor, not in the list.
    expect(await activityForPage(deps(), null, id)).toBeUndefined();
    expect((await listActivities(t.handle.db, query(), NOW)).total).toBe(0);
    // The curators hear of it.
    const curatorMail = await activityMailTo(curator.userId);
    expect(curatorMail.map((m) => m.subject)).toEqual(['Nieuwe activiteit om te modereren: Werkconferentie in Zaandam']);

    const queue = await activityModerationQueue(deps(), curator);
    expect(queue!.map((a) => a.id)).toEqual([id]);
    expect(await decideActivity(deps(NOW + 1000), curator, id, stored.version, 'publish')).toEqual({ ok: true });

    const list = await listActivities(t.handle.db, query(), NOW + 2000);
    expect(list.items.map((a) => a.id)).toEqual([id]);
    expect(list.items[0]).toMatchObject({ municipalityName: 'Zaanstad', province: 'noord-holland', online: false });
    expect((await listActivities(t.handle.db, query('doelgroep=jongeren'), NOW)).total).toBe(0);
    expect((await activitiesInMonth(t.handle.db, '2026-10')).get('2026-10-24')!.map((a) => a.id)).toEqual([id]);
    expect(await activitiesPublishedBetween(t.handle.db, NOW, NOW + 60_000)).toHaveLength(1);
    expect(await activitiesPublishedBetween(t.handle.db, NOW, NOW + 60_000, { municipalities: ['utrecht'] })).toHaveLength(0);

    const mail = await activityMailTo(member.user.id);
    expect(mail.map((m) => m.subject)).toEqual(['Uw activiteit staat in de kalender: Werkconferentie in Zaandam']);
    expect(mail[0]!.body).toContain(`https://praktijkplein.test/activiteiten/${id}/`);
    expect(mail[0]!.body).toContain('zaterdag 24 oktober 2026, 14.00–17.00 uur');
  });

  test('na afloop staat de activiteit bij "voorbij", niet meer bij de komende', async () => {
    const { member, curator } = await activityCast(t);
    const { id } = (await submitActivity(deps(), member.actor, activityForm())) as { id: string };
    await decideActivity(deps(), curator, id, 1, 'publish');
    const afterwards = Date.parse('2026-10-24T15:00:01Z');
    expect((await listActivities(t.handle.db, query(), afterwards)).total).toBe(0);
    const past = await listActivities(t.handle.db, query('wanneer=voorbij'), afterwards);
    expect(past.items.map((a) => a.id)).toEqual([id]);
  });

  test('een wijziging gevraagd: de indiener krijgt de opmerking, past aan en dient daarmee opnieuw in', async () => {
    const { employer, curator } = await activityCast(t);
    const { id } = (await submitActivity(deps(), employer.actor, activityForm({ place: '', onlineUrl: 'https://voorbeeld.nl/live' }))) as { id: string };
    expect(await decideActivity(deps(), curator, id, 1, 'request-changes', '')).toEqual({ ok: false, reason: 'note-required' });
    expect(await decideActivity(deps(), curator, id, 1, 'request-changes', 'Noem ook het programma.')).toEqual({ ok: true });
    const [mail] = await activityMailTo(employer.user.id);
    expect(mail!.body).toContain('> Noem ook het programma.');
    expect(mail!.body).toContain(`/activiteiten/${id}/bewerken/`);

    expect(await editActivity(deps(), employer.actor, id, 1, activityForm())).toEqual({ ok: false, reason: 'stale' });
    expect(await editActivity(deps(), employer.actor, id, 2, activityForm({ description: 'Met programma: pitches, lunch en een rondgang door het sorteercentrum.' }))).toEqual({ ok: true, id });
    expect(await loadActivity(t.handle.db, id)).toMatchObject({ status: 'submitted', version: 3, moderationNote: 'Noem ook het programma.' });
  });

  test('annuleren door de organisator: blijft zichtbaar als geannuleerd, met een hogere volgnummer voor agenda’s', async () => {
    const { member, curator, employer } = await activityCast(t);
    const { id } = (await submitActivity(deps(), member.actor, activityForm())) as { id: string };
    await decideActivity(deps(), curator, id, 1, 'publish');
    expect(await decideActivity(deps(), employer.actor, id, 2, 'cancel')).toEqual({ ok: false, reason: 'forbidden' });
    expect(await decideActivity(deps(), member.actor, id, 2, 'cancel', 'De zaal is niet beschikbaar.')).toEqual({ ok: true });
    const list = await listActivities(t.handle.db, query(), NOW);
    expect(list.items[0]).toMatchObject({ id, status: 'cancelled', cancelReason: 'De zaal is niet beschikbaar.', sequence: 1 });
  });
});

describe('geweigerd verandert niets', () => {
  test('ongeldige invoer: een bericht per veld, niets opgeslagen, geen e-mail, geen logregel', async () => {
    const { member } = await activityCast(t);
    const before = await count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: '' }, 'title', /titel/],
      [{ kind: 'feest' }, 'kind', /soort/],
      [{ startDate: '2027-03-28', startTime: '02:30', endTime: '04:00' }, 'startTime', /bestaat 02\.30 uur niet/],
      [{ endTime: '13:00' }, 'endTime', /na het begin/],
      [{ startDate: '2026-08-01' }, 'startDate', /verleden/],
      [{ place: '', onlineUrl: '' }, 'place', /plaats of adres/],
      [{ onlineUrl: 'http://voorbeeld.nl/live' }, 'onlineUrl', /https/],
      [{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', /https/],
      [{ audiences: [] }, 'audiences', /minstens één/],
      [{ targetGroups: ['marsmannetjes'] }, 'targetGroups', /uit de lijst/],
      [{ endDate: '2026-11-24' }, 'endDate', /hoogstens 14 dagen/],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await submitActivity(deps(), member.actor, activityForm(overrides));
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, reason: 'invalid' });
      expect((result as { fields: Record<string, string> }).fields[field], JSON.stringify(overrides)).toMatch(message);
    }
    expect(await count()).toEqual(before);
  });

  test('wie niet mag, kan niets aanmelden of modereren', async () => {
    const { member } = await activityCast(t);
    await confirmedUser(t, 'nieuw@zaanstad.nl', { kind: 'municipality', organisationId: 'zaanstad' });
    const waiting = await actorOf(t, 'nieuw@zaanstad.nl');
    const before = await count();
    expect(await submitActivity(deps(), waiting, activityForm())).toEqual({ ok: false, reason: 'forbidden' });
    expect(await submitActivity(deps(), null, activityForm())).toEqual({ ok: false, reason: 'forbidden' });
    expect(await count()).toEqual(before);
    const { id } = (await submitActivity(deps(), member.actor, activityForm())) as { id: string };
    const after = await count();
    // A member cannot publish their own activity; someone else's submission is not even there for them.
    expect(await decideActivity(deps(), member.actor, id, 1, 'publish')).toEqual({ ok: false, reason: 'forbidden' });
    expect(await decideActivity(deps(), waiting, id, 1, 'publish')).toEqual({ ok: false, reason: 'not-found' });
    expect(await count()).toEqual(after);
  });

  test('twee keer op verzenden drukken geeft één activiteit', async () => {
    const { member } = await activityCast(t);
    const first = await submitActivity(deps(), member.actor, activityForm());
    const second = await submitActivity(deps(NOW + 5000), member.actor, activityForm());
    expect(second).toEqual(first);
    expect((await count()).activities).toBe(1);
  });

  test('twee curatoren tegelijk: één besluit telt, het andere is verouderd en schrijft niets', async () => {
    const { member, curator } = await activityCast(t);
    const { id } = (await submitActivity(deps(), member.actor, activityForm())) as { id: string };
    const before = await count();
    const [a, b] = await Promise.all([decideActivity(deps(), curator, id, 1, 'publish'), decideActivity(deps(), curator, id, 1, 'reject', 'Dubbel.')]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const after = await count();
    expect(after.audit - before.audit).toBe(1);
    expect(after.mail - before.mail).toBe(1);
  });
});

test('de lege filter en een filter op een plaats in Noord-Holland', async () => {
  const { member, curator } = await activityCast(t);
  const { id } = (await submitActivity(deps(), member.actor, activityForm())) as { id: string };
  await decideActivity(deps(), curator, id, 1, 'publish');
  expect(await activitiesPublishedBetween(t.handle.db, 0, Number.MAX_SAFE_INTEGER, { ...emptyActivityFilter(), provinces: ['noord-holland'] })).toHaveLength(1);
});
