/**
 * SVG paths for the map of the Netherlands, computed at build time from the CBS area
 * divisions (content/geo, generalised by cartomap/nl). Nothing of this runs in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import { geoDir } from './geo.ts';

export const mapWidth = 600;
export const mapHeight = 720;

interface AreaShape {
  code: string;
  name: string;
  d: string;
}

function readLayer(file: string, object: string) {
  const topology = JSON.parse(readFileSync(join(geoDir, file), 'utf8')) as Topology;
  return feature(topology, topology.objects[object]!) as unknown as FeatureCollection<Geometry, { statcode: string; statnaam: string }>;
}

let cache: { municipalities: AreaShape[]; provinces: AreaShape[] } | undefined;

/** Municipality and province outlines, projected to fit a mapWidth × mapHeight box. */
export function loadMapShapes() {
  if (cache) return cache;
  const municipalities = readLayer('gemeente_2026.topojson', 'gemeente_2026');
  const provinces = readLayer('provincie_2026.topojson', 'provincie_2026');
  const projection = geoMercator().fitSize([mapWidth, mapHeight], provinces);
  // Whole pixels are precise enough at this size and keep the page light.
  const path = geoPath(projection).digits(0);
  const shapes = (collection: typeof municipalities) =>
    collection.features.map((f) => ({ code: f.properties.statcode, name: f.properties.statnaam, d: path(f) ?? '' }));
  cache = { municipalities: shapes(municipalities), provinces: shapes(provinces) };
  return cache;
}
