/**
 * Practices and plans counted apart: a programme's ambition or a proposal is a plan, not a place
 * where a practice happens. The practice map numbers its markers with practices only, and an
 * area with plans alone gets no marker (it stays in the list, with its plans named).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { countPracticesAndPlans, isPlan, practicesAndPlansText, type PlanFacts } from '#domain/practice-counts.ts';
import { practiceAreas } from '#features/catalog/map-areas.ts';
import type { CaseStatus, EvidenceKind } from '#domain/facets.ts';

interface Item extends PlanFacts {
  id: string;
  municipalities: string[];
}
const item = (id: string, municipalities: string[], evidence: EvidenceKind, status: CaseStatus): Item => ({ id, municipalities, evidence, status });

describe('wat een plan is', () => {
  test('een ambitie uit een programma en een voorstel zijn plannen; een resultaat, ervaring of lopende pitch niet', () => {
    expect(isPlan({ evidence: 'ambitie', status: 'voornemen' })).toBe(true);
    expect(isPlan({ evidence: 'ambitie', status: 'lopend' })).toBe(true);
    expect(isPlan({ evidence: 'pitch', status: 'voornemen' })).toBe(true);
    expect(isPlan({ evidence: 'resultaat', status: 'lopend' })).toBe(false);
    expect(isPlan({ evidence: 'ervaring', status: 'afgerond' })).toBe(false);
    expect(isPlan({ evidence: 'pitch', status: 'gepitcht' })).toBe(false);
  });

  test('tellen en zeggen: "3 praktijkvoorbeelden, 2 plannen"', () => {
    const items = [item('a', [], 'resultaat', 'lopend'), item('b', [], 'ambitie', 'voornemen'), item('c', [], 'ervaring', 'lopend'), item('d', [], 'ambitie', 'voornemen'), item('e', [], 'pitch', 'gepitcht')];
    const count = countPracticesAndPlans(items, (i) => i);
    expect(count).toEqual({ practices: 3, plans: 2 });
    expect(practicesAndPlansText(count)).toBe('3 praktijkvoorbeelden, 2 plannen');
    expect(practicesAndPlansText({ practices: 1, plans: 0 })).toBe('1 praktijkvoorbeeld');
    expect(practicesAndPlansText({ practices: 0, plans: 1 })).toBe('1 plan');
    expect(practicesAndPlansText({ practices: 0, plans: 3 })).toBe('3 plannen');
  });
});

describe('per gebied op de kaart', () => {
  const items = [
    item('facilicom', ['utrecht'], 'ervaring', 'lopend'),
    item('vijftig-plus', ['utrecht'], 'ambitie', 'voornemen'),
    item('migranten', ['utrecht', 'nijmegen'], 'ambitie', 'voornemen'),
    item('jongerenpact', ['nijmegen'], 'ambitie', 'voornemen'),
  ];

  test('per gemeente: Utrecht 1 praktijkvoorbeeld en 2 plannen, Nijmegen alleen plannen (geen markering)', () => {
    const areas = practiceAreas(items, (i) => i.municipalities, (i) => i, 'gemeente');
    expect(areas.map((a) => [a.name, a.practices, a.plans])).toEqual([['Nijmegen', 0, 2], ['Utrecht', 1, 2]]);
    expect(areas.filter((a) => a.practices > 0).map((a) => a.name)).toEqual(['Utrecht']);
  });

  test('per provincie telt een plan in twee gemeenten van één provincie één keer', () => {
    const areas = practiceAreas([...items, item('tweede', ['utrecht', 'amersfoort'], 'ambitie', 'voornemen')], (i) => i.municipalities, (i) => i, 'provincie');
    expect(areas.find((a) => a.name === 'Utrecht')).toMatchObject({ practices: 1, plans: 3 });
  });

  test('de inhoud van nu: Nijmegen en Zoetermeer hebben alleen plannen uit programma\'s en dus geen markering; Zaanstad telt er 2', () => {
    const dir = join(process.cwd(), 'content', 'cases');
    const cases = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ id: f, ...(parseYaml(readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]!) as Omit<Item, 'id'>) }));
    const areas = new Map(practiceAreas(cases, (c) => c.municipalities, (c) => c, 'gemeente').map((a) => [a.name, a]));
    for (const name of ['Nijmegen', 'Zoetermeer']) expect(areas.get(name), name).toMatchObject({ practices: 0 });
    expect(areas.get('Nijmegen')!.plans).toBeGreaterThan(0);
    expect(areas.get('Zaanstad')).toMatchObject({ practices: 2, plans: 0 });
  });
});
