/**
 * How guessable a password is, offline (no outside service is reachable from here, nor needed):
 * zxcvbn-ts's estimate (@zxcvbn-ts/core 4 with the common password list, Dutch words and
 * names, and Praktijkplein's own words: site words, municipality and province names), with the
 * person's name and e-mail address as context. A score below 3 ("safely unguessable" starts
 * at 3) is refused. On top of that the older, simpler checks stay: a known
 * word with digits or signs stuck on ("zomer2026!") and the person's own name or address,
 * which zxcvbn scores as fine when the rest is long enough.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as dutch } from '@zxcvbn-ts/language-nl-be';
import { municipalityAndProvinceNames } from '#platform/place-names.ts';

/** zxcvbn's scale is 0–4; 3 and up is "safely unguessable" (a slow, offline attack). */
export const MIN_SCORE = 3;

/**
 * zxcvbn judges the first 64 characters: more characters only make a password harder to
 * guess, so a strong head means a strong password, and a weak head at worst refuses a long one.
 */
const ZXCVBN_LENGTH = 64;

/** Words anyone guessing a Praktijkplein password tries first. */
const SITE_WORDS = [
  'praktijkplein', 'praktijk', 'plein', 'gemeente', 'werkgever', 'werkgevers', 'wethouder',
  'pitch', 'pitchmarkt', 'curator', 'beheerder', 'inclusief', 'participatie', 'participatiewet', 'banenafspraak',
  'basisbaan', 'nederland', 'holland', 'wajong', 'uwv',
  // What people call places whose official name differs.
  'den bosch', 'denbosch', 'den haag', 'denhaag', 'mokum', 'amsterdam020', 'rotterdam010',
];

/** A place name as people type it: lower case, also without spaces, hyphens and apostrophes. */
function variants(name: string): string[] {
  const lower = name.toLowerCase();
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return [...new Set([lower, plain, plain.replace(/[\s'’-]+/g, ''), plain.replace(/^'s[\s-]*/, '')])];
}

function siteDictionary(): string[] {
  return [...new Set([...SITE_WORDS, ...municipalityAndProvinceNames().flatMap(variants)])];
}

let zxcvbn: ZxcvbnFactory | undefined;
let words: Set<string> | undefined;
let passwords: Set<string> | undefined;

/** Built on first use: the dictionaries take a moment to rank. */
function checker() {
  if (!zxcvbn) {
    const site = siteDictionary();
    zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common, ...dutch, praktijkplein: site },
      graphs: adjacencyGraphs,
      // zxcvbn's work grows with length and with l33t variants: with its default of 100
      // substitutions a 128-character password took ~200 ms of blocking CPU here, 16 keeps a
      // 64-character one near 25 ms and still sees "P@ssw0rd1" and "z44nst4d2024".
      l33tMaxSubstitutions: 16,
      maxLength: ZXCVBN_LENGTH,
    });
    passwords = new Set(common['passwords-common']);
    words = new Set([...dutch.commonWords, ...dutch.boysFirstnames, ...dutch.girlsFirstnames, 'wachtwoord', 'welkom', ...site].filter((word) => word.length >= 4));
  }
  return { zxcvbn, words: words!, passwords: passwords! };
}

export type CommonPasswordReason =
  | 'repeat'
  | 'sequence'
  | 'keyboard'
  | 'date'
  | 'common'
  | 'word'
  | 'site-word'
  | 'word-with-suffix'
  | 'personal'
  | 'guessable';

/** The person's words as context: name parts, the address's local part and its pieces. */
function contextWords(personal: string[]): string[] {
  const pieces = personal.flatMap((word) => [word, ...word.split(/[\s._+@-]+/)]);
  return [...new Set(pieces.map((word) => word.trim().toLowerCase()).filter((word) => word.length >= 3))];
}

/** Which of our reasons fits zxcvbn's verdict, from the patterns it matched and its warning key. */
function reasonFor(result: ZxcvbnResult): CommonPasswordReason | null {
  const dictionaries = new Set(result.sequence.map((match) => ('dictionaryName' in match ? String(match.dictionaryName) : '')));
  if (dictionaries.has('userInputs')) return 'personal';
  if (dictionaries.has('praktijkplein')) return 'site-word';
  // Without translations, zxcvbn-ts answers with its message keys: we never show its English.
  switch (result.feedback.warning) {
    case 'simpleRepeat':
    case 'extendedRepeat':
      return 'repeat';
    case 'sequences':
      return 'sequence';
    case 'straightRow':
    case 'keyPattern':
      return 'keyboard';
    case 'recentYears':
    case 'dates':
      return 'date';
    case 'topTen':
    case 'topHundred':
    case 'common':
    case 'similarToCommon':
    case 'pwned':
      return 'common';
    case 'wordByItself':
    case 'namesByThemselves':
    case 'commonNames':
      return 'word';
    case 'userInputs':
      return 'personal';
    default:
      return null;
  }
}

/** The older checks, kept because zxcvbn lets some of these pass ("zomer2026!", "Anna" + enough else). */
function wordListReason(password: string, context: string[], words: Set<string>, passwords: Set<string>): CommonPasswordReason | null {
  const lower = password.toLowerCase();
  if (passwords.has(lower) || words.has(lower)) return 'common';
  const base = lower.replace(/[\d\W_]{1,6}$/u, '');
  if (base !== lower && base.length >= 4 && (passwords.has(base) || words.has(base))) return 'word-with-suffix';
  if (context.some((part) => part.length >= 4 && lower.includes(part))) return 'personal';
  // One or two known words, repeated or glued together, with digits or signs around them
  // ("zaanstad zaanstad", "Gemeente!Zaanstad1"): a dictionary attack tries those first.
  const runs = lower.split(/[^\p{L}]+/u).filter(Boolean);
  if (runs.length > 0 && new Set(runs).size <= 2 && runs.every((run) => words.has(run) || passwords.has(run))) return 'word';
  return null;
}

/** Why a password is too easy to guess, or null when it is fine. `personal`: name and e-mail address. */
export function commonPasswordReason(password: string, personal: string[] = []): CommonPasswordReason | null {
  const { zxcvbn, words, passwords } = checker();
  const context = contextWords(personal);
  const result = zxcvbn.check([...password].slice(0, ZXCVBN_LENGTH).join(''), context);
  const listed = wordListReason(password, context, words, passwords);
  if (result.score < MIN_SCORE) return reasonFor(result) ?? listed ?? 'guessable';
  return listed;
}
