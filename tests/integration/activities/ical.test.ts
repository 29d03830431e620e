/**
 * The iCal feed read back by an independent parser (ical.js, Mozilla's), not by the library
 * that wrote it: the right instants on each side of a daylight-saving change,
 * all-day activities as whole Amsterdam days, stable UIDs, cancellations, and a filtered feed
 * that holds only the matching activities.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import ICAL from 'ical.js';
import { decideActivity, submitActivity } from '#features/activities/activities.ts';
import { activitiesForFeed } from '#features/activities/activity-list.ts';
import { activitiesCalendar } from '#features/activities/activity-ical.ts';
import { parseActivityQuery } from '#domain/activity-filter.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { testDatabase, type TestDb } from '../accounts/helpers.ts';
import { activityCast, activityForm, NOW } from './helpers.ts';

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

const origin = 'https://praktijkplein.test';

/** Submits and publishes; returns the id. */
async function published(actor: Parameters<typeof submitActivity>[1], curator: Parameters<typeof submitActivity>[1], overrides: Record<string, unknown>) {
  const result = await submitActivity(t.deps({ now: NOW }), actor, activityForm(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  const decided = await decideActivity(t.deps({ now: NOW }), curator, result.id, 1, 'publish');
  if (!decided.ok) throw new Error(JSON.stringify(decided));
  return result.id;
}

/** The feed for a list query, parsed by ical.js into its events. */
async function feed(q = '') {
  const filter = parseActivityQuery(new URLSearchParams(q), pitchPlaces().vocabulary).filter;
  const text = activitiesCalendar(await activitiesForFeed(t.handle.db, filter, NOW), { name: 'Praktijkplein: activiteiten', description: 'test', origin, url: `${origin}/activiteiten/` });
  const component = new ICAL.Component(ICAL.parse(text));
  return { text, calendar: component, events: component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('iCal-feed', () => {
  test('14:00 in Amsterdam op 24 en 26 oktober 2026 (voor en na de wisseling) is 12:00Z en 13:00Z', async () => {
    const { member, curator } = await activityCast(t);
    const before = await published(member.actor, curator, { title: 'Meet & greet voor de wisseling', startDate: '2026-10-24', startTime: '14:00', endTime: '16:00' });
    const after = await published(member.actor, curator, { title: 'Meet & greet na de wisseling', startDate: '2026-10-26', startTime: '14:00', endTime: '16:00' });
    const { events, text } = await feed();
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const first = byUid.get(`activiteit-${before}@praktijkplein.test`)!;
    const second = byUid.get(`activiteit-${after}@praktijkplein.test`)!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-10-24T12:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-10-24T14:00:00.000Z');
    expect(second.startDate.toJSDate().toISOString()).toBe('2026-10-26T13:00:00.000Z');
    expect(second.endDate.toJSDate().toISOString()).toBe('2026-10-26T15:00:00.000Z');
    // Absolute instants: a TZID without its VTIMEZONE (or a floating time) reads as local time in
    // whatever zone the reader runs, which only looks right on a machine set to UTC.
    for (const event of [first, second]) {
      for (const time of [event.startDate, event.endDate]) {
        const tzid = time.zone?.tzid;
        expect(tzid === 'UTC' || (tzid !== undefined && tzid !== 'floating' && text.includes(`TZID:${tzid}\r\n`))).toBe(true);
      }
    }
    expect(first.summary).toBe('Meet & greet voor de wisseling');
    expect(first.location).toBe('Stadhuis, Zaandam');
    expect(first.description).toContain(`${origin}/activiteiten/${before}/`);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('X-WR-CALNAME:Praktijkplein: activiteiten');
  });

  test('een hele dag is een datum (de dag in Amsterdam), het einde de dag erna', async () => {
    const { member, curator } = await activityCast(t);
    const id = await published(member.actor, curator, { allDay: 'true', startDate: '2026-10-25', startTime: '', endDate: '2026-10-26', endTime: '' });
    const [event] = (await feed()).events;
    expect(event!.uid).toBe(`activiteit-${id}@praktijkplein.test`);
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2026-10-25');
    expect(event!.endDate.toString()).toBe('2026-10-27');
  });

  test('dezelfde UID bij elke keer ophalen; na annuleren STATUS:CANCELLED met een hoger volgnummer', async () => {
    const { member, curator } = await activityCast(t);
    const id = await published(member.actor, curator, {});
    const first = (await feed()).events[0]!;
    expect(first.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    await decideActivity(t.deps({ now: NOW }), member.actor, id, 2, 'cancel', 'Zaal niet beschikbaar.');
    const again = (await feed()).events[0]!;
    expect(again.uid).toBe(first.uid);
    expect(again.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(again.sequence).toBeGreaterThan(first.sequence);
    expect(again.summary).toMatch(/^Geannuleerd: /);
  });

  test('een gefilterde feed bevat alleen de activiteiten die bij het filter passen', async () => {
    const { member, employer, curator } = await activityCast(t);
    const young = await published(member.actor, curator, { title: 'Open dag voor jongeren', kind: 'open-dag', targetGroups: ['jongeren'] });
    const online = await published(employer.actor, curator, { title: 'Webinar over jobcoaching', kind: 'anders', place: '', onlineUrl: 'https://voorbeeld.nl/webinar', targetGroups: ['arbeidsbeperking'] });
    const uids = async (q: string) => (await feed(q)).events.map((e) => e.uid).sort();
    expect(await uids('doelgroep=jongeren')).toEqual([`activiteit-${young}@praktijkplein.test`]);
    expect(await uids('online=ja')).toEqual([`activiteit-${online}@praktijkplein.test`]);
    expect(await uids('soort=open-dag&soort=anders')).toHaveLength(2);
    expect(await uids('gemeente=utrecht')).toEqual([]);
    expect(await uids('')).toHaveLength(2);
    expect((await feed('online=ja')).events[0]!.location).toBe('https://voorbeeld.nl/webinar');
  });

  test('de naam van de agenda (NAME, X-WR-CALNAME, X-WR-CALDESC) is net zo geëscaped als SUMMARY', async () => {
    const { member, curator } = await activityCast(t);
    const title = 'Open dag; DTSTART:19700101\\, test, ok';
    await published(member.actor, curator, { title });
    const items = await activitiesForFeed(t.handle.db, parseActivityQuery(new URLSearchParams(''), pitchPlaces().vocabulary).filter, NOW);
    // The single-activity file is named after its title (src/pages/activiteiten/[id]/agenda.ics.ts).
    const text = activitiesCalendar(items, { name: title, description: `Activiteit op Praktijkplein: ${title}`, origin, url: `${origin}/x/` });
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    const escaped = 'Open dag\\; DTSTART:19700101\\\\\\, test\\, ok';
    expect(unfolded).toContain(`SUMMARY:${escaped}\r\n`);
    expect(unfolded).toContain(`NAME:${escaped}\r\n`);
    expect(unfolded).toContain(`X-WR-CALNAME:${escaped}\r\n`);
    expect(unfolded).toContain(`X-WR-CALDESC:Activiteit op Praktijkplein: ${escaped}\r\n`);
    // A reader decodes the escaped text back to the typed title.
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).summary).toBe(title);
  });
});
