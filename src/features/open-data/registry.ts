/** Every open dataset, in the order the download page, the API and the catalogue list them. */
import type { z } from 'astro/zod';
import type { OpenDataset } from './dataset.ts';
import { bronnenDataset } from './datasets/bronnen.ts';
import { pitchesDataset } from './datasets/pitches.ts';

/** A dataset of any row and filter type, as the generic outputs see it. */
export type AnyOpenDataset = OpenDataset<z.ZodObject, unknown, Record<string, unknown>>;

export const openDatasets: readonly AnyOpenDataset[] = [pitchesDataset, bronnenDataset];

/** The dataset with this name in addresses, or undefined. */
export function datasetNamed(name: string): AnyOpenDataset | undefined {
  return openDatasets.find((dataset) => dataset.name === name);
}
