/** Dutch wording for pitch lists and feeds, in one place so cards, headings and feeds agree. */
import { helpKinds } from '#domain/help-kinds.ts';
import { dutchDate } from '#domain/amsterdam-time.ts';

/** "1 pitch" / "3 pitches". */
export function countPitches(n: number): string {
  return `${n} ${n === 1 ? 'pitch' : 'pitches'}`;
}

/**
 * "Al 10 werkgevers doen mee" while open; in the past tense once closed. The one wording of the
 * joined count (offer-counts.ts) on the pitch list, the pitch page and the owners' offers page.
 * `invite`: with none yet, ask the reader to be the first (the public list).
 */
export function employersJoinedText(n: number, open: boolean, invite = false): string {
  if (!open) return n === 0 ? 'Geen werkgevers deden mee' : n === 1 ? '1 werkgever deed mee' : `${n} werkgevers deden mee`;
  if (n === 0) return invite ? 'Nog geen werkgevers: doe als eerste mee' : 'Nog geen werkgevers doen mee';
  return n === 1 ? '1 werkgever doet mee' : `Al ${n} werkgevers doen mee`;
}

/** "1 persoon geplaatst" / "2 mensen geplaatst": the people a closed pitch placed. */
export function peoplePlacedText(n: number): string {
  return n === 1 ? '1 persoon geplaatst' : `${n} mensen geplaatst`;
}

/** A closing date (YYYY-MM-DD, a day in Amsterdam) as "12 maart 2026". */
export function formatClosingDate(day: string): string {
  return dutchDate(day);
}

/** The Dutch label of a kind of help; an id no longer in the vocabulary is shown as is, not an error. */
export function helpKindLabel(id: string): string {
  return helpKinds.terms.find((term) => term.id === id)?.label ?? id;
}

