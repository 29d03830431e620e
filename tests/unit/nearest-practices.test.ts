/** The nearest practices for a municipality without its own. */
import { describe, expect, test } from 'vitest';
import { NEAREST_ELSEWHERE, nearestPractices } from '#features/catalog/nearest-practices.ts';

const practice = (id: string, ...municipalities: string[]) => ({ id, municipalities });
const practices = [
  practice('zaanstad-1', 'zaanstad'),
  practice('amsterdam', 'amsterdam'),
  practice('haarlem', 'haarlem'),
  practice('utrecht', 'utrecht'),
  practice('zwolle', 'zwolle'),
  practice('venlo', 'venlo'),
  practice('maastricht', 'maastricht'),
  practice('landelijk'),
];
const shape = (groups: ReturnType<typeof nearestPractices<(typeof practices)[number]>>) => groups.map((g) => [g.scope, g.area?.name, g.items.map((i) => i.id)]);

describe('praktijkvoorbeelden dichtbij', () => {
  test('eerst dezelfde arbeidsmarktregio, dan de rest van de provincie, elk het dichtstbij eerst', () => {
    // Wormerland: region Zaanstreek/Waterland, province Noord-Holland; Amsterdam is nearer than Haarlem.
    expect(shape(nearestPractices('wormerland', practices))).toEqual([
      ['regio', 'Zaanstreek/Waterland', ['zaanstad-1']],
      ['provincie', 'Noord-Holland', ['amsterdam', 'haarlem']],
    ]);
  });

  test('zonder voorbeelden in regio of provincie: de dichtstbijzijnde elders in Nederland, hoogstens een handvol', () => {
    // Almere (Flevoland) has none in its region or province; Amsterdam and Utrecht are nearest.
    const groups = nearestPractices('almere', practices);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.scope).toBe('nederland');
    expect(groups[0]!.items.map((i) => i.id).slice(0, 2).sort()).toEqual(['amsterdam', 'utrecht']);
    expect(groups[0]!.items.length).toBeLessThanOrEqual(NEAREST_ELSEWHERE);
    expect(groups[0]!.items.map((i) => i.id)).not.toContain('maastricht');
  });

  test('een voorbeeld van de gemeente zelf telt niet als "dichtbij"; een landelijk voorbeeld zonder gemeente ook niet', () => {
    const ids = nearestPractices('zaanstad', practices).flatMap((g) => g.items.map((i) => i.id));
    expect(ids).not.toContain('zaanstad-1');
    expect(ids).not.toContain('landelijk');
    expect([...ids].sort()).toEqual(['amsterdam', 'haarlem']);
  });

  test('alleen de provincie heeft voorbeelden: geen lege regiogroep', () => {
    expect(shape(nearestPractices('den-helder', practices)).map((g) => g[0])).toEqual(['provincie']);
  });

  test('een onbekende gemeente geeft niets', () => {
    expect(nearestPractices('atlantis', practices)).toEqual([]);
  });
});
