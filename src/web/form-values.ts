/**
 * Reading a form's values as the pitch and activity forms get them: one string per field, or a
 * list for a group of checkboxes (a single posted value counts as a list of one).
 */

/** The text of field `name` (the first value of a list). */
export function textOf(values: Record<string, string | string[]>, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** The values of field `name` as a list. */
export function listOf(values: Record<string, string | string[]>, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}
