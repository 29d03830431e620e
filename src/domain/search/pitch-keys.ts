/**
 * Home of what the pitch search adds to a pitch's own words: the parts of its compounds and the
 * synonyms of what it uses, as keys (pitches.search_keys, indexed by pitches_fts). The pitch's own
 * words are indexed as written and found through the query's word forms (domain/search-query.ts);
 * these keys let "subsidie" find a pitch about "loonkostensubsidie" and "Wajong" one about people
 * with an occupational disability. Written with the pitch's text, so there is no lexicon to load:
 * the compounds are split against the pitch's own words and the field's common parts.
 */
import { createLexicon } from './compounds.ts';
import { indexKeys } from './index-keys.ts';
import { foldedWords } from './words.ts';

export interface PitchText {
  title: string;
  area: string;
  challenge: string;
  ask: string;
}

/** The keys, space-separated; the pitch's own keys are left out (its words already find it). */
export function pitchSearchKeys(pitch: PitchText): string {
  const words = foldedWords([pitch.title, pitch.area, pitch.challenge, pitch.ask].join('\n'));
  const { own, parts, synonyms } = indexKeys(words, createLexicon(words));
  const added = new Set([...parts, ...synonyms]);
  for (const key of own) added.delete(key);
  return [...added].join(' ');
}
