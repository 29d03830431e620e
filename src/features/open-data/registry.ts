/** Every open dataset, in the order the download page, the API and the catalogue list them. */
import type { AnyOpenDataset } from './dataset.ts';
import { bronnen } from './datasets/bronnen.ts';
import { pitches } from './datasets/pitches.ts';

export const openDatasets: readonly AnyOpenDataset[] = [pitches, bronnen];

/** The dataset with this name in addresses, or undefined. */
export function datasetNamed(name: string): AnyOpenDataset | undefined {
  return openDatasets.find((dataset) => dataset.name === name);
}
