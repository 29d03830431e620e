/**
 * The line under a pitch's title in the search results: open or closed, where, and until when
 * one can respond. One wording for the page and for /zoeken/pitches.json (as-you-type).
 */
import { dutchDate } from '#domain/amsterdam-time.ts';
import type { PitchHit } from '#features/marketplace/pitch-search.ts';

export function pitchHitLine(hit: Pick<PitchHit, 'open' | 'municipalityName' | 'area' | 'closingDate'>): { badge: string; text: string } {
  return {
    badge: hit.open ? 'Pitch: open' : 'Pitch: gesloten',
    text: `${hit.municipalityName}, ${hit.area}.${hit.open ? ` Reageren kan tot en met ${dutchDate(hit.closingDate)}.` : ' Nieuwe aanbiedingen zijn niet meer mogelijk.'}`,
  };
}
