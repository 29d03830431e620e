/**
 * A dataset's rows as a file: CSV for a spreadsheet, JSON for a program. The JSON says under which
 * licence and from where it comes, in fields of its own (`licentie`, `bron`). A CSV has no room
 * for that (any line before or after the rows breaks a spreadsheet's reading of it), so a saved
 * file states it in a last column, the same on every row, and the response also in its
 * `Link: …; rel="license"` header. Nothing here knows a dataset's fields: the row schema names them.
 */
import { toCsv } from '#platform/csv.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { columnsOf, csvValueOf } from './columns.ts';
import type { AnyOpenDataset, FlatValue } from './dataset.ts';
import { licenceNotice, openLicence } from './licence.ts';

/** Who publishes and when: what every output's attribution needs besides the dataset. */
export interface OutputContext {
  /** The site's origin (https://praktijkplein.nl), for absolute addresses. */
  origin: string;
  /** The network organisation that runs the site (configuration). */
  networkName: string;
  generatedAt: Date;
}

/** The licence as an output names it. */
export function licenceField() {
  return { naam: openLicence.name, id: openLicence.id, adres: openLicence.url, uitleg: openLicence.humanUrl };
}

/** Where the data comes from: the site, the list, and how to name it when reusing it. */
export function sourceField(dataset: AnyOpenDataset, context: OutputContext) {
  return {
    naam: 'Praktijkplein',
    uitgever: context.networkName,
    dataset: dataset.title,
    beschrijving: dataset.description,
    adres: `${context.origin}${dataset.listPath}`,
    vermelding: licenceNotice(context.networkName, context.origin),
    ...(dataset.attribution ? { herkomst: dataset.attribution } : {}),
  };
}

/** A query string as the `filters` object: each parameter with its values. */
export function filtersField(query: URLSearchParams): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [name, value] of query) (filters[name] ??= []).push(value);
  return filters;
}

/** The title of the CSV's last column, which names licence and source on every row. */
export const LICENCE_COLUMN = 'Licentie en bron';

/**
 * The rows as a CSV file: the Dutch headers of the row schema, then one line per row; with a
 * context (a download), a last column with the licence and whom to name.
 */
export function datasetCsv(dataset: AnyOpenDataset, rows: readonly Record<string, FlatValue>[], context?: Pick<OutputContext, 'networkName'>): string {
  const columns = columnsOf(dataset.row);
  const licence = context && `${openLicence.name} (${openLicence.url}), bron: Praktijkplein (${context.networkName})`;
  return toCsv(
    [...columns.map((column) => column.title), ...(licence ? [LICENCE_COLUMN] : [])],
    rows.map((row) => [...columns.map((column) => csvValueOf(row[column.key])), ...(licence ? [licence] : [])]),
  );
}

/** The rows as a JSON document with licence, source, time and the filters applied. */
export function datasetJson(dataset: AnyOpenDataset, rows: readonly Record<string, FlatValue>[], filters: URLSearchParams, context: OutputContext): string {
  const keys = columnsOf(dataset.row).map((column) => column.key);
  return JSON.stringify({
    licentie: licenceField(),
    bron: sourceField(dataset, context),
    gegenereerd: context.generatedAt.toISOString(),
    filters: filtersField(filters),
    aantal: rows.length,
    // Only the schema's fields, in its order, whatever else a row object may carry.
    items: rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null]))),
  });
}

/** "praktijkplein-pitches-2026-12-08.csv": which list, from when. */
export function downloadFileName(dataset: AnyOpenDataset, format: 'csv' | 'json', generatedAt: Date): string {
  return `praktijkplein-${dataset.name}-${amsterdamDate(generatedAt)}.${format}`;
}
