/**
 * The side-by-side comparison on an instrument page: always the four cities whose programmes
 * are sources (so a blank is visible as "says nothing"), then any other municipality with a stance.
 */
export const comparedMunicipalities = ['utrecht', 'amsterdam', 'zoetermeer', 'nijmegen'] as const;

export interface Stance {
  municipality: string;
  statement: string;
  evidence: string;
  source: string;
}

export function comparisonRows<S extends Stance>(stances: readonly S[]): { municipality: string; stances: S[] }[] {
  const others = [...new Set(stances.map((s) => s.municipality))].filter(
    (id) => !(comparedMunicipalities as readonly string[]).includes(id),
  );
  return [...comparedMunicipalities, ...others].map((municipality) => ({
    municipality,
    stances: stances.filter((s) => s.municipality === municipality),
  }));
}
