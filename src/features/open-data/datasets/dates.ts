/** When a dataset last changed, from the instants its rows carry. */

/** The latest of these instants (ms); undefined for none. */
export function latestInstant(instants: readonly (number | null)[]): number | undefined {
  // A loop, not Math.max(...list): a list of a hundred thousand would overflow the call stack.
  let latest: number | undefined;
  for (const value of instants) if (value !== null && Number.isFinite(value) && (latest === undefined || value > latest)) latest = value;
  return latest;
}
