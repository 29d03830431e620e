/**
 * Facet values as the database keeps them, one row per owner (a pitch, an activity), facet and
 * value, read back for many owners at once. Grouped in one pass: filtering all the rows again for
 * each owner and facet grew with the square of the list (thousands of pitches in the open data).
 */

/** A lookup of an owner's values of one facet, in the rows' order; none gives an empty list. */
export function facetValuesBy<Row extends { facet: string; value: string }>(rows: readonly Row[], ownerOf: (row: Row) => string): (owner: string, facet: string) => string[] {
  const grouped = new Map<string, string[]>();
  for (const row of rows) {
    // A newline is in no id: owner and facet cannot run into each other.
    const key = `${ownerOf(row)}\n${row.facet}`;
    const values = grouped.get(key);
    if (values) values.push(row.value);
    else grouped.set(key, [row.value]);
  }
  return (owner, facet) => grouped.get(`${owner}\n${facet}`) ?? [];
}
