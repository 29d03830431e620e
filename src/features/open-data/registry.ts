/**
 * Every open dataset, in the order the download page, the API and the catalogue list them.
 * A dataset added here appears in all three at once.
 */
import { bronnen } from './datasets/bronnen.ts';

export const openDatasets = [bronnen] as const;

/** The dataset with this name in its addresses, or undefined. */
export function datasetNamed(name: string): (typeof openDatasets)[number] | undefined {
  return openDatasets.find((dataset) => dataset.name === name);
}
