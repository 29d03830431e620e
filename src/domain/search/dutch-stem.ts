/**
 * Home of how a Dutch word is reduced to the key the search indexes and looks up, so that
 * the forms people type find each other: singular and plural ("baan", "banen"; "subsidie",
 * "subsidies"; "mens", "mensen"), diminutives ("baantje", "klusjes"), inflected adjectives
 * ("regelluwe", "sociale", "financiële") and accents typed or not ("ideeën", "ideeen").
 *
 * Why our own rules rather than Snowball's Dutch stemmer: measured on the site's own word
 * pairs (docs/decisions/dutch-search.md), Snowball leaves "subsidies", "baantjes" and
 * "klusjes" whole and splits "mens"/"mensen", "kans"/"kansen" and "klus"/"klussen", which
 * are the words this site is about. These rules only take off endings (they never decide
 * that two different words are one), and both the index and the query go through them, so a
 * rule that is linguistically rough still finds the same page both ways.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Lower case, accents off ("ideeën" → "ideeen"), only letters and digits kept. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Shortest key a rule may leave: shorter words ("de", "man", "kan") stay as they are. */
const MIN_STEM = 3;

/**
 * The search key of one word (already folded with foldWord). Words of three letters or fewer and
 * words with digits are kept whole.
 */
export function stemDutch(folded: string): string {
  if (folded.length <= MIN_STEM || /\d/.test(folded)) return folded;
  let word = withoutDiminutive(folded);
  word = withoutInflection(word);
  return normalised(word);
}

/** "baantjes" → "baan", "klusje" → "klus", "mannetje" → "mann", "boompje" → "boom". */
function withoutDiminutive(word: string): string {
  const base = word.endsWith('jes') ? word.slice(0, -3) : word.endsWith('je') ? word.slice(0, -2) : undefined;
  // "vrije", "blije": an -ije ending is an inflected adjective, not a diminutive.
  if (base === undefined || base.length < MIN_STEM || base.endsWith('i')) return word;
  if (base.endsWith('et') && base.length >= 5 && isDoubledConsonant(base.slice(0, -2))) return base.slice(0, -2); // mannetje
  if (base.endsWith('t') && base.length > MIN_STEM) return base.slice(0, -1); // baantje, cursusje stays
  if (base.endsWith('mp') && VOWELS.has(base.at(-3) ?? '') && VOWELS.has(base.at(-4) ?? '')) return base.slice(0, -1); // boompje
  return base; // klusje, briefje, huisje
}

/** Latin plurals the site uses, also at the end of a compound ("sorteercentra"). */
const LATIN_PLURALS = [
  ['centra', 'centrum'],
  ['criteria', 'criterium'],
  ['musea', 'museum'],
] as const;

/** Plural and inflection endings: -en, -s after a vowel or -el/-em/-en/-er, -e. */
function withoutInflection(word: string): string {
  const keep = (stem: string) => stem.length >= MIN_STEM;
  if (word.endsWith('eeen') || word.endsWith('ieen')) return word.slice(0, -2); // ideeën, knieën
  if (word.endsWith('heden')) return `${word.slice(0, -5)}heid`; // mogelijkheden
  for (const [plural, singular] of LATIN_PLURALS) if (word.endsWith(plural)) return word.slice(0, -plural.length) + singular;
  if (word.endsWith('en') && keep(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith('s')) {
    const stem = word.slice(0, -1);
    // "werkgevers", "subsidies", "jongens"; not "mens", "kans", "huis" (the s is part of the word).
    // A vowel before a plural s is written with an apostrophe ("auto's"), which splits the word.
    const pluralS = /(?:er|el|em|ie|je|ge)$/.test(stem) || (stem.endsWith('en') && stem.length >= 5);
    if (pluralS && keep(stem)) return stem.endsWith('ie') || stem.endsWith('je') ? stem : withoutInflection(stem);
  }
  if (word.endsWith('e') && !word.endsWith('ee') && !word.endsWith('ie') && keep(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}

/**
 * One spelling for the forms an ending leaves: doubled final consonants single ("klussen" →
 * "kluss" → "klus"), a final v or z as f or s ("bedrijven" → "bedrijf", "huizen" → "huis"),
 * and doubled vowels single everywhere ("baan" and "banen" → "ban", "sociaal" and "sociale" →
 * "social").
 */
function normalised(word: string): string {
  let key = word;
  if (isDoubledConsonant(key)) key = key.slice(0, -1);
  if (key.endsWith('v')) key = `${key.slice(0, -1)}f`;
  else if (key.endsWith('z')) key = `${key.slice(0, -1)}s`;
  return key.replace(/([aeou])\1/g, '$1');
}

function isDoubledConsonant(word: string): boolean {
  const last = word.at(-1) ?? '';
  return word.length >= 2 && last === word.at(-2) && !VOWELS.has(last);
}
