/**
 * Home of reading a date as a person types it. Dutch people write 1-3-2027, 01-03-2027,
 * 1/3/2027, 1.3.2027, 1 maart 2027 or 1 mrt 2027 (day first, always); a browser's date field
 * posts 2027-03-01. Every date field of the site reads its value here, so "1 maart" means the
 * same in the offer form, the pitch form and the calendar. A day that does not exist
 * (31-2-2027) is refused with a message that says so, instead of rolling over to March.
 * Pure: no clock; whether a day is too early or too late is the form's own question.
 */

/** Month names and the abbreviations people use, lower case, without a trailing dot. */
const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'jan'],
  ['februari', 'feb', 'febr'],
  ['maart', 'mrt', 'mar', 'maa'],
  ['april', 'apr'],
  ['mei'],
  ['juni', 'jun'],
  ['juli', 'jul'],
  ['augustus', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const monthByName = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

/** The full Dutch name of month 1–12. */
const monthName = (month: number) => MONTHS[month - 1]![0]!;

/** The example every message gives, in the two ways people write it. */
export const TYPED_DATE_EXAMPLE = '1-3-2027 of 1 maart 2027';

export type TypedDate = { ok: true; day: string } | { ok: false; reason: 'empty' | 'unreadable' | 'impossible'; message: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The number of days in a month of a year (February has 29 in a leap year). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day, month and year as typed, or null when the text is no date in any form we read. */
function parts(text: string): { day: number; month: number | null; monthText?: string; year: number } | null {
  // What a date field posts: 2027-03-01 (also 2027-3-1).
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  // Day first, with -, / or . between: 1-3-2027, 01/03/2027, 1.3.2027.
  const numeric = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(text);
  if (numeric) return { day: Number(numeric[1]), month: Number(numeric[3]), year: Number(numeric[4]) };
  // 1 maart 2027, 1 mrt. 2027, 1-mrt-2027.
  const named = /^(\d{1,2})(?:\s+|\s*-\s*)([a-z]+)\.?(?:\s+|\s*-\s*)(\d{4})$/.exec(text);
  if (named) return { day: Number(named[1]), month: monthByName.get(named[2]!) ?? null, monthText: named[2], year: Number(named[3]) };
  return null;
}

/**
 * A typed date as YYYY-MM-DD, or why not in Dutch (for the field's message). Surrounding
 * spaces, a weekday in front ("maandag 1 maart 2027") and capitals do not matter.
 */
export function parseTypedDate(input: string | null | undefined): TypedDate {
  const text = (input ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?\s+/, '');
  if (text === '') return { ok: false, reason: 'empty', message: 'Vul een datum in.' };
  const found = text.length <= 40 ? parts(text) : null;
  if (!found) return { ok: false, reason: 'unreadable', message: `Vul een datum in zoals ${TYPED_DATE_EXAMPLE}.` };
  const { day, month, year } = found;
  if (month === null) return { ok: false, reason: 'unreadable', message: `"${found.monthText}" kennen we niet als maand. Vul een datum in zoals ${TYPED_DATE_EXAMPLE}.` };
  if (month < 1 || month > 12) return { ok: false, reason: 'impossible', message: `Een jaar heeft 12 maanden; maand ${month} bestaat niet. Vul een datum in zoals ${TYPED_DATE_EXAMPLE}.` };
  if (year < 1000) return { ok: false, reason: 'unreadable', message: `Vul het jaar in met vier cijfers, zoals ${TYPED_DATE_EXAMPLE}.` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, reason: 'impossible', message: `${day} ${monthName(month)} ${year} bestaat niet: ${monthName(month)} ${year} heeft ${last} dagen. Kies een andere dag.` };
  }
  return { ok: true, day: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** The day as YYYY-MM-DD when the text is a readable date, else the text as typed (for a form that checks later). */
export function normaliseTypedDate(text: string): string {
  const typed = parseTypedDate(text);
  return typed.ok ? typed.day : text.trim();
}

/** Why a typed date is no date, in Dutch; undefined when it is one, or empty. */
export function typedDateProblem(text: string): string | undefined {
  const typed = parseTypedDate(text);
  return typed.ok || typed.reason === 'empty' ? undefined : typed.message;
}
