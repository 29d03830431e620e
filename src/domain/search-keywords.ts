/**
 * Words to add to a page's search index so that the field's synonyms find it: a page tagged
 * "arbeidsbeperking" is also found by "Wajong", one tagged "garantiebanen" by "banenafspraak".
 */
import { instruments, sectors, targetGroups, type FacetTerm } from './facets.ts';

function termsFor(vocab: { terms: readonly FacetTerm[] }, ids: readonly string[]): string[] {
  return vocab.terms.filter((term) => ids.includes(term.id)).flatMap((term) => [term.label, ...term.synonyms]);
}

export function searchKeywords(tags: { sectors?: readonly string[]; targetGroups?: readonly string[]; instruments?: readonly string[] }): string[] {
  const words = [
    ...termsFor(sectors, tags.sectors ?? []),
    ...termsFor(targetGroups, tags.targetGroups ?? []),
    ...termsFor(instruments, tags.instruments ?? []),
  ];
  return [...new Set(words)];
}
