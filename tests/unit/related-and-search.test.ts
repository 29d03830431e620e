import { describe, expect, test } from 'vitest';
import { relatedCases } from '#domain/related.ts';
import { relatedPracticesAndPlans } from '#features/catalog/practices-and-plans.ts';
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

  test('een casuspagina noemt verwante plannen apart van verwante praktijkvoorbeelden, elk in de volgorde van relatedCases', () => {
    const practice = { evidence: 'ervaring', status: 'lopend' } as const;
    const plan = { evidence: 'ambitie', status: 'voornemen' } as const;
    const make = (id: string, data: { evidence: 'ervaring' | 'ambitie'; status: 'lopend' | 'voornemen' }, municipalities: string[]) => ({ ...base, id, municipalities, entry: { data } });
    const current = make('a', practice, ['utrecht']);
    const all = [
      current,
      make('plan-1', plan, ['utrecht']),
      make('plan-2', plan, ['utrecht']),
      make('praktijk-1', practice, ['utrecht']),
      make('elders', practice, ['zwolle']),
    ];
    const related = relatedPracticesAndPlans(current, all);
    expect(related.practices.map((c) => c.id)).toEqual(['praktijk-1']);
    expect(related.plans.map((c) => c.id)).toEqual(['plan-1', 'plan-2']);
    expect(relatedPracticesAndPlans(current, all, 1).plans.map((c) => c.id)).toEqual(['plan-1']);
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
