/** Reading the errors SQLite/libSQL raise, so use cases can turn expected ones into results. */

/** What a database error says, its cause included (libSQL wraps SQLite's message). */
export function databaseErrorText(error: unknown): string {
  return String((error as { message?: string })?.message ?? error) + String((error as { cause?: unknown })?.cause ?? '');
}

/** A unique-constraint failure from SQLite/libSQL (e.g. the e-mail was taken meanwhile). */
export function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE constraint failed/i.test(databaseErrorText(error));
}
