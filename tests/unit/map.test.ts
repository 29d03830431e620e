/** The map: markers big enough for a finger, never on top of each other, per division. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroYamlLoad as parseYaml } from './astro-yaml.ts';
import { describe, expect, test } from 'vitest';
import { boxesOverlap, compactPath, thinLines, loadMap, mapLevels, mapWidth, markerGap, markerHeight, markerLabel, phoneMapWidth, pathPoints, placeMarkers, type MapLevel } from '#features/catalog/map.ts';
import { groupByArea } from '#features/catalog/map-areas.ts';

/** The municipalities of every case in content/cases, as the build sees them. */
function contentCases(): { id: string; municipalities: string[] }[] {
  const dir = join(process.cwd(), 'content', 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const data = parseYaml(readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]!) as { municipalities: string[] };
      return { id: f.replace(/\.mdx$/, ''), municipalities: data.municipalities };
    });
}

/** A crowded Randstad: more neighbouring places than the content has today. */
const crowded = ['zaanstad', 'amsterdam', 'oostzaan', 'landsmeer', 'purmerend', 'haarlem', 'utrecht', 'zoetermeer', 's-gravenhage', 'rotterdam', 'leiden', 'amstelveen', 'nijmegen', 'arnhem', 'apeldoorn', 'venlo', 'zwolle'].map((id, i) => ({ id: `c${i}`, municipalities: [id] }));

/** Markers as the map component lays them out: one per area with items, sized by its label. */
function layout(level: MapLevel, items: { id: string; municipalities: string[] }[]) {
  const map = loadMap();
  const anchors = new Map(map.shapes[level].map((s) => [s.code, s.anchor]));
  const specs = groupByArea(items, (c) => c.municipalities, level).map((g) => ({
    key: g.name,
    anchor: anchors.get(g.code)!,
    width: markerLabel(g.name).width,
    height: markerHeight,
    priority: g.items.length,
  }));
  return { specs, ...placeMarkers(specs, map) };
}

/** CSS px per map unit when the map is as wide as the content of a 390 px phone. */
const phoneScale = phoneMapWidth / mapWidth;

describe('markeringen op de kaart', () => {
  test.each(mapLevels.flatMap((level) => [[level, 'de inhoud', contentCases()] as const, [level, 'een volle Randstad', crowded] as const]))(
    '%s, %s: elke markering is minstens 44 × 44 px op een telefoon van 390 px, binnen de kaart, en geen twee overlappen',
    (level, _name, items) => {
      const { markers, height } = layout(level, items);
      expect(markers.length).toBeGreaterThan(1);
      for (const m of markers) {
        expect(m.box.width * phoneScale).toBeGreaterThanOrEqual(44);
        expect(m.box.height * phoneScale).toBeGreaterThanOrEqual(44);
        expect(m.box.x).toBeGreaterThanOrEqual(0);
        expect(m.box.x + m.box.width).toBeLessThanOrEqual(mapWidth);
        expect(m.box.y).toBeGreaterThanOrEqual(0);
        expect(m.box.y + m.box.height).toBeLessThanOrEqual(height);
      }
      for (const a of markers) for (const b of markers) if (a !== b) expect(boxesOverlap(a.box, b.box, markerGap), `${a.key} en ${b.key}`).toBe(false);
    },
  );

  test('Zaanstad en Amsterdam liggen zo dicht bij elkaar dat hun markeringen op hun plek zouden overlappen; de tweede schuift op', () => {
    const { specs, markers } = layout('gemeente', [{ id: 'a', municipalities: ['zaanstad'] }, { id: 'b', municipalities: ['zaanstad', 'amsterdam'] }]);
    const centred = specs.map((s) => ({ x: s.anchor[0] - s.width / 2, y: s.anchor[1] - s.height / 2, width: s.width, height: s.height }));
    expect(boxesOverlap(centred[0]!, centred[1]!)).toBe(true);
    const zaanstad = markers.find((m) => m.key === 'Zaanstad')!;
    const amsterdam = markers.find((m) => m.key === 'Amsterdam')!;
    // The place with more practices keeps its spot; the other moves just far enough.
    expect(zaanstad.box.x + zaanstad.box.width / 2).toBeCloseTo(zaanstad.anchor[0], 5);
    expect(boxesOverlap(zaanstad.box, amsterdam.box, markerGap)).toBe(false);
  });

  test('zonder ruimte op de kaart komt een markering eronder en groeit de kaart, in plaats van te overlappen', () => {
    const specs = Array.from({ length: 6 }, (_, i) => ({ key: `p${i}`, anchor: [50, 20] as [number, number], width: 90, height: markerHeight, priority: 0 }));
    const { markers, height } = placeMarkers(specs, { width: 100, height: 100 });
    expect(height).toBeGreaterThan(100);
    for (const a of markers) for (const b of markers) if (a !== b) expect(boxesOverlap(a.box, b.box, markerGap)).toBe(false);
  });

  test('een lange naam komt op twee regels, een korte op één', () => {
    expect(markerLabel('Zaanstad').lines.map((l) => l.text)).toEqual(['Zaanstad']);
    expect(markerLabel('Zuid-Kennemerland en IJmond').lines.map((l) => l.text)).toEqual(['Zuid-Kennemerland', 'en IJmond']);
    expect(markerLabel('Zaanstreek/Waterland').lines.map((l) => l.text)).toEqual(['Zaanstreek/', 'Waterland']);
  });
});

describe('de kaart zelf', () => {
  test('het land staat in het midden: evenveel rand links als rechts en boven als onder', () => {
    const map = loadMap();
    const xs: number[] = [];
    const ys: number[] = [];
    for (const shape of map.shapes.provincie) {
      for (const [x, y] of pathPoints(shape.d)) {
        xs.push(x);
        ys.push(y);
      }
    }
    const left = Math.min(...xs);
    const right = map.width - Math.max(...xs);
    const top = Math.min(...ys);
    const bottom = map.height - Math.max(...ys);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
    expect(Math.abs(top - bottom)).toBeLessThanOrEqual(2);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(top).toBeGreaterThanOrEqual(0);
  });

  test('paden staan relatief en zonder herhaalde punten: dezelfde vorm in minder bytes', () => {
    const absolute = 'M329,73L329,75L329,75L326,78L330,70ZM10,10L12,8Z';
    expect(compactPath(absolute)).toBe('M329 73l0 2-3 3 4-8zM10 10l2-2z');
    expect(pathPoints(compactPath(absolute))).toEqual([[329, 73], [329, 75], [326, 78], [330, 70], [10, 10], [12, 8]]);
    // Other path data (an icon with arcs) stays as it is.
    expect(compactPath('M1,1a2,2 0 1,1 4,0')).toBe('M1,1a2,2 0 1,1 4,0');
    for (const shape of loadMap().shapes.gemeente) expect(shape.d).toMatch(/^(M\d+ \d+(l[-\d ]+)?z)+$/);
    // Points that rounding put on one straight line become one step; a turn back stays a turn.
    expect(compactPath('M0,0L1,0L2,0L4,0L4,1L4,3L4,2Z')).toBe('M0 0l4 0 0 3 0-1z');
  });

  test('grenzen binnen het land worden uitgedund tot één eenheid nauwkeurig; de uiteinden blijven op hun plaats', () => {
    const wiggly = 'M0,0L5,1L10,0L15,3L20,0M30,30L31,31';
    expect(thinLines(wiggly, 1)).toBe('M0,0L10,0L15,3L20,0M30,30L31,31');
    expect(thinLines(wiggly, 5)).toBe('M0,0L20,0M30,30L31,31');
    // Any line: the ends stay, and no point left out lies further than the tolerance from what is drawn.
    const distanceToSegment = ([x, y]: number[], [ax, ay]: number[], [bx, by]: number[]) => {
      const t = Math.max(0, Math.min(1, ((x! - ax!) * (bx! - ax!) + (y! - ay!) * (by! - ay!)) / Math.max((bx! - ax!) ** 2 + (by! - ay!) ** 2, 1e-9)));
      return Math.hypot(x! - (ax! + t * (bx! - ax!)), y! - (ay! + t * (by! - ay!)));
    };
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) % 21) - 10;
    for (let run = 0; run < 50; run++) {
      const points = Array.from({ length: 12 }, (_, i) => [i * 3 + random(), random()]);
      const thinned = [...thinLines(`M${points.map((p) => p.join(',')).join('L')}`, 1).slice(1).split('L')].map((pair) => pair.split(',').map(Number));
      expect(thinned[0]).toEqual(points[0]);
      expect(thinned.at(-1)).toEqual(points.at(-1));
      for (const point of points) {
        const nearest = Math.min(...thinned.slice(1).map((end, i) => distanceToSegment(point, thinned[i]!, end)));
        expect(nearest).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });

  test('elke indeling heeft al haar gebieden: 342 gemeenten, 35 regio’s, 12 provincies, elk met een punt binnen de kaart', () => {
    const map = loadMap();
    expect(map.shapes.gemeente).toHaveLength(342);
    expect(map.shapes.regio).toHaveLength(35);
    expect(map.shapes.provincie).toHaveLength(12);
    for (const level of mapLevels) {
      for (const s of map.shapes[level]) {
        expect(s.anchor[0]).toBeGreaterThan(0);
        expect(s.anchor[0]).toBeLessThan(map.width);
        expect(s.anchor[1]).toBeGreaterThan(0);
        expect(s.anchor[1]).toBeLessThan(map.height);
      }
    }
  });
});

describe('optellen per gebied', () => {
  const items = [
    { id: 'postnl', municipalities: ['apeldoorn', 'amsterdam', 'venlo'] },
    { id: 'ah', municipalities: ['zaanstad'] },
    { id: 'beide', municipalities: ['zaanstad', 'amsterdam'] },
    { id: 'onbekend', municipalities: ['atlantis'] },
  ];
  const summary = (level: MapLevel) => Object.fromEntries(groupByArea(items, (c) => c.municipalities, level).map((g) => [g.name, g.items.map((i) => i.id)]));

  test('per gemeente', () => {
    expect(summary('gemeente')).toEqual({ Amsterdam: ['postnl', 'beide'], Apeldoorn: ['postnl'], Venlo: ['postnl'], Zaanstad: ['ah', 'beide'] });
  });
  test('per arbeidsmarktregio', () => {
    expect(summary('regio')).toEqual({ 'Groot Amsterdam': ['postnl', 'beide'], 'Noord-Limburg': ['postnl'], 'Veluwe Stedendriehoek': ['postnl'], 'Zaanstreek/Waterland': ['ah', 'beide'] });
  });
  test('per provincie telt een voorbeeld in twee gemeenten van één provincie één keer', () => {
    expect(summary('provincie')).toEqual({ Gelderland: ['postnl'], Limburg: ['postnl'], 'Noord-Holland': ['postnl', 'ah', 'beide'] });
  });
});
