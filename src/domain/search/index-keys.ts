/**
 * Home of what a text gives a search index: its own keys, the keys of its compounds' parts, and
 * the keys its synonyms add (domain/search/). The knowledge base's records and the pitches'
 * search keys are both made from this, each weighting the three as it needs.
 */
import { compoundParts, type Lexicon } from './compounds.ts';
import { stemDutch } from './dutch-stem.ts';
import { synonymExpansions } from './synonyms.ts';

/** From the folded words of a text (words.ts foldedWords), in order. */
export function indexKeys(words: readonly string[], lexicon: Lexicon): { own: string[]; parts: string[]; synonyms: string[] } {
  const own = words.map(stemDutch);
  return { own, parts: words.flatMap((word) => compoundParts(word, lexicon)), synonyms: synonymExpansions(own) };
}
