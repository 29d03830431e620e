/**
 * The facet index answers filters, counts and pages with bitsets (pitch-index/query.ts): for
 * random pitches and random filters, sorts and pages, its answer equals a plain filter over the
 * pitches written the obvious way here. No database.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildPitchIndex, buildPitchIndexFromLoaded, storedFacets, type FacetRowForIndex, type LoadedPitch, type PitchRowForIndex } from '#features/marketplace/pitch-index/build.ts';
import { viewPitchIndex } from '#features/marketplace/pitch-index/query.ts';
import { pageCountFor, pitchFacetKeys, pitchSorts, type PitchFacetKey, type PitchFilter, type PitchListState } from '#domain/pitch-filter.ts';

const places = new Map([
  ['bitmap-zaanstad', { province: 'noord-holland', region: 'zaanstreek-waterland' }],
  ['bitmap-purmerend', { province: 'noord-holland', region: 'zaanstreek-waterland' }],
  ['bitmap-haarlem', { province: 'noord-holland', region: 'zuid-kennemerland' }],
  ['bitmap-utrecht', { province: 'utrecht', region: 'midden-utrecht' }],
]);
const municipalities = [...places.keys()];
const municipalitiesIn = {
  provinces: new Map([
    ['noord-holland', ['bitmap-zaanstad', 'bitmap-purmerend', 'bitmap-haarlem']],
    ['utrecht', ['bitmap-utrecht']],
  ]),
  regions: new Map([
    ['zaanstreek-waterland', ['bitmap-zaanstad', 'bitmap-purmerend']],
    ['zuid-kennemerland', ['bitmap-haarlem']],
    ['midden-utrecht', ['bitmap-utrecht']],
  ]),
};
const TODAY = '2027-01-15';
const days = ['2027-01-10', '2027-01-14', '2027-01-15', '2027-01-16', '2027-02-01'];
// A few values per stored facet, so filters and pitches meet often.
const vocab = storedFacets.map((facet) => facet.ids.slice(0, 4));

interface Pitch {
  seq: number;
  municipality: string;
  closed: boolean;
  closing: string;
  publishedAt: number | null;
  facets: string[][];
}

const pitchArb = fc.record({
  municipality: fc.constantFrom(...municipalities),
  closed: fc.boolean(),
  closing: fc.constantFrom(...days),
  publishedAt: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  facets: fc.tuple(...vocab.map((ids) => fc.subarray(ids))),
});
const filterArb = fc.record({
  municipalities: fc.subarray(municipalities, { maxLength: 2 }),
  provinces: fc.subarray(['noord-holland', 'utrecht'], { maxLength: 1 }),
  regions: fc.subarray(['zaanstreek-waterland', 'zuid-kennemerland', 'midden-utrecht'], { maxLength: 2 }),
  targetGroups: fc.subarray(vocab[0]!, { maxLength: 2 }),
  sectors: fc.subarray(vocab[1]!, { maxLength: 2 }),
  helpKinds: fc.subarray(vocab[2]!, { maxLength: 2 }),
  status: fc.subarray(['open', 'gesloten'] as PitchListState[]),
}) satisfies fc.Arbitrary<PitchFilter>;

const isOpen = (p: Pitch) => !p.closed && p.closing >= TODAY;
/** A pitch's values for a facet key, as the list names them. */
function valuesOf(p: Pitch, key: PitchFacetKey): string[] {
  const place = places.get(p.municipality)!;
  if (key === 'municipalities') return [p.municipality];
  if (key === 'provinces') return [place.province];
  if (key === 'regions') return [place.region];
  if (key === 'status') return [isOpen(p) ? 'open' : 'gesloten'];
  return p.facets[storedFacets.findIndex((facet) => facet.key === key)]!;
}
const passes = (p: Pitch, filter: PitchFilter, key: PitchFacetKey) =>
  filter[key].length === 0 || (key === 'status' && filter.status.length === 2) || valuesOf(p, key).some((v) => filter[key].includes(v));

/** The plain answer: filter, counts per value with every other facet applied, order and page. */
function plain(pitches: Pitch[], filter: PitchFilter, sort: (typeof pitchSorts)[number], page: number, perPage: number) {
  const hits = pitches.filter((p) => pitchFacetKeys.every((key) => passes(p, filter, key)));
  const counts = Object.fromEntries(
    pitchFacetKeys.map((key) => {
      const map = new Map<string, number>();
      for (const p of pitches) {
        if (!pitchFacetKeys.every((other) => other === key || passes(p, filter, other))) continue;
        for (const v of valuesOf(p, key)) map.set(v, (map.get(v) ?? 0) + 1);
      }
      return [key, map];
    }),
  );
  const newest = (a: Pitch, b: Pitch) => (b.publishedAt ?? -Infinity) - (a.publishedAt ?? -Infinity) || b.seq - a.seq;
  const ordered =
    sort === 'nieuwste'
      ? [...hits].sort(newest)
      : sort === 'open'
        ? [...hits.filter(isOpen).sort(newest), ...hits.filter((p) => !isOpen(p)).sort(newest)]
        : [
            ...hits.filter(isOpen).sort((a, b) => a.closing.localeCompare(b.closing) || a.seq - b.seq),
            ...hits.filter((p) => !isOpen(p)).sort((a, b) => b.closing.localeCompare(a.closing) || a.seq - b.seq),
          ];
  const pageCount = pageCountFor(hits.length, perPage);
  const shown = Math.min(page, pageCount);
  return { total: hits.length, page: shown, pageCount, seqs: ordered.slice((shown - 1) * perPage, shown * perPage).map((p) => p.seq), counts };
}

describe('facet index with bitsets', () => {
  test('equals a plain filter over the pitches: total, counts per value, order and page', () => {
    fc.assert(
      fc.property(
        // Up to 100 pitches: more than three words of 32, with a partial last word.
        fc.array(pitchArb, { maxLength: 100 }),
        filterArb,
        fc.constantFrom(...pitchSorts),
        fc.integer({ min: 1, max: 4 }),
        (drawn, filter, sort, page) => {
          const pitches: Pitch[] = drawn.map((p, i) => ({ ...p, seq: i + 1 }));
          const rows: PitchRowForIndex[] = pitches.map((p) => ({
            seq: p.seq,
            municipality_id: p.municipality,
            status: p.closed ? 'closed' : 'published',
            closing_date: p.closing,
            published_at: p.publishedAt,
            featured: 0,
          }));
          const facets: FacetRowForIndex[] = pitches.flatMap((p) => storedFacets.flatMap((facet, k) => p.facets[k]!.map((value) => ({ seq: p.seq, facet: facet.kind, value }))));
          const index = buildPitchIndex(1, rows, facets, places);
          const view = viewPitchIndex(index, { filter, sort, page }, TODAY, 7, { byMunicipality: places, municipalitiesIn });
          const expected = plain(pitches, filter, sort, page, 7);
          expect({ total: view.total, page: view.page, pageCount: view.pageCount, seqs: view.seqs }).toEqual({
            total: expected.total,
            page: expected.page,
            pageCount: expected.pageCount,
            seqs: expected.seqs,
          });
          for (const key of pitchFacetKeys) expect(Object.fromEntries(view.counts[key]), key).toEqual(Object.fromEntries(expected.counts[key]!));
          // The start-up load (one JSON row, in table order) builds the same index.
          const loaded: LoadedPitch[] = [...rows].reverse().map((r) => [
            r.seq,
            r.municipality_id,
            r.status,
            r.closing_date,
            r.published_at,
            r.featured,
            0,
            facets.filter((f) => f.seq === r.seq).map((f) => `${f.facet} ${f.value}`),
          ]);
          const fromLoad = viewPitchIndex(buildPitchIndexFromLoaded(1, loaded, places), { filter, sort, page }, TODAY, 7, { byMunicipality: places, municipalitiesIn });
          expect(fromLoad).toEqual(view);
        },
      ),
      { numRuns: 50 },
    );
  });
});
