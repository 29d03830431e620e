/**
 * Writing a CSV file that Dutch Excel opens correctly by a double-click:
 * - UTF-8 with a byte order mark: Excel (2007 and later) reads a file that starts with EF BB BF
 *   as UTF-8; without it, it guesses the Windows code page and "Zoë" becomes "ZoÃ«".
 * - ';' between fields: Excel splits on the Windows list separator, which is ';' in the Dutch
 *   regional settings (the ',' is the decimal separator there). A "sep=;" first line would force
 *   it everywhere, but then Excel ignores the byte order mark, so it is not used.
 * - RFC 4180 quoting (a field with ';', '"', CR or LF is quoted, quotes doubled), CRLF rows.
 * - Formula injection (OWASP "CSV Injection", ASVS 5 V1.2.10): a cell that starts with =, +, -, @,
 *   tab, CR or NUL (also after spaces) is a formula to a spreadsheet; such a cell gets a leading
 *   apostrophe, which Excel shows as text. Quoting alone does not help: Excel unquotes first.
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/** A cell as written: numbers as is, empty for null, text defused and quoted where needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const defused = /^[=+\-@\t\r\0]|^\s+[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(defused) || defused !== defused.trim() ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** The whole file: byte order mark, a header row, then one row per record, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
