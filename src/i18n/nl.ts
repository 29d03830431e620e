/** Dutch UI strings, in one place so wording stays consistent across pages. */
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
    rss: 'RSS-feed praktijkvoorbeelden',
    sitemap: 'Sitemap',
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
  organisationKinds: {
    municipality: 'Gemeente',
    employer: 'Werkgever',
    partner: 'Partner',
  },
} as const;

/** "1 praktijkvoorbeeld" / "3 praktijkvoorbeelden". */
export function countCases(n: number): string {
  return `${n} ${n === 1 ? 'praktijkvoorbeeld' : 'praktijkvoorbeelden'}`;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
