/**
 * The sentence above the search results (a status message for screen readers), one wording
 * for the page the server renders and for the as-you-type script.
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function resultStatus(q: string, asked: boolean, pitchTotal: number, pageTotal: number): string {
  const what = q ? ` voor “${q}”` : '';
  if (!asked) return 'Typ een zoekterm of kies een filter.';
  if (pitchTotal + pageTotal === 0) return `Geen resultaten${what}. Probeer een ander woord of minder filters.`;
  return `${plural(pitchTotal + pageTotal, 'resultaat', 'resultaten')}${what}: ${plural(pitchTotal, 'pitch', 'pitches')} en ${plural(pageTotal, 'pagina', 'pagina’s')} uit de kennisbank.`;
}
