/** URL-safe id for a Dutch name: "Súdwest-Fryslân" → "sudwest-fryslan", "'s-Gravenhage" → "s-gravenhage". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
