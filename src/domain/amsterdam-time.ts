/**
 * The one home of civil time in the Netherlands: no other module names the time zone. Days are
 * YYYY-MM-DD as the calendar on the wall in Amsterdam shows them (a pitch's closing day, a
 * follow-up's due day, a case's published day), instants are UTC milliseconds (what the
 * database keeps), and everything between the two, and every Dutch date text, comes from here.
 *
 * People type a day and a time as they read it on the clock in the Netherlands; the database
 * keeps the instant. Two days a year the clock jumps: on the last Sunday of
 * March 02:00–02:59 does not exist (the clock goes from 02:00 to 03:00), and on the last Sunday
 * of October 02:00–02:59 happens twice. `amsterdamInstant` says which case a time is, so the
 * form can refuse a time that does not exist instead of silently moving it an hour.
 * Pure: the time zone rules come from the runtime's Intl (ICU), no clock of its own.
 */

/** The IANA time zone of the Netherlands (the only place this name is written). */
export const AMSTERDAM = 'Europe/Amsterdam';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: AMSTERDAM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** A day and time on the clock in Amsterdam. */
export interface WallTime {
  /** YYYY-MM-DD */
  day: string;
  /** HH:MM, 24 hours */
  time: string;
}

/** The day and time the clock in Amsterdam shows at an instant. */
export function amsterdamWallTime(instant: number | Date): WallTime {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The calendar day (YYYY-MM-DD) it is in Amsterdam at an instant: "today" for closing and due days. */
export function amsterdamDate(now: number | Date): string {
  return amsterdamWallTime(now).day;
}

/** The hour (0–23) the clock in Amsterdam shows at an instant. */
export function amsterdamHour(now: number | Date): number {
  return Number(amsterdamWallTime(now).time.slice(0, 2));
}

/** "10:23": the time on the clock in Amsterdam at an instant. */
export function amsterdamClockTime(instant: number | Date): string {
  return amsterdamWallTime(instant).time;
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function amsterdamOffsetMinutes(instant: number): number {
  const { day, time } = amsterdamWallTime(instant);
  return Math.round((asUtc(day, time) - Math.floor(instant / MINUTE) * MINUTE) / MINUTE);
}

/**
 * An instant as ISO 8601 on the clock in Amsterdam, with its offset from UTC:
 * "2027-03-21T14:00:00+01:00" (what open data and structured data give, so a reader sees the
 * local time and a program the exact instant).
 */
export function amsterdamIsoDateTime(instant: number): string {
  const { day, time } = amsterdamWallTime(instant);
  const offset = amsterdamOffsetMinutes(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  const seconds = two(new Date(instant).getUTCSeconds());
  return `${day}T${time}:${seconds}${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/** The wall time read as if it were UTC (the first step of every conversion). */
function asUtc(day: string, time: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, h, min);
}

/** A real calendar day in YYYY-MM-DD (not 2026-02-31). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * A time as people type it, as HH:MM: "14:00", "14.00", "9:30", "9.30" (the browser's time
 * field sends "14:00"); null when it is no time of day.
 */
export function normaliseTime(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

export type AmsterdamInstant =
  | { ok: true; instant: number; /** The time happens twice (the October change); the first, summer-time, one is meant. */ ambiguous: boolean }
  | { ok: false; reason: 'invalid-day' | 'invalid-time' | 'does-not-exist' };

/**
 * The instant a day and time on the Amsterdam clock mean. Each offset Amsterdam uses around
 * that day is tried, and kept when it reads back as the same wall time: none fits in the
 * spring gap ('does-not-exist'), two fit in the autumn overlap (the earlier is taken: that is
 * how the day is lived, and what calendar programs do too).
 */
export function amsterdamInstant(day: string, time: string): AmsterdamInstant {
  if (!isCalendarDay(day)) return { ok: false, reason: 'invalid-day' };
  const clock = normaliseTime(time);
  if (!clock) return { ok: false, reason: 'invalid-time' };
  const naive = asUtc(day, clock);
  const offsets = new Set([amsterdamOffsetMinutes(naive - DAY), amsterdamOffsetMinutes(naive), amsterdamOffsetMinutes(naive + DAY)]);
  const fits = [...offsets]
    .map((offset) => naive - offset * MINUTE)
    .filter((instant) => {
      const back = amsterdamWallTime(instant);
      return back.day === day && back.time === clock;
    })
    .sort((a, b) => a - b);
  if (fits.length === 0) return { ok: false, reason: 'does-not-exist' };
  return { ok: true, instant: fits[0]!, ambiguous: fits.length > 1 };
}

/** The first instant of a day in Amsterdam (00:00 exists every day: the clock changes at 02:00). */
export function startOfAmsterdamDay(day: string): number {
  const result = amsterdamInstant(day, '00:00');
  if (!result.ok) throw new Error(`Ongeldige dag: ${day}`);
  return result.instant;
}

/** The last millisecond of a calendar day in Amsterdam: a closing day is open through this instant. */
export function endOfAmsterdamDay(day: string): number {
  return startOfAmsterdamDay(nextDay(day)) - 1;
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** A YYYY-MM-DD day moved by whole days (calendar arithmetic, no time zone). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const weekdayFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long' });
const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "donderdag 21 maart 2027" for a YYYY-MM-DD day. */
export function dutchDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return `${weekdayFormat.format(date)} ${dateFormat.format(date)}`;
}

/** "21 maart 2027" for a YYYY-MM-DD day (a calendar day: no time zone shift). */
export function dutchDate(day: string): string {
  // Read at noon UTC, so the formatter, set to UTC, cannot land on a neighbouring day.
  return dateFormat.format(new Date(`${day}T12:00:00Z`));
}

/** "21 maart 2027": the day it is in Amsterdam at an instant. */
export function dutchDateAt(instant: number | Date): string {
  return dutchDate(amsterdamDate(instant));
}

/** "14.00": how Dutch writes a time of day. */
export function dutchTime(time: string): string {
  return time.replace(':', '.');
}

/** What the calendar needs to say when something happens. */
export interface TimeSpan {
  startsAt: number;
  endsAt: number;
  /** Whole days: start is the first instant of the first day, end the first instant after the last day. */
  allDay: boolean;
}

/** The first and last calendar day (Amsterdam) a span covers. */
export function spanDays(span: TimeSpan): { first: string; last: string } {
  const first = amsterdamWallTime(span.startsAt).day;
  // The end is exclusive: an activity until 17:00 ends that day, an all-day one at the next midnight.
  const last = amsterdamWallTime(span.endsAt - 1).day;
  return { first, last: last < first ? first : last };
}

/**
 * When, in Dutch, as the activity page says it: "donderdag 21 maart 2027, 14.00–17.00 uur";
 * over several days "vrijdag 1 oktober 2027, 09.00 uur tot zaterdag 2 oktober 2027, 17.00 uur";
 * all day "donderdag 21 maart 2027 (hele dag)" or "… tot en met …".
 */
export function dutchSpan(span: TimeSpan): string {
  const { first, last } = spanDays(span);
  if (span.allDay) return first === last ? `${dutchDay(first)} (hele dag)` : `${dutchDay(first)} tot en met ${dutchDay(last)}`;
  const start = amsterdamWallTime(span.startsAt);
  const end = amsterdamWallTime(span.endsAt);
  if (start.day === end.day) return `${dutchDay(start.day)}, ${dutchTime(start.time)}–${dutchTime(end.time)} uur`;
  return `${dutchDay(start.day)}, ${dutchTime(start.time)} uur tot ${dutchDay(end.day)}, ${dutchTime(end.time)} uur`;
}

/** The month (YYYY-MM) of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** A YYYY-MM month moved by whole months. */
export function addMonthsToMonth(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * A calendar day (YYYY-MM-DD) plus whole months, clamped to the last day of the target month:
 * 31 August + 6 months is the end of February, not 3 March as SQLite's date() would say.
 */
export function addMonthsToDay(day: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`Ongeldige datum: ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  // Day 0 of the next month is the last day of this one (UTC: no clock changes in the way).
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(date, lastDay))}`;
}

/** Is this a YYYY-MM month between 2000 and 2199 (the month view refuses the rest with a 404)? */
export function isMonth(text: string): boolean {
  return /^(20|21)\d{2}-(0[1-9]|1[0-2])$/.test(text);
}

const monthFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** "maart 2027" for 2027-03. */
export function dutchMonth(month: string): string {
  return monthFormat.format(new Date(`${month}-15T12:00:00Z`));
}

/**
 * The weeks of a month as the month view draws them: Monday first, seven days per week, the
 * days of the neighbouring months as null.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const weekdayMondayFirst = (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: weekdayMondayFirst }, () => null);
  for (let day = first; monthOf(day) === month; day = nextDay(day)) days.push(day);
  while (days.length % 7 !== 0) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}
