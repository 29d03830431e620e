/** Civil time in Amsterdam: the instants people mean, including the two nights a year the clock changes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  addMonthsToDay,
  addMonthsToMonth,
  amsterdamClockTime,
  amsterdamDate,
  amsterdamHour,
  amsterdamIsoDateTime,
  dutchDate,
  dutchDateAt,
  endOfAmsterdamDay,
  amsterdamInstant, amsterdamWallTime, dutchSpan, monthWeeks, normaliseTime, spanDays, startOfAmsterdamDay } from '#domain/amsterdam-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (day: string, time: string) => {
  const result = amsterdamInstant(day, time);
  if (!result.ok) throw new Error(result.reason);
  return result.instant;
};

describe('amsterdamInstant', () => {
  test('winter- en zomertijd: 14:00 is 13:00Z of 12:00Z', () => {
    expect(iso(at('2027-01-15', '14:00'))).toBe('2027-01-15T13:00:00.000Z');
    expect(iso(at('2026-07-01', '14:00'))).toBe('2026-07-01T12:00:00.000Z');
  });

  test('rond de wisseling van oktober 2026: zaterdag 24 nog zomertijd, maandag 26 wintertijd', () => {
    expect(iso(at('2026-10-24', '14:00'))).toBe('2026-10-24T12:00:00.000Z');
    expect(iso(at('2026-10-26', '14:00'))).toBe('2026-10-26T13:00:00.000Z');
  });

  test('het gat in maart: 28 maart 2027 02:30 bestaat niet; 01:59 en 03:00 wel', () => {
    expect(amsterdamInstant('2027-03-28', '02:30')).toEqual({ ok: false, reason: 'does-not-exist' });
    expect(amsterdamInstant('2027-03-28', '02:00')).toEqual({ ok: false, reason: 'does-not-exist' });
    expect(iso(at('2027-03-28', '01:59'))).toBe('2027-03-28T00:59:00.000Z');
    expect(iso(at('2027-03-28', '03:00'))).toBe('2027-03-28T01:00:00.000Z');
  });

  test('de dubbele nacht in oktober: 25 oktober 2026 02:30 komt twee keer voor; de eerste (zomertijd) wordt bedoeld', () => {
    const result = amsterdamInstant('2026-10-25', '02:30');
    expect(result).toEqual({ ok: true, instant: Date.parse('2026-10-25T00:30:00Z'), ambiguous: true });
    expect(amsterdamInstant('2026-10-25', '03:30')).toEqual({ ok: true, instant: Date.parse('2026-10-25T02:30:00Z'), ambiguous: false });
  });

  test('onzin wordt geweigerd met een reden', () => {
    expect(amsterdamInstant('2027-02-30', '10:00')).toEqual({ ok: false, reason: 'invalid-day' });
    expect(amsterdamInstant('2027-02-03', '24:00')).toEqual({ ok: false, reason: 'invalid-time' });
    expect(amsterdamInstant('2027-02-03', 'half drie')).toEqual({ ok: false, reason: 'invalid-time' });
  });

  test('tijden zoals mensen ze typen', () => {
    expect(normaliseTime('9.30')).toBe('09:30');
    expect(normaliseTime('14:00')).toBe('14:00');
    expect(normaliseTime(' 7:05 ')).toBe('07:05');
    expect(normaliseTime('7:5')).toBeNull();
  });

  test('terug naar de klok: elk moment leest als de tijd die is ingevuld', () => {
    for (const [day, time] of [['2026-10-24', '14:00'], ['2027-03-28', '03:15'], ['2026-12-31', '23:59']] as const) {
      expect(amsterdamWallTime(at(day, time))).toEqual({ day, time });
    }
  });
});

describe('in het Nederlands', () => {
  test('"donderdag 21 maart 2027, 14.00–17.00 uur"', () => {
    expect(dutchSpan({ startsAt: at('2027-03-21', '14:00'), endsAt: at('2027-03-21', '17:00'), allDay: false })).toBe('zondag 21 maart 2027, 14.00–17.00 uur');
    expect(dutchSpan({ startsAt: at('2027-03-18', '14:00'), endsAt: at('2027-03-18', '17:00'), allDay: false })).toBe('donderdag 18 maart 2027, 14.00–17.00 uur');
  });

  test('over meer dagen en hele dagen', () => {
    expect(dutchSpan({ startsAt: at('2027-10-01', '09:00'), endsAt: at('2027-10-02', '17:00'), allDay: false })).toBe('vrijdag 1 oktober 2027, 09.00 uur tot zaterdag 2 oktober 2027, 17.00 uur');
    const oneDay = { startsAt: startOfAmsterdamDay('2027-03-28'), endsAt: startOfAmsterdamDay('2027-03-29'), allDay: true };
    expect(dutchSpan(oneDay)).toBe('zondag 28 maart 2027 (hele dag)');
    expect(spanDays(oneDay)).toEqual({ first: '2027-03-28', last: '2027-03-28' });
    expect(dutchSpan({ ...oneDay, endsAt: startOfAmsterdamDay('2027-03-31') })).toBe('zondag 28 maart 2027 tot en met dinsdag 30 maart 2027');
  });
});

describe('de maand', () => {
  test('maart 2027 begint op maandag en heeft vijf weken; de dagen ervoor en erna zijn leeg', () => {
    const weeks = monthWeeks('2027-03');
    expect(weeks[0]![0]).toBe('2027-03-01');
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(monthWeeks('2026-10')[0]!.slice(0, 3)).toEqual([null, null, null]);
  });
});

describe('dagen en datums in Amsterdam', () => {
  test('de dag in Amsterdam, ook net na middernacht (UTC nog de vorige dag)', () => {
    expect(amsterdamDate(Date.parse('2026-12-01T23:00:00Z'))).toBe('2026-12-02');
    expect(amsterdamDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(amsterdamHour(Date.parse('2026-07-01T05:00:00Z'))).toBe(7);
    expect(amsterdamClockTime(Date.parse('2027-01-15T08:05:00Z'))).toBe('09:05');
  });

  test('eind van een dag: de laatste milliseconde, ook op de dag dat de klok verzet wordt', () => {
    expect(new Date(endOfAmsterdamDay('2026-03-02')).toISOString()).toBe('2026-03-02T22:59:59.999Z');
    expect(new Date(endOfAmsterdamDay('2026-03-29')).toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(new Date(endOfAmsterdamDay('2026-10-25')).toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  test('een datum in woorden: de kalenderdag zelf, of de dag in Amsterdam op een moment', () => {
    expect(dutchDate('2026-03-12')).toBe('12 maart 2026');
    expect(dutchDateAt(Date.parse('2026-06-30T22:30:00Z'))).toBe('1 juli 2026');
  });

  test('maanden erbij: een dag blijft binnen zijn maand, een maand telt door over de jaargrens', () => {
    expect(addMonthsToDay('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsToDay('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsToMonth('2026-11', 3)).toBe('2027-02');
    expect(addMonthsToMonth('2027-01', -1)).toBe('2026-12');
  });
});

describe('een moment met de Amsterdamse tijdverschuiving (schema.org startDate)', () => {
  test('rond de zomertijd: dezelfde kloktijd, een ander verschil met UTC', () => {
    expect(amsterdamIsoDateTime(at('2027-03-27', '14:00'))).toBe('2027-03-27T14:00:00+01:00');
    expect(amsterdamIsoDateTime(at('2027-03-28', '14:00'))).toBe('2027-03-28T14:00:00+02:00');
    // The last minute before the jump and the first after it (02:00 becomes 03:00).
    expect(amsterdamIsoDateTime(Date.parse('2027-03-28T00:59:00Z'))).toBe('2027-03-28T01:59:00+01:00');
    expect(amsterdamIsoDateTime(Date.parse('2027-03-28T01:00:00Z'))).toBe('2027-03-28T03:00:00+02:00');
  });

  test('rond de wintertijd: 02.30 uur komt twee keer voor, met een ander verschil', () => {
    expect(amsterdamIsoDateTime(Date.parse('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(amsterdamIsoDateTime(Date.parse('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
    expect(amsterdamIsoDateTime(at('2026-10-26', '09:15'))).toBe('2026-10-26T09:15:00+01:00');
  });

  test('de tekst wijst hetzelfde moment aan', () => {
    for (const instant of [at('2027-03-28', '03:00'), at('2026-10-25', '02:30'), Date.parse('2026-07-01T10:00:42Z')]) {
      expect(Date.parse(amsterdamIsoDateTime(instant))).toBe(Math.floor(instant / 1000) * 1000);
    }
  });
});

describe('één plek voor de tijdzone', () => {
  // Every day, hour and date text in the Netherlands goes through src/domain/amsterdam-time.ts;
  // a second spelling of the zone is how two pages came to disagree about "today".
  test('alleen src/domain/amsterdam-time.ts noemt Europe/Amsterdam', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
    })('src');
    const naming = files.filter((file) => /\.(ts|mjs|astro)$/.test(file) && readFileSync(file, 'utf8').includes('Europe/Amsterdam'));
    expect(naming.map((file) => file.split(sep).join('/'))).toEqual(['src/domain/amsterdam-time.ts']);
  });
});
