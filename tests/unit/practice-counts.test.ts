/**
 * Practices and plans counted apart: a programme's ambition, a proposal, a party's claim or a
 * pitched request is a plan, not a place where a practice happens. The practice map numbers its markers with practices only, and an
 * area with plans alone gets no marker (it stays in the list, with its plans named).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { countPracticesAndPlans, isPlan, practicesAndPlansText, splitPracticesAndPlans, type PlanFacts } from '#domain/practice-counts.ts';
import { practiceAreas } from '#features/catalog/map-areas.ts';
import { casesWithInstrument, instrumentUse, instrumentUseText, practicesAndPlans } from '#features/catalog/practices-and-plans.ts';
import { caseStatuses, evidenceBadge, evidenceKinds, labelOf, type CaseStatus, type EvidenceKind } from '#domain/facets.ts';

interface Item extends PlanFacts {
  id: string;
  municipalities: string[];
}
const item = (id: string, municipalities: string[], evidence: EvidenceKind, status: CaseStatus): Item => ({ id, municipalities, evidence, status });

describe('wat een plan is', () => {
  test('een ambitie, een voorstel, een bewering van een partij en een gepitchte vraag zijn plannen', () => {
    expect(isPlan({ evidence: 'ambitie', status: 'voornemen' })).toBe(true);
    expect(isPlan({ evidence: 'ambitie', status: 'lopend' })).toBe(true);
    expect(isPlan({ evidence: 'pitch', status: 'voornemen' })).toBe(true);
    // A party's own claim that something is achieved: no other source confirms it.
    expect(isPlan({ evidence: 'ambitie', status: 'geclaimd' })).toBe(true);
    expect(isPlan({ evidence: 'ervaring', status: 'geclaimd' })).toBe(true);
    // Asked for at the conference (Zaanstad's Poelenbrug), no follow-up known. Changed deliberately:
    // this used to count as a practice and put a pitch on Zaanstad's marker.
    expect(isPlan({ evidence: 'pitch', status: 'gepitcht' })).toBe(true);
  });

  test('een resultaat, een ervaring en een lopend experiment dat in de pitchronde werd genoemd (Zwolle) zijn praktijk', () => {
    expect(isPlan({ evidence: 'resultaat', status: 'lopend' })).toBe(false);
    expect(isPlan({ evidence: 'ervaring', status: 'afgerond' })).toBe(false);
    expect(isPlan({ evidence: 'pitch', status: 'lopend' })).toBe(false);
  });

  test('tellen en zeggen: "3 praktijkvoorbeelden, 2 plannen"', () => {
    const items = [item('a', [], 'resultaat', 'lopend'), item('b', [], 'ambitie', 'voornemen'), item('c', [], 'ervaring', 'lopend'), item('d', [], 'ambitie', 'voornemen'), item('e', [], 'pitch', 'lopend')];
    const count = countPracticesAndPlans(items, (i) => i);
    expect(count).toEqual({ practices: 3, plans: 2 });
    const split = splitPracticesAndPlans(items, (i) => i);
    expect(split.practices.map((i) => i.id)).toEqual(['a', 'c', 'e']);
    expect(split.plans.map((i) => i.id)).toEqual(['b', 'd']);
    expect(practicesAndPlansText(count)).toBe('3 praktijkvoorbeelden, 2 plannen');
    expect(practicesAndPlansText({ practices: 1, plans: 0 })).toBe('1 praktijkvoorbeeld');
    expect(practicesAndPlansText({ practices: 0, plans: 1 })).toBe('1 plan');
    expect(practicesAndPlansText({ practices: 0, plans: 3 })).toBe('3 plannen');
  });
});

describe('het bewijslabel spreekt de status niet tegen', () => {
  test('bij de status "Bereikt volgens de partij" zegt het label "Bewering van de partij", welk soort bewijs er ook staat; de status blijft een plan', () => {
    expect(labelOf(caseStatuses, 'geclaimd')).toBe('Bereikt volgens de partij');
    for (const evidence of evidenceKinds.ids) {
      expect(evidenceBadge(evidence, 'geclaimd')).toEqual({ kind: 'geclaimd', label: 'Bewering van de partij' });
      expect(isPlan({ evidence, status: 'geclaimd' })).toBe(true);
    }
  });

  test('bij elke andere status, en bij een standpunt zonder status, zegt het label het soort bewijs', () => {
    for (const status of caseStatuses.ids.filter((s) => s !== 'geclaimd')) {
      expect(evidenceBadge('ambitie', status)).toEqual({ kind: 'ambitie', label: 'Uitgesproken ambitie' });
      expect(evidenceBadge('resultaat', status)).toEqual({ kind: 'resultaat', label: 'Gemeld resultaat' });
    }
    expect(evidenceBadge('ambitie')).toEqual({ kind: 'ambitie', label: 'Uitgesproken ambitie' });
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

  test('de inhoud van nu: Nijmegen en Zoetermeer hebben alleen plannen uit programma\'s en dus geen markering; Zaanstad telt 1 praktijk (de Poelenbrug-pitch is een plan)', () => {
    const dir = join(process.cwd(), 'content', 'cases');
    const cases = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => ({ id: f, ...(parseYaml(readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]!) as Omit<Item, 'id'>) }));
    const areas = new Map(practiceAreas(cases, (c) => c.municipalities, (c) => c, 'gemeente').map((a) => [a.name, a]));
    for (const name of ['Nijmegen', 'Zoetermeer']) expect(areas.get(name), name).toMatchObject({ practices: 0 });
    expect(areas.get('Nijmegen')!.plans).toBeGreaterThan(0);
    expect(areas.get('Zaanstad')).toMatchObject({ practices: 1, plans: 1 });
  });
});

describe('per instrument en per organisatie (instrumentenlijst, instrumentpagina, organisatiepagina)', () => {
  const dir = join(process.cwd(), 'content', 'cases');
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const data = parseYaml(readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]!) as PlanFacts & { instruments: string[]; municipalities: string[] };
      return { id: f.replace(/\.mdx$/, ''), instruments: data.instruments, municipalities: data.municipalities, entry: { data } };
    });

  test('de lijstregel zegt praktijk en plannen apart; een plan "gebruikt" geen instrument', () => {
    expect(instrumentUseText({ practices: 1, plans: 0 })).toBe('Gebruikt in 1 praktijkvoorbeeld.');
    expect(instrumentUseText({ practices: 1, plans: 2 })).toBe('Gebruikt in 1 praktijkvoorbeeld. Genoemd in 2 plannen.');
    expect(instrumentUseText({ practices: 0, plans: 1 })).toBe('Nog geen praktijkvoorbeeld in de bronnen. Genoemd in 1 plan.');
    expect(instrumentUseText({ practices: 0, plans: 0 })).toBe('Nog geen praktijkvoorbeeld in de bronnen.');
  });

  test('de inhoud van nu: alleen Zwolle is praktijk bij een instrument; basisbaan, omscholing, loonkostensubsidie en sociaal inkopen hebben alleen plannen', () => {
    expect(instrumentUse(cases, 'jobcoaching-loonwaarde')).toEqual({ practices: 1, plans: 0 });
    expect(casesWithInstrument(cases, 'jobcoaching-loonwaarde').practices.map((c) => c.id)).toEqual(['zwolle-regelluw-werken']);
    for (const id of ['basisbaan', 'omscholing', 'loonkostensubsidie', 'sociaal-inkopen']) {
      expect(instrumentUse(cases, id), id).toMatchObject({ practices: 0 });
      expect(instrumentUse(cases, id).plans, id).toBeGreaterThan(0);
    }
  });

  test('de inhoud van nu: Nijmegen heeft alleen plannen, Utrecht één praktijk (Facilicom), Zaanstad één praktijk en één gepitcht plan', () => {
    const of = (municipality: string) => practicesAndPlans(cases.filter((c) => c.municipalities.includes(municipality)));
    expect(of('nijmegen').practices).toEqual([]);
    expect(of('nijmegen').plans.length).toBeGreaterThan(0);
    expect(of('utrecht').practices.map((c) => c.id)).toEqual(['facilicom-buitengewoon']);
    expect(of('zaanstad').practices.map((c) => c.id)).toEqual(['albert-heijn-zaanstad']);
    expect(of('zaanstad').plans.map((c) => c.id)).toEqual(['zaanstad-poelenbrug-wie-biedt']);
  });
});
