/**
 * Reading a dataset's filters from a query string, the one way for every dataset. Without
 * `strict` the list page's own parser reads it (unknown values dropped as the page drops them, its
 * sort and page number ignored), so a download linked from a page holds what the page shows. With
 * `strict` (the API) every parameter must be one of the dataset's filters and every value one of
 * its values first; the refusals say in Dutch what was wrong and what would be right.
 */
import type { FilterParameter, ParsedFilters } from './dataset.ts';

type Problem = { parameter: string; message: string };

/** Longest piece of a refused name or value repeated in a message. */
const ECHO = 60;
const echo = (text: string) => (text.length > ECHO ? `${text.slice(0, ECHO)}…` : text);

/** The refusals of a query under the strict rules; empty when it only uses the dataset's filters. */
export function strictProblems(params: URLSearchParams, parameters: readonly FilterParameter[]): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  const known = parameters.length === 0 ? 'Deze lijst heeft geen filters.' : `Deze lijst filtert op: ${parameters.map((p) => p.name).join(', ')}.`;
  for (const name of new Set(params.keys())) {
    const parameter = byName.get(name);
    if (!parameter) {
      problems.push({ parameter: echo(name), message: `Onbekende parameter "${echo(name)}". ${known}` });
      continue;
    }
    const values = params.getAll(name).filter((value) => value !== '');
    if (!parameter.repeatable && values.length > 1) {
      problems.push({ parameter: name, message: `Geef "${name}" hooguit één keer.` });
      continue;
    }
    const allowed = new Set(parameter.values().map((value) => value.id));
    for (const value of values) {
      if (!allowed.has(value)) problems.push({ parameter: name, message: `Onbekende waarde "${echo(value)}" voor "${name}".` });
    }
  }
  return problems;
}

/** A dataset's `parseFilters`: the strict check where asked for, then the list page's own reading. */
export function parseFiltersWith<Filters>(
  params: URLSearchParams,
  options: { strict: boolean },
  parameters: readonly FilterParameter[],
  read: (params: URLSearchParams) => Filters,
): ParsedFilters<Filters> {
  if (options.strict) {
    const problems = strictProblems(params, parameters);
    if (problems.length > 0) return { ok: false, problems };
  }
  return { ok: true, filters: read(params) };
}

/** A repeatable filter over a vocabulary's terms. */
export function termParameter(name: string, description: string, terms: () => readonly { id: string; label: string }[], repeatable = true): FilterParameter {
  return { name, description, repeatable, values: () => terms().map(({ id, label }) => ({ id, label })) };
}
