/**
 * The site's one CSV reader and writer.
 *
 * Writing (every spreadsheet the site hands out: the open-data downloads, an owner's offers)
 * follows what Dutch Excel opens correctly by a double-click:
 * - UTF-8 with a byte order mark: Excel (2007 and later) reads a file that starts with EF BB BF
 *   as UTF-8; without it, it guesses the Windows code page and "Zoë" becomes "ZoÃ«".
 * - ';' between fields: Excel splits on the Windows list separator, which is ';' in the Dutch
 *   regional settings (the ',' is the decimal separator there). A "sep=;" first line would force
 *   it everywhere, but then Excel ignores the byte order mark, so it is not used; for the same
 *   reason no file carries a line of its own before the header (a title, a licence): every line
 *   is a row of the table.
 * - RFC 4180 quoting (a field with ';', '"', CR or LF is quoted, quotes doubled), CRLF rows.
 * - Formula injection (OWASP "CSV Injection", ASVS 5 V1.2.10): a cell that starts with =, +, -, @,
 *   tab, CR or NUL (also after spaces) is a formula to a spreadsheet; such a cell gets a leading
 *   apostrophe, which Excel shows as text. Quoting alone does not help: Excel unquotes first.
 *
 * Reading serves the small CBS lists in content/geo (',' between fields) and tests that read a
 * written file back.
 */

export const CSV_SEPARATOR = ';';
/** The media type a CSV file is served with (RFC 4180, with its charset for readers that ignore the BOM). */
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

/** A cell's value before writing: text, a number, or nothing. */
export type CsvValue = string | number | null | undefined;

/** A cell as written: numbers as is, empty for null, text defused and quoted where needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const defused = /^[=+\-@\t\r\0]|^\s+[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(defused) || defused !== defused.trim() ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** The whole file: byte order mark, a header row, then one row per record, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/**
 * Parses a CSV text with a header row (RFC 4180 quoting) into one record per row; a leading byte
 * order mark is skipped. `separator` is ',' for the CBS lists, CSV_SEPARATOR for the site's own files.
 */
export function parseCsv(text: string, separator = ','): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  row.push(field);
  if (row.some((cell) => cell !== '')) rows.push(row);
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}
