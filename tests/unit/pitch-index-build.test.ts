/** The facet index's pure part (build, patch, questions) on rows made up here: no database needed. */
import { describe, expect, test } from 'vitest';
import { buildPitchIndex, patchPitchIndex, type FacetRowForIndex, type PitchRowForIndex } from '#features/marketplace/pitch-index/build.ts';
import { countsByMunicipality, featuredSeqs } from '#features/marketplace/pitch-index/query.ts';

const places = new Map([
  ['zaanstad', { province: 'noord-holland', region: 'zaanstreek-waterland' }],
  ['utrecht', { province: 'utrecht', region: 'midden-utrecht' }],
]);
const row = (seq: number, municipality: string, closing: string, extra: Partial<PitchRowForIndex> = {}): PitchRowForIndex => ({
  seq,
  municipality_id: municipality,
  status: 'published',
  closing_date: closing,
  published_at: 1_000 + seq,
  featured: 0,
  ...extra,
});
const noFacets: FacetRowForIndex[] = [];

describe('pitch-index zonder database', () => {
  test('telt per gemeente alle openbare pitches, de open ervan (sluitdatum vandaag telt nog mee) en de demopitches apart', () => {
    const index = buildPitchIndex(1, [row(1, 'zaanstad', '2026-12-07'), row(2, 'zaanstad', '2026-12-06', { demo: 1 }), row(3, 'utrecht', '2027-01-01', { status: 'closed' })], noFacets, places);
    expect(index.size).toBe(3);
    const counts = countsByMunicipality(index, '2026-12-07');
    expect(counts.get('zaanstad')).toEqual({ total: 2, open: 1, demo: 1 });
    expect(counts.get('utrecht')).toEqual({ total: 1, open: 0, demo: 0 });
  });

  test('uitgelicht: alleen open pitches, nieuwste eerst, hoogstens het gevraagde aantal', () => {
    const index = buildPitchIndex(1, [row(1, 'zaanstad', '2027-01-01', { featured: 1 }), row(2, 'utrecht', '2027-01-01', { featured: 1 }), row(3, 'utrecht', '2026-01-01', { featured: 1 })], noFacets, places);
    expect(featuredSeqs(index, '2026-12-07', 5).sort()).toEqual([1, 2]);
    expect(featuredSeqs(index, '2026-12-07', 1)).toHaveLength(1);
  });

  test('bijwerken vervangt een gewijzigde pitch en laat een verdwenen pitch weg', () => {
    const index = buildPitchIndex(1, [row(1, 'zaanstad', '2027-01-01'), row(2, 'utrecht', '2027-01-01')], noFacets, places);
    const patched = patchPitchIndex(index, 2, new Set([1, 2]), [row(2, 'zaanstad', '2027-01-01')], noFacets, places);
    expect(patched.version).toBe(2);
    expect(patched.size).toBe(1);
    expect(countsByMunicipality(patched, '2026-12-07').get('zaanstad')).toEqual({ total: 1, open: 1, demo: 0 });
  });
});
