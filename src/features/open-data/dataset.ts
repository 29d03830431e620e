/**
 * What one open dataset is: the public rows behind one of the site's lists, with the same filters
 * as that list. Every open output reads datasets through this shape only: the downloads (CSV and
 * JSON), the read-only API and its OpenAPI document, and the DCAT catalogue. So a column that is
 * not in `row` cannot leak into any of them, and a new dataset appears in all of them at once.
 */
import type { z } from 'astro/zod';
import type { Deps } from '#platform/context.ts';

/** The filters of a request, parsed; or which parameters were refused, with a Dutch reason each. */
export type ParsedFilters<Filters> =
  | { ok: true; filters: Filters }
  | { ok: false; problems: { parameter: string; message: string }[] };

/** One query parameter a dataset filters on, named and valued as on its list page. */
export interface FilterParameter {
  /** As in the list page's address, e.g. 'gemeente'. */
  name: string;
  /** What it filters on, in Dutch, for the API's document and page. */
  description: string;
  /** Every value it accepts; any other value is refused by `parseFilters` in strict mode. */
  values: readonly string[];
  /** Whether it may be given more than once (the values then widen the result, as the page's checkboxes do). */
  repeatable: boolean;
}

export interface OpenDataset<RowSchema extends z.ZodObject, Filters, Row = z.infer<RowSchema>> {
  /** The dataset's name in addresses: /open-data/<name>.csv, /api/v1/<name>. Dutch, lower case, as the site's own path. */
  name: string;
  /** Dutch title and one-sentence description, for the download page, the API page and the catalogue. */
  title: string;
  description: string;
  /** The site page whose list this is (and whose filters `filters` accepts), e.g. '/praktijkvoorbeelden/'. */
  listPath: string;
  /** One public row. The single source of truth for the JSON fields, the CSV columns (in this order) and the OpenAPI schema. */
  row: RowSchema;
  /** The row's stable identifier, used by item addresses and cursors. */
  idOf(row: Row): string;
  /**
   * The query parameters this dataset filters on, with the same names and values as its list page.
   * `strict` refuses unknown parameters and unknown values (the API); the downloads linked from a
   * list page pass the page's own query string, which may carry its sort or page number too.
   */
  parseFilters(params: URLSearchParams, options: { strict: boolean }): ParsedFilters<Filters>;
  /** The parameters `parseFilters` accepts, with their values: what the OpenAPI document and the API page list. */
  filterParameters(): readonly FilterParameter[];
  /** Every matching public row, in a stable order (newest first, then by id), so cursors stay valid. */
  list(deps: Deps, filters: Filters): Promise<Row[]>;
  /** One public row by id, or undefined when there is none or it is not public. */
  get(deps: Deps, id: string): Promise<Row | undefined>;
  /** When the data last changed (ms since epoch), for Last-Modified; undefined when unknown. */
  lastModified(rows: readonly Row[]): number | undefined;
}
