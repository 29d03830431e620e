/** Dutch UI strings, in one place so wording stays consistent across pages. */
import { dutchDateAt } from '#domain/amsterdam-time.ts';
import { organisationKindLabel, type OrganisationKind } from '#domain/accounts.ts';

export const t = {
  siteName: 'Praktijkplein',
  tagline: 'Waar gemeenten en inclusieve werkgevers elkaar vinden',
  skipLink: 'Naar de inhoud',
  nav: {
    label: 'Hoofdmenu',
    cases: 'Praktijkvoorbeelden',
    instruments: 'Instrumenten',
    organisations: 'Organisaties',
    map: 'Kaart',
    search: 'Zoeken',
    about: 'Over Praktijkplein',
    account: 'Inloggen / Mijn account',
  },
  search: {
    label: 'Zoek in Praktijkplein',
    button: 'Zoeken',
    placeholderHint: 'Bijvoorbeeld: jobcoach, Zaanstad of basisbaan',
  },
  breadcrumb: { label: 'Kruimelpad', home: 'Home' },
  footer: {
    label: 'Over deze site',
    privacy: 'Privacy',
    accessibility: 'Toegankelijkheid',
    rss: 'Nieuwe praktijkvoorbeelden volgen in een nieuwslezer (RSS)',
    sitemap: 'Lijst van alle pagina’s (voor zoekmachines)',
  },
  facets: {
    sectors: 'Sector',
    targetGroups: 'Doelgroep',
    instruments: 'Instrument',
    municipalities: 'Gemeente',
    provinces: 'Provincie',
    regions: 'Arbeidsmarktregio',
    evidence: 'Soort bewijs',
    status: 'Status',
  },
  /** "Gemeente", "Werkgever", "Andere organisatie": the domain's labels, capitalised for headings. */
  organisationKinds: Object.fromEntries(
    Object.entries(organisationKindLabel).map(([kind, label]) => [kind, label[0]!.toUpperCase() + label.slice(1)]),
  ) as Record<OrganisationKind, string>,
} as const;

/** "1 praktijkvoorbeeld" / "3 praktijkvoorbeelden". */
export function countCases(n: number): string {
  return `${n} ${n === 1 ? 'praktijkvoorbeeld' : 'praktijkvoorbeelden'}`;
}

/** "12 maart 2026": the day it is in Amsterdam at an instant (the time module does the zone). */
export function formatDate(date: Date | number): string {
  return dutchDateAt(date);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as people say it: "30 minuten", "48 uur", "7 dagen". Texts about link lifetimes
 * and retention derive from the constants through this, so they cannot drift apart.
 */
export function durationText(ms: number): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  // Up to two days people count in hours ("48 uur"), beyond that in days.
  if (ms >= 3 * DAY && ms % DAY === 0) return plural(ms / DAY, 'dag', 'dagen');
  if (ms >= HOUR && ms % HOUR === 0) return plural(ms / HOUR, 'uur', 'uur');
  return plural(Math.round(ms / MINUTE), 'minuut', 'minuten');
}
