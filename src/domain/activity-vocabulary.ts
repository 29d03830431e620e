/**
 * The activity calendar's own vocabularies: what kind of activity it is and
 * whom it is for. Defined once, as the facets are (facets.ts): the form, the filters, the
 * database enum and the iCal feed's categories all read these lists.
 */
import { vocabulary } from './facets.ts';

/**
 * What kind of activity: the three the sources name (meet & greets, a work conference, an open
 * day), and the rest. The labels are plain Dutch; the sources' English "meet & greet" stays a
 * synonym, so search still finds it (the id stays as it is in addresses and the database).
 */
export const activityKinds = vocabulary([
  { id: 'meet-and-greet', label: 'Kennismaking', synonyms: ['meet & greet', 'meet and greet', 'ontmoeting'] },
  { id: 'werkconferentie', label: 'Werkconferentie', synonyms: ['congres', 'conferentie'] },
  { id: 'open-dag', label: 'Open dag bij een inclusieve werkgever', synonyms: [] },
  { id: 'anders', label: 'Andere activiteit', synonyms: [] },
] as const);
export type ActivityKind = (typeof activityKinds.ids)[number];

/** Whom an activity is for; an activity may be for several. */
export const activityAudiences = vocabulary([
  { id: 'gemeenten', label: 'Gemeenten', synonyms: [] },
  { id: 'werkgevers', label: 'Werkgevers', synonyms: [] },
  { id: 'werkzoekenden', label: 'Werkzoekenden en werknemers', synonyms: [] },
  { id: 'professionals', label: 'Jobcoaches en andere professionals', synonyms: [] },
] as const);
export type ActivityAudience = (typeof activityAudiences.ids)[number];
