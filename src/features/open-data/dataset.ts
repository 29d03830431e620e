/**
 * What one open dataset is: the public rows behind one of the site's lists, with the same filters
 * as that list. Every open output reads datasets through this shape only: the downloads (CSV and
 * JSON), the read-only API and its OpenAPI document, and the DCAT catalogue. So a column that is
 * not in `row` cannot leak into any of them, and a new dataset appears in all of them at once.
 * The choices behind it are in docs/decisions/open-datasets.md.
 */
import type { z } from 'astro/zod';
import type { Deps } from '#platform/context.ts';

/**
 * A value a row may hold. Open outputs are tables (a CSV has no nesting), so a field is text, a
 * number, yes/no, empty (null) or a list of texts: a list is an array in JSON and one cell in CSV.
 */
export type FlatValue = string | number | boolean | null | string[];

/**
 * A row schema: an object of flat fields. Each field carries `.meta({ title, description })`: the
 * title is the CSV column's Dutch header, the description says what it holds (API document and
 * catalogue). `columnsOf` (columns.ts) refuses a field without them.
 */
export type RowSchema = z.ZodObject<Record<string, z.ZodType<FlatValue>>>;

/** The filters of a request, parsed; or which parameters were refused, with a Dutch reason each. */
export type ParsedFilters<Filters> =
  | { ok: true; filters: Filters }
  | { ok: false; problems: { parameter: string; message: string }[] };

/** One query parameter a dataset filters on: the list page's own name and values. */
export interface FilterParameter {
  /** The name in the query string, as on the list page ('doelgroep'). */
  name: string;
  /** Dutch: what choosing a value does ("Alleen pitches voor deze doelgroep."). */
  description: string;
  /** May it be given more than once? Then the values widen the result (OR), as on the page. */
  repeatable: boolean;
  /** Every value it takes, with its Dutch label (a closed vocabulary: facets, places, states). */
  values(): readonly { id: string; label: string }[];
}

export interface OpenDataset<Schema extends RowSchema, Filters, Row = z.infer<Schema>> {
  /** The dataset's name in addresses: /open-data/<name>.csv, /api/v1/<name>. Dutch, lower case, as the site's own path. */
  name: string;
  /** Dutch title and one-sentence description, for the download page, the API page and the catalogue. */
  title: string;
  description: string;
  /** The site page whose list this is (and whose filters `filters` accepts), e.g. '/praktijkvoorbeelden/'. */
  listPath: string;
  /**
   * Where the data comes from besides the network's own work, for outputs that name their source
   * once (e.g. the CBS area divisions behind municipalities); rows name their own sources.
   */
  attribution?: string;
  /** One public row. The single source of truth for the JSON fields, the CSV columns (in this order) and the OpenAPI schema. */
  row: Schema;
  /** The row's stable identifier, used by item addresses and cursors. */
  idOf(row: Row): string;
  /** The parameters `parseFilters` knows, in the list page's order; none for a list without filters. */
  filterParameters: readonly FilterParameter[];
  /**
   * The query parameters this dataset filters on, with the same names and values as its list page.
   * `strict` refuses unknown parameters and unknown values (the API); without it the query is read
   * exactly as the list page reads it (the downloads linked from a list page pass the page's own
   * query string, which may carry its sort or page number too).
   */
  parseFilters(params: URLSearchParams, options: { strict: boolean }): ParsedFilters<Filters>;
  /** The query string of parsed filters: what the outputs report as applied, and what a list page's download links carry. */
  queryOf(filters: Filters): URLSearchParams;
  /** Every matching public row, in one fixed order for the same data (the list page's order), so cursors stay valid. */
  list(deps: Deps, filters: Filters): Promise<Row[]>;
  /** One public row by id, or undefined when there is none or it is not public. */
  get(deps: Deps, id: string): Promise<Row | undefined>;
  /** When the data last changed (ms since epoch), for Last-Modified; undefined when unknown. */
  lastModified(rows: readonly Row[]): number | undefined;
}

/** Any dataset, as the outputs that walk all of them see it (the registry's element type). */
export type AnyOpenDataset = OpenDataset<RowSchema, unknown, Record<string, FlatValue>>;

/** Declares a dataset with its types inferred from the row schema and the filter parser. */
export function defineDataset<Schema extends RowSchema, Filters>(dataset: OpenDataset<Schema, Filters>): OpenDataset<Schema, Filters> {
  return dataset;
}
