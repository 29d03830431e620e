/**
 * Home of finding the parts of Dutch compounds, so that a part finds the whole:
 * "subsidie" finds "loonkostensubsidie", "sorteercentrum" finds "pakketsorteercentra". Dutch
 * writes compounds as one word, so without this a word that stands inside a longer word on a
 * page is never found.
 *
 * A word is split where both sides are words the lexicon knows (or can be split again), with
 * the linking sounds Dutch puts between parts ("loonkosten|subsidie", "arbeid-s-beperking",
 * "jongere-n-pact"). The lexicon is the set of keys of words that stand on their own somewhere
 * in the knowledge base, plus a short list of common parts, so a split never invents a word
 * the site does not use: "regelluw" stays whole (no "luw"), "werkgever" gives "werk" and "gever"
 * only if "gever" stands alone somewhere.
 */
import { stemDutch } from './dutch-stem.ts';

/** Parts shorter than this are never split off (except the abbreviations in SHORT_PARTS). */
const MIN_PART = 4;
/** A modifier the lexicon does not know counts when it and the known head have at least this many letters. */
const LONG_PART = 6;
/** Only words at least this long are tried. */
const MIN_COMPOUND = 7;
/** Short words that do stand as a part ("mbo-opleiding" is hyphenated, "mbostage" is not). */
const SHORT_PARTS = new Set(['mbo', 'hbo', 'bbl', 'bol', 'ict', 'wsp', 'sw']);
/** Endings and fragments that are never a part of their own, even if a page uses them alone. */
const NEVER_PARTS = new Set(['heid', 'ing', 'lijk', 'baar', 'schap', 'isch', 'ster', 'tje', 'ende', 'erij', 'iteit']);

/**
 * Common parts of the field's compounds, for pitches and pages that use a compound whose parts
 * no page uses alone.
 */
export const COMMON_PARTS = [
  'werk', 'baan', 'plek', 'plaats', 'loon', 'kosten', 'subsidie', 'bedrijf', 'school', 'centrum', 'winkel',
  'gever', 'nemer', 'zoekende', 'leer', 'stage', 'jongere', 'oudere', 'wijk', 'buurt', 'regio', 'markt',
  'arbeid', 'beperking', 'afstand', 'garantie', 'afspraak', 'pact', 'traject', 'coach', 'begeleiding',
  'schoonmaak', 'logistiek', 'pakket', 'sorteer', 'zorg', 'bouw', 'techniek', 'opleiding', 'scholing',
  'basis', 'houder', 'gerechtigde', 'team', 'dienst', 'verlening', 'ontwikkeling', 'voorziening',
];

/** The keys a compound may be built from. */
export interface Lexicon {
  has(key: string): boolean;
}

/** A lexicon of the keys of these words (the knowledge base's words) and COMMON_PARTS. */
export function createLexicon(foldedWords: Iterable<string>): Lexicon {
  const keys = new Set<string>(commonKeys);
  for (const word of foldedWords) {
    if (/\d/.test(word)) continue;
    if (word.length >= MIN_PART || SHORT_PARTS.has(word)) keys.add(stemDutch(word));
  }
  for (const never of NEVER_PARTS) keys.delete(never);
  return { has: (key) => keys.has(key) };
}

const commonKeys = COMMON_PARTS.map(stemDutch);

/** Linking sounds between two parts, tried after the part as written. */
const LINKS = ['', 's', 'en', 'e', 'n'];

/**
 * The keys of the parts of a folded word, the word's own key not included; empty when it is
 * not a compound the lexicon can explain. "loonkostensubsidie" → ["loonkost", "subsidie"] (and
 * the parts of "loonkosten" if it splits too).
 */
export function compoundParts(folded: string, lexicon: Lexicon): string[] {
  const memo = new Map<string, string[] | null>();
  const parts = split(folded, lexicon, memo, true);
  return parts ? [...new Set(parts)].filter((key) => key !== stemDutch(folded)) : [];
}

/**
 * The parts of a word, or null when it cannot be split into known parts: the union over every
 * way to split it, so "loonkostensubsidie" gives "loon", "kosten" and "loonkosten" as well as
 * "subsidie". Memoised per call.
 */
function split(word: string, lexicon: Lexicon, memo: Map<string, string[] | null>, whole = false): string[] | null {
  if (memo.has(word)) return memo.get(word)!;
  memo.set(word, null);
  const found: string[] = [];
  // Vouching is the last resort: only for a whole word no known parts explain ("statushouders"
  // splits as status|houders, so never as statush|ouders).
  for (const vouch of whole ? [false, true] : [false]) {
    if (word.length < MIN_COMPOUND || found.length > 0) break;
    for (let at = MIN_PART - 1; at <= word.length - MIN_PART; at++) {
      const head = word.slice(at);
      // A part that splits again counts whole too: "sorteercentrum" finds "pakketsorteercentra".
      const headSplit = split(head, lexicon, memo);
      const headParts = known(head, lexicon) || headSplit ? [stemDutch(head), ...(headSplit ?? [])] : [];
      if (headParts.length === 0) continue;
      const modifier = word.slice(0, at);
      const modifierParts = modifierOf(modifier, head, lexicon, memo, vouch);
      if (modifierParts) found.push(...modifierParts, ...headParts);
    }
  }
  const result = found.length > 0 ? [...new Set(found)] : null;
  memo.set(word, result);
  return result;
}

/**
 * The parts of a compound's modifier (the part before the head), trying the linking sounds:
 * first a modifier the lexicon knows or can split; failing that, when vouching, a long
 * modifier a long known head vouches for ("vluchtelingen|achtergrond"), linking sound off.
 */
function modifierOf(modifier: string, head: string, lexicon: Lexicon, memo: Map<string, string[] | null>, vouch: boolean): string[] | null {
  const bares = LINKS.filter((link) => modifier.endsWith(link)).map((link) => modifier.slice(0, modifier.length - link.length));
  for (const bare of bares) {
    const bareSplit = split(bare, lexicon, memo);
    if (known(bare, lexicon) || bareSplit) return [stemDutch(bare), ...(bareSplit ?? [])];
  }
  if (!vouch || head.length < LONG_PART || !known(head, lexicon)) return null;
  const bare = bares.filter((candidate) => candidate.length >= LONG_PART).at(-1);
  return bare ? [stemDutch(bare)] : null;
}

function known(word: string, lexicon: Lexicon): boolean {
  return (word.length >= MIN_PART || SHORT_PARTS.has(word)) && !NEVER_PARTS.has(word) && lexicon.has(stemDutch(word));
}
