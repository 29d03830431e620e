/**
 * Home of the field's synonyms in search, both ways: a page that says "Wajong" is found by
 * "arbeidsbeperking" and a page about people with an occupational disability by "Wajong". The
 * groups are the closed vocabularies' terms (domain/facets.ts: a term's label and its synonyms
 * form one group), so adding a synonym there is all a curator's developer needs to do.
 *
 * Expansion happens when a page is indexed, never in the query: a page that uses any member of
 * a group gets the keys of every member as extra words (weighted low), so the query stays the
 * words typed and the browser's search needs no list of synonyms.
 */
import { instruments, sectors, targetGroups, type FacetTerm } from '../facets.ts';
import { STOP_WORDS, textKeys } from './words.ts';

/** One group: each member as the keys of its words ("van werk naar werk" → werk, werk). */
export type SynonymGroup = readonly (readonly string[])[];

function groupOf(term: FacetTerm): SynonymGroup {
  return [term.label, ...term.synonyms].map((member) => textKeys(member)).filter((member) => member.length > 0);
}

/** The keys of the little words: matched as part of a member, never added to a page. */
const stopKeys = new Set([...STOP_WORDS].flatMap((word) => textKeys(word)));

/** Every group of the vocabularies. */
export const synonymGroups: readonly SynonymGroup[] = [sectors, targetGroups, instruments].flatMap((vocab) => vocab.terms.map(groupOf));

/**
 * The keys to add to a page whose own keys (in order) are these: every member of every group
 * one of whose members the page uses (a member of several words counts when its words stand
 * together). Keys the page already has are not repeated.
 */
export function synonymExpansions(keys: readonly string[], groups: readonly SynonymGroup[] = synonymGroups): string[] {
  const own = new Set(keys);
  const joined = ` ${keys.join(' ')} `;
  const added = new Set<string>();
  for (const group of groups) {
    const used = group.some((member) => (member.length === 1 ? own.has(member[0]!) : joined.includes(` ${member.join(' ')} `)));
    if (!used) continue;
    for (const member of group) for (const key of member) if (!own.has(key) && !stopKeys.has(key)) added.add(key);
  }
  return [...added];
}
