/**
 * The map of the Netherlands as server-rendered SVG, computed at build time or
 * on request from the CBS area divisions (content/geo, generalised by cartomap/nl). Nothing of
 * this runs in the browser.
 *
 * Scale: the SVG is drawn so that one unit is one CSS pixel on a 390 px phone (the page's
 * content is 390 − 2 × 16 px wide there); it only grows on wider screens. So a marker of
 * markerHeight units is a tap target of at least 44 × 44 CSS px on that phone (WCAG 2.5.5), and
 * placeMarkers moves markers apart until no two overlap, at every width (the SVG scales as a
 * whole), with a line back to the place they stand for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature, merge, mesh } from 'topojson-client';
import { geoCentroid, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geoDir } from './geo.ts';

/** The three ways the map divides the country: municipalities, labour-market regions, provinces. */
export const mapLevels = ['gemeente', 'regio', 'provincie'] as const;
export type MapLevel = (typeof mapLevels)[number];

/** The CSS width the map gets on a 390 px phone: the page's content width there. */
export const phoneMapWidth = 390 - 2 * 16;
/** Width of the map in SVG units, so that one unit is one CSS px on that phone. */
export const mapWidth = phoneMapWidth;
/** Empty space around the country inside the SVG, in units. */
const padding = 6;
/** A marker's height in units: 44 CSS px on the phone, plus 2 to spare for rounding. */
export const markerHeight = 46;
/** Smallest room between two markers, in units, so a finger on one does not touch the next. */
export const markerGap = 4;

const layers: Record<MapLevel, { file: string; object: string }> = {
  gemeente: { file: 'gemeente_2026.topojson', object: 'gemeente_2026' },
  regio: { file: 'arbeidsmarktregio_2025.topojson', object: 'arbeidsmarktregio_2025' },
  provincie: { file: 'provincie_2026.topojson', object: 'provincie_2026' },
};

type AreaFeature = Feature<Geometry, { statcode: string; statnaam: string }>;

function readLayer(level: MapLevel) {
  const { file, object } = layers[level];
  const topology = JSON.parse(readFileSync(join(geoDir(), file), 'utf8')) as Topology;
  const areas = topology.objects[object] as GeometryCollection;
  return {
    features: feature(topology, areas) as unknown as FeatureCollection<Geometry, { statcode: string; statnaam: string }>,
    /** All areas as one: the country's land. */
    land: merge(topology, areas.geometries as never),
    /** Each border between two areas once (drawing every area's own outline draws each border twice). */
    borders: mesh(topology, areas, (a, b) => a !== b),
    /** Every border once, the coast and the border with Belgium and Germany included. */
    outlines: mesh(topology, areas),
  };
}

/** One area drawn on the map. */
export interface AreaShape {
  /** CBS code (GM0479, AM17, PV27). */
  code: string;
  name: string;
  /** SVG path data, in whole units. */
  d: string;
  /** Where the area's marker points: its centroid on the map, in units. */
  anchor: [number, number];
  /** Its geographic centroid, [longitude, latitude]: for distances between places. */
  centroid: [number, number];
}

/** One division drawn whole, in the fewest bytes: the land filled, the borders stroked. */
export interface DivisionDrawing {
  /** SVG path data of the land (every area merged). */
  land: string;
  /** SVG path data of the borders between areas, each once, as open lines. */
  borders: string;
  /** The borders and the country's own edge, each once, as open lines. */
  outlines: string;
}

interface LoadedMap {
  width: number;
  height: number;
  shapes: Record<MapLevel, AreaShape[]>;
  drawings: Record<MapLevel, DivisionDrawing>;
}

let cache: LoadedMap | undefined;

/**
 * d3's absolute path data ("M329,73L329,75L326,78Z") written relative ("M329 73l0 2-3 3z"),
 * without points that rounding made repeat or put on one straight line: the same shape in about a third fewer bytes after
 * gzip, which kept /kaart/ (342 municipalities) under the 40 KiB page budget
 * (`npm run bench`). Path data in any other form is returned as it is.
 */
export function compactPath(d: string): string {
  if (!/^[MLZ\d,.-]*$/.test(d)) return d;
  return [...d.matchAll(/M[^M]*/g)]
    .map(([part]) => {
      const points = part
        .split(/[MLZ]/)
        .filter(Boolean)
        .map((pair) => pair.split(',').map(Number) as [number, number]);
      let [px, py] = points[0]!;
      // Steps in the same direction (rounding puts many points on one straight line) become one.
      const moves: [number, number][] = [];
      for (const [x, y] of points.slice(1)) {
        if (x === px && y === py) continue;
        const [dx, dy] = [x - px, y - py];
        const last = moves.at(-1);
        if (last && last[0] * dy === last[1] * dx && last[0] * dx + last[1] * dy > 0) {
          last[0] += dx;
          last[1] += dy;
        } else {
          moves.push([dx, dy]);
        }
        [px, py] = [x, y];
      }
      // A minus sign separates numbers by itself; otherwise a space does.
      let steps = '';
      for (const n of moves.flat()) steps += steps === '' || n < 0 ? String(n) : ` ${n}`;
      return `M${points[0]![0]} ${points[0]![1]}${steps ? `l${steps}` : ''}${part.endsWith('Z') ? 'z' : ''}`;
    })
    .join('');
}

/**
 * d3's absolute path data of open lines with each line thinned (Douglas–Peucker): a point stays
 * when leaving it out would move the line more than `tolerance` units. Ends stay where they are,
 * so lines that meet still meet.
 */
export function thinLines(d: string, tolerance: number): string {
  if (!/^[ML\d,.-]*$/.test(d)) return d;
  return [...d.matchAll(/M[^M]*/g)]
    .map(([part]) => {
      const points = part.split(/[ML]/).filter(Boolean).map((pair) => pair.split(',').map(Number) as [number, number]);
      const keep = points.map((_, i) => i === 0 || i === points.length - 1);
      const spans: [number, number][] = [[0, points.length - 1]];
      while (spans.length > 0) {
        const [a, b] = spans.pop()!;
        const [ax, ay] = points[a]!;
        const [bx, by] = points[b]!;
        const squared = (bx - ax) ** 2 + (by - ay) ** 2;
        let far = -1;
        let farthest = tolerance;
        for (let i = a + 1; i < b; i++) {
          const [x, y] = points[i]!;
          // To the segment, not the endless line through it: a border that doubles back stays.
          const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / squared));
          const distance = Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
          if (distance > farthest) [far, farthest] = [i, distance];
        }
        if (far !== -1) {
          keep[far] = true;
          spans.push([a, far], [far, b]);
        }
      }
      return `M${points.filter((_, i) => keep[i]).map(([x, y]) => `${x},${y}`).join('L')}`;
    })
    .join('');
}

/** The absolute points of path data written by compactPath (for tests and measurements). */
export function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, start, steps = ''] of d.matchAll(/M(-?[\d.]+ -?[\d.]+)(?:l([^Mz]*))?z?/g)) {
    let [x, y] = start!.split(' ').map(Number) as [number, number];
    points.push([x, y]);
    const numbers = steps.match(/-?[\d.]+/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      x += numbers[i]!;
      y += numbers[i + 1]!;
      points.push([x, y]);
    }
  }
  return points;
}

/**
 * Every area of each level, projected once: the country fills mapWidth (minus padding) and the
 * height follows from it, so the viewBox hugs the country and the map is centred.
 */
export function loadMap(): LoadedMap {
  if (cache) return cache;
  const layersRead = Object.fromEntries(mapLevels.map((level) => [level, readLayer(level)])) as Record<MapLevel, ReturnType<typeof readLayer>>;
  const collections = Object.fromEntries(mapLevels.map((level) => [level, layersRead[level].features])) as Record<MapLevel, FeatureCollection<Geometry, { statcode: string; statnaam: string }>>;
  const projection = geoMercator().fitWidth(mapWidth - 2 * padding, collections.provincie);
  const [[x0, y0], [, y1]] = geoPath(projection).bounds(collections.provincie);
  const [tx, ty] = projection.translate();
  projection.translate([tx + padding - x0, ty + padding - y0]);
  const height = Math.ceil(y1 - y0 + 2 * padding);
  // Whole units are precise enough at this size and keep the page light.
  const path = geoPath(projection).digits(0);
  const exact = geoPath(projection);
  const round = (n: number) => Math.round(n * 10) / 10;
  const shape = (f: AreaFeature): AreaShape => {
    const [ax, ay] = exact.centroid(f);
    const [lon, lat] = geoCentroid(f);
    return { code: f.properties.statcode, name: f.properties.statnaam, d: compactPath(path(f) ?? ''), anchor: [round(ax), round(ay)], centroid: [lon, lat] };
  };
  const shapes = Object.fromEntries(mapLevels.map((level) => [level, collections[level].features.map(shape)])) as Record<MapLevel, AreaShape[]>;
  const drawing = (level: MapLevel): DivisionDrawing => {
    const { land, borders, outlines } = layersRead[level];
    // The borders inside the land are white hairlines: a unit and a half (as many CSS px on a
    // phone) off is not seen, and thinning them is the largest saving on the map page, which must
    // stay within 20 KB of HTML and CSS (npm run bench, page weight).
    return { land: compactPath(path(land) ?? ''), borders: compactPath(thinLines(path(borders) ?? '', 1.5)), outlines: compactPath(path(outlines) ?? '') };
  };
  const drawings = Object.fromEntries(mapLevels.map((level) => [level, drawing(level)])) as Record<MapLevel, DivisionDrawing>;
  cache = { width: mapWidth, height, shapes, drawings };
  return cache;
}

/** A rectangle in map units; x and y are its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What placeMarkers needs of a marker: where it points and how big it is. */
export interface MarkerSpec {
  key: string;
  anchor: [number, number];
  width: number;
  height: number;
  /** Higher is placed first and so stays closest to its place. */
  priority: number;
}

export type PlacedMarker<T extends MarkerSpec = MarkerSpec> = T & { box: Box };

/** Do two boxes come closer than `gap` to each other? */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

const offsetCache = new Map<string, [number, number][]>();

/** Grid offsets within a radius, nearest first (ties in a fixed order), so placement is deterministic. */
function offsetsWithin(radius: number, step: number): [number, number][] {
  const key = `${radius}:${step}`;
  const cached = offsetCache.get(key);
  if (cached) return cached;
  const offsets: [number, number][] = [];
  const n = Math.ceil(radius / step);
  for (let i = -n; i <= n; i++) for (let j = -n; j <= n; j++) if (i * i + j * j <= n * n) offsets.push([i * step, j * step]);
  offsets.sort((a, b) => a[0] ** 2 + a[1] ** 2 - (b[0] ** 2 + b[1] ** 2) || a[1] - b[1] || a[0] - b[0]);
  offsetCache.set(key, offsets);
  return offsets;
}

/**
 * Puts every marker as close to its place as it can without overlapping another (by at least
 * `gap`) and inside the map. Markers with a higher priority go first. A marker that finds no room
 * at all goes below the map, which then grows: markers never overlap, whatever the content.
 */
export function placeMarkers<T extends MarkerSpec>(specs: readonly T[], area: { width: number; height: number }, gap = markerGap): { markers: PlacedMarker<T>[]; height: number } {
  const order = [...specs].sort((a, b) => b.priority - a.priority || a.anchor[1] - b.anchor[1] || a.anchor[0] - b.anchor[0] || a.key.localeCompare(b.key));
  const placed: PlacedMarker<T>[] = [];
  const offsets = offsetsWithin(Math.max(area.width, area.height), 3);
  let height = area.height;
  for (const spec of order) {
    const free = (box: Box) => placed.every((other) => !boxesOverlap(box, other.box, gap));
    let found: Box | undefined;
    for (const [dx, dy] of offsets) {
      const box = { x: spec.anchor[0] + dx - spec.width / 2, y: spec.anchor[1] + dy - spec.height / 2, width: spec.width, height: spec.height };
      if (box.x < 0 || box.y < 0 || box.x + box.width > area.width || box.y + box.height > area.height) continue;
      if (free(box)) {
        found = box;
        break;
      }
    }
    if (!found) {
      const x = Math.min(Math.max(spec.anchor[0] - spec.width / 2, 0), Math.max(area.width - spec.width, 0));
      found = { x, y: height + gap, width: spec.width, height: spec.height };
      height = found.y + found.height;
    }
    placed.push({ ...spec, box: found });
  }
  return { markers: placed, height };
}

/** The point on a box's edge nearest to a point outside it (where a leader line ends). */
export function nearestOnBox(box: Box, [x, y]: [number, number]): [number, number] {
  return [Math.min(Math.max(x, box.x), box.x + box.width), Math.min(Math.max(y, box.y), box.y + box.height)];
}

// Advance widths of a bold sans-serif (Arial Bold metrics, in 1/1000 em), for sizing a label
// without a browser. The SVG stretches the text to this width (textLength), so a font that is
// a little wider or narrower still fits its marker.
const boldWidths: Record<string, number> = {
  ' ': 278, '-': 333, '/': 278, "'": 238, '.': 278, ',': 278, '(': 333, ')': 333,
  A: 722, B: 722, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 556, K: 722, L: 611, M: 833,
  N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 611, c: 556, d: 611, e: 556, f: 333, g: 611, h: 611, i: 278, j: 278, k: 556, l: 278, m: 889,
  n: 611, o: 611, p: 611, q: 611, r: 389, s: 556, t: 333, u: 611, v: 556, w: 778, x: 556, y: 556, z: 500,
};

/** Estimated width of a text in bold at a font size, in the same units as the size. */
export function textWidth(text: string, fontSize: number): number {
  let total = 0;
  for (const char of text.normalize('NFD').replace(/\p{M}/gu, '')) total += /\d/.test(char) ? 556 : (boldWidths[char] ?? 611);
  return (total / 1000) * fontSize;
}

/** Font sizes and room inside a marker, in units (CSS px on the phone). */
export const markerText = { size: 15, twoLineSize: 13, lineGap: 15, paddingStart: 10, paddingEnd: 6, badge: 26, badgeGap: 5, maxLineWidth: 104 };

/** A marker's label: the name on one line, or on two when it is long. */
export interface MarkerLabel {
  lines: { text: string; width: number }[];
  /** What stands between the lines in the text itself: a space where the name broke at one. */
  separator: string;
  fontSize: number;
  width: number;
}

/**
 * How a name is set in a marker: one line when it fits in maxLineWidth, else two lines split at
 * the space, hyphen or slash nearest the middle ("Zuid-Kennemerland / en IJmond").
 */
export function markerLabel(name: string): MarkerLabel {
  const t = markerText;
  const oneLine = textWidth(name, t.size);
  let lines = [{ text: name, width: oneLine }];
  let fontSize = t.size;
  let separator = '';
  if (oneLine > t.maxLineWidth) {
    const breaks = [...name.matchAll(/[ \-/]/g)].map((m) => m.index!);
    if (breaks.length > 0) {
      const at = breaks.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best));
      // A space disappears at the break; a hyphen or slash stays at the end of the first line.
      separator = name[at] === ' ' ? ' ' : '';
      const first = separator ? name.slice(0, at) : name.slice(0, at + 1);
      const second = name.slice(at + 1);
      fontSize = t.twoLineSize;
      lines = [first, second].map((text) => ({ text, width: textWidth(text, fontSize) }));
    }
  }
  const textBlock = Math.max(...lines.map((l) => l.width));
  const width = Math.max(markerHeight, Math.ceil(t.paddingStart + textBlock + t.badgeGap + t.badge + t.paddingEnd));
  return { lines, separator, fontSize, width };
}
