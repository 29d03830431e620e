/**
 * Every open dataset, in the order the site lists them (/open-data/, the API, the catalogue): one
 * per public list of the site. A new public list becomes open data by its dataset here.
 */
import type { AnyOpenDataset } from './dataset.ts';
import { activiteiten } from './datasets/activiteiten.ts';
import { bronnen } from './datasets/bronnen.ts';
import { instrumenten } from './datasets/instrumenten.ts';
import { organisaties } from './datasets/organisaties.ts';
import { pitches } from './datasets/pitches.ts';
import { praktijkvoorbeelden } from './datasets/praktijkvoorbeelden.ts';
import { resultaten } from './datasets/resultaten.ts';

export const openDatasets: readonly AnyOpenDataset[] = [praktijkvoorbeelden, instrumenten, organisaties, bronnen, pitches, activiteiten, resultaten];

/** The dataset with this name (as in /open-data/<name>.csv), or undefined. */
export function datasetNamed(name: string): AnyOpenDataset | undefined {
  return openDatasets.find((dataset) => dataset.name === name);
}
