/**
 * The one licence of the network's own texts and data, named the same way in the footer, every
 * download, every API response and the DCAT catalogue. What the network took from a source stays
 * under that source's terms: open outputs name the source next to it.
 */
export const openLicence = {
  /** SPDX identifier. */
  id: 'CC-BY-4.0',
  name: 'CC BY 4.0',
  /** The licence itself (the canonical address, as DCAT and schema.org expect). */
  url: 'https://creativecommons.org/licenses/by/4.0/',
  /** The Dutch summary for people. */
  humanUrl: 'https://creativecommons.org/licenses/by/4.0/deed.nl',
} as const;

/** The attribution line for an open output: who to name, under which licence, and where it came from. */
export function licenceNotice(networkName: string, origin: string): string {
  return `Teksten en gegevens van Praktijkplein (${networkName}), ${origin}, onder licentie ${openLicence.name} (${openLicence.url}). Vermeld bij hergebruik Praktijkplein als bron. Wat uit een andere bron komt, valt onder de voorwaarden van die bron.`;
}
