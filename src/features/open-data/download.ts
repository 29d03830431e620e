/**
 * A download of /open-data/<name>.csv or .json: the dataset's rows for the list page's query
 * string, read as the page reads it (unknown values and the page's sort and page number are
 * ignored, never an error), as a file with its name and media type.
 */
import { clock, type Deps } from '#platform/context.ts';
import { CSV_MEDIA_TYPE } from '#platform/csv.ts';
import type { AnyOpenDataset } from './dataset.ts';
import { datasetCsv, datasetJson, downloadFileName } from './output.ts';

export type DownloadFormat = 'csv' | 'json';

export const downloadFormats: readonly DownloadFormat[] = ['csv', 'json'];

export const mediaTypes: Record<DownloadFormat, string> = {
  csv: CSV_MEDIA_TYPE,
  json: 'application/json; charset=utf-8',
};

export interface Download {
  body: string;
  contentType: string;
  filename: string;
  /** When the rows last changed, when the dataset knows. */
  lastModified: number | undefined;
}

/** The file for a dataset, a format and a list page's query string. */
export async function openDataDownload(deps: Deps, dataset: AnyOpenDataset, format: DownloadFormat, params: URLSearchParams, networkName: string): Promise<Download> {
  // Lenient reading never refuses (parseFiltersWith); were a dataset to do so, the file holds every row rather than failing.
  const parsed = [params, new URLSearchParams()].map((query) => dataset.parseFilters(query, { strict: false })).find((result) => result.ok);
  if (!parsed?.ok) throw new Error(`Dataset ${dataset.name} weigert een lege zoekvraag.`);
  const { filters } = parsed;
  const rows = await dataset.list(deps, filters);
  const generatedAt = new Date(clock(deps));
  return {
    body: format === 'csv' ? datasetCsv(dataset, rows, { networkName }) : datasetJson(dataset, rows, dataset.queryOf(filters), { origin: deps.origin, networkName, generatedAt }),
    contentType: mediaTypes[format],
    filename: downloadFileName(dataset, format, generatedAt),
    lastModified: dataset.lastModified(rows),
  };
}
