/**
 * Home of the "chosen filters" chips above a filtered list: each chosen value
 * becomes a link to the same list without that value, so removing a filter works without
 * JavaScript; links land on the results anchor, not the top of the page. Plain TypeScript.
 */

/** The anchor of the results on a filtered list; the filter form posts to it as well. */
export const RESULTS_ANCHOR = 'resultaten';

/** One chosen value: its query parameter, its value and what the visitor reads. */
export interface ChosenFilter {
  param: string;
  value: string;
  label: string;
}

/** A removable chip: the label and the URL of the list without that value. */
export interface FilterChip {
  label: string;
  href: string;
}

/**
 * The chips for the chosen values. `params` is the current query; parameters in `resetOnChange`
 * (a page number) are dropped from every link, because the result set changes.
 */
export function filterChips(path: string, params: URLSearchParams, chosen: readonly ChosenFilter[], resetOnChange: readonly string[] = ['pagina']): FilterChip[] {
  return chosen.map(({ param, value, label }) => {
    const next = new URLSearchParams();
    for (const [name, v] of params) {
      if (resetOnChange.includes(name)) continue;
      if (name === param && v === value) continue;
      next.append(name, v);
    }
    return { label, href: listHref(path, next) };
  });
}

/** The list at `path` with this query, landing on the results. */
export function listHref(path: string, params: URLSearchParams = new URLSearchParams()): string {
  return `${path}${params.size > 0 ? `?${params}` : ''}#${RESULTS_ANCHOR}`;
}
