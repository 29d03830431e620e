/**
 * The columns of a dataset, read from its row schema: key, Dutch header and description, in the
 * schema's order. The CSV header, the JSON field names and the API document all come from here,
 * so a header is written once, next to the field it names.
 */
import type { FlatValue, RowSchema } from './dataset.ts';
import type { CsvValue } from '#platform/csv.ts';

export interface Column {
  /** The JSON field name. */
  key: string;
  /** The CSV header, in Dutch. */
  title: string;
  /** What the field holds, in Dutch. */
  description: string;
}

/** Between the items of a list in one CSV cell: not ';' (Excel's separator here) and rare in text. */
export const CSV_LIST_SEPARATOR = ' | ';

/** The columns of a row schema; a field without a title or description is a mistake in the schema. */
export function columnsOf(schema: RowSchema): Column[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const meta = field.meta();
    if (!meta?.title || !meta.description) throw new Error(`Veld "${key}" mist .meta({ title, description }) in het rijschema.`);
    return { key, title: meta.title, description: meta.description };
  });
}

/** A row's value as one CSV cell: a list joined, yes/no in Dutch, empty for null. */
export function csvValueOf(value: FlatValue | undefined): CsvValue {
  if (Array.isArray(value)) return value.join(CSV_LIST_SEPARATOR);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return value;
}
