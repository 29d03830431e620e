/**
 * What kind of text a source is, and what weight its claims carry. A report
 * of an event tells what people said there; a party's election programme states intentions.
 * Pages show the explanation beside every source, so a reader can weigh a claim by its origin.
 */

export interface SourceKind {
  /** Label on source pages and lists. */
  readonly label: string;
  /** One word for "Stand van zaken (<short> van …)". */
  readonly short: string;
  /** What weight its claims carry, in plain Dutch. */
  readonly weight: string;
}

export const sourceKinds = {
  verslag: {
    label: 'Verslag van een bijeenkomst',
    short: 'verslag',
    weight:
      'Een verslag vertelt wat er op een bijeenkomst gezegd, getoond en gepitcht werd, opgeschreven door een van de organisatoren. Wat deelnemers over hun eigen praktijk vertelden, staat erin zoals zij het brachten: cijfers en resultaten zijn gemeld, niet door anderen nagemeten.',
  },
  verkiezingsprogramma: {
    label: 'Verkiezingsprogramma van een politieke partij',
    short: 'verkiezingsprogramma',
    weight:
      'Een verkiezingsprogramma zegt wat een partij wil doen als zij in de gemeente mag meebesturen: voornemens, geen resultaten. Wat een programma als bereikt of als vaststaand noemt, is de bewering van die partij.',
  },
} as const satisfies Record<string, SourceKind>;

export type SourceKindId = keyof typeof sourceKinds;

/** The kind ids as a non-empty tuple for `z.enum`. */
export const sourceKindIds = Object.keys(sourceKinds) as [SourceKindId, ...SourceKindId[]];
