/**
 * The sentence above the search results (a status message for screen readers), one wording
 * for the page the server renders and for the as-you-type script.
 */
/** "1 pitch", "1.000 pitches". */
export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;

/**
 * The sentence. With very many matching pitches the search ranks only the newest ones and knows
 * no more than "more than" (`pitchesAtLeast`), and says so.
 */
export function resultStatus(q: string, asked: boolean, pitchTotal: number, pageTotal: number, pitchesAtLeast = false): string {
  const what = q ? ` voor “${q}”` : '';
  if (!asked) return 'Typ een zoekterm of kies een filter.';
  if (pitchTotal + pageTotal === 0) return `Geen resultaten${what}. Probeer een ander woord of minder filters.`;
  const moreThan = pitchesAtLeast ? 'meer dan ' : '';
  const all = `${plural(pitchTotal + pageTotal, 'resultaat', 'resultaten')}`;
  return `${pitchesAtLeast ? `Meer dan ${all}` : all}${what}: ${moreThan}${plural(pitchTotal, 'pitch', 'pitches')} en ${plural(pageTotal, 'pagina', 'pagina’s')} uit de kennisbank.`;
}

/** The number in the pitches heading: "12", or "meer dan 1.000". */
export function pitchCountLabel(total: number, atLeast = false): string {
  return `${atLeast ? 'meer dan ' : ''}${total.toLocaleString('nl-NL')}`;
}
