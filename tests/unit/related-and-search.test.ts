import { describe, expect, test } from 'vitest';
import { relatedCases } from '#domain/related.ts';
import { searchKeywords } from '#domain/search-keywords.ts';
import { comparisonRows } from '#domain/instrument-comparison.ts';
import { instruments, sectors, targetGroups } from '#domain/facets.ts';

const base = { sectors: [], targetGroups: [], instruments: [], municipalities: [], provinces: [], regions: [] };

describe('relatedCases', () => {
  test('kiest wie de meeste facetten deelt, instrumenten het zwaarst, en nooit zichzelf', () => {
    const current = { ...base, id: 'a', instruments: ['jobcoaching-loonwaarde'], sectors: ['logistiek'] };
    const all = [
      current,
      { ...base, id: 'b', sectors: ['logistiek'] },
      { ...base, id: 'c', instruments: ['jobcoaching-loonwaarde'] },
      { ...base, id: 'd', sectors: ['zorg'] },
    ];
    expect(relatedCases(current, all).map((c) => c.id)).toEqual(['c', 'b']);
  });
});

describe('searchKeywords', () => {
  test('synoniemen uit het vakgebied: Wajong bij arbeidsbeperking, banenafspraak bij garantiebanen', () => {
    expect(searchKeywords({ targetGroups: ['arbeidsbeperking'] })).toContain('Wajong');
    expect(searchKeywords({ instruments: ['garantiebanen'] })).toContain('banenafspraak');
    expect(searchKeywords({ targetGroups: ['bijstand'] })).toContain('Participatiewet');
  });
});

describe('vocabulaires', () => {
  test.each([['sectoren', sectors], ['doelgroepen', targetGroups], ['instrumenten', instruments]])('%s hebben unieke ids en labels', (_name, vocab) => {
    const ids = vocab.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(vocab.terms.map((t) => t.label)).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('comparisonRows', () => {
  test('toont altijd de vier programmasteden, ook zonder uitspraak, en daarna andere gemeenten', () => {
    const rows = comparisonRows([
      { municipality: 'zwolle', statement: 'x', evidence: 'ervaring', source: 's' },
      { municipality: 'utrecht', statement: 'y', evidence: 'ambitie', source: 's' },
    ]);
    expect(rows.map((r) => r.municipality)).toEqual(['utrecht', 'amsterdam', 'zoetermeer', 'nijmegen', 'zwolle']);
    expect(rows[1]!.stances).toEqual([]);
  });
});
