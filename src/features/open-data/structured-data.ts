/**
 * Home of the schema.org data in the pages' heads (JSON-LD): the site as a WebSite with its
 * search, a case as an Article about its instruments and target groups that mentions its
 * organisations and places, an activity as an Event at Amsterdam times, an organisation as an
 * Organization (a municipality as a GovernmentOrganization). Search engines and other readers
 * take these as facts, so only what the page itself says goes in, and a demo activity gets none
 * (schema.org has no way to say "made up": docs/decisions/structured-data.md). Organisations are
 * named by our page about them (`…/organisaties/<id>/#organisatie`), since we do not hold their
 * own websites. `scriptSafeJson` is the one serialisation for the page.
 */
import { amsterdamIsoDateTime, spanDays, type TimeSpan } from '#domain/amsterdam-time.ts';
import { instruments, labelOf, targetGroups } from '#domain/facets.ts';
import type { OrganisationKind } from '#domain/accounts.ts';
import { buildTimeConfig } from '#platform/config.ts';
import { t } from '#platform/texts/nl.ts';
import { openLicence } from './licence.ts';

/** One JSON-LD object as it goes into the page. */
export type JsonLd = Record<string, unknown>;

/** The site these objects belong to: its origin and the network that publishes it. */
export interface StructuredSite {
  origin: string;
  publisher: { name: string; url?: string };
}

const SCHEMA = 'https://schema.org';

/** The site at this origin, published by the network from the configuration (as the footer names it). */
export function structuredSite(origin: string | URL): StructuredSite {
  const { name, url } = buildTimeConfig().network;
  return { origin: new URL(origin).origin, publisher: { name, url } };
}

function publisher(site: StructuredSite): JsonLd {
  return { '@type': 'Organization', '@id': `${site.origin}/#netwerk`, name: site.publisher.name, url: site.publisher.url };
}

/** Our page about an organisation names it: we hold no website of its own. */
const organisationId = (site: StructuredSite, id: string) => `${site.origin}/organisaties/${id}/#organisatie`;

/** A municipality is a government organisation; employers and partners are organisations. */
function organisationRef(site: StructuredSite, id: string, organisation: { name: string; kind: OrganisationKind }): JsonLd {
  return organisation.kind === 'municipality'
    ? { '@type': 'GovernmentOrganization', '@id': organisationId(site, id), name: `Gemeente ${organisation.name}` }
    : { '@type': 'Organization', '@id': organisationId(site, id), name: organisation.name };
}

/** The home page: the site, and how to search it (/zoeken/?q=…). */
export function webSite(site: StructuredSite): JsonLd {
  return {
    '@context': SCHEMA,
    '@type': 'WebSite',
    '@id': `${site.origin}/#website`,
    url: `${site.origin}/`,
    name: t.siteName,
    description: t.tagline,
    inLanguage: 'nl',
    license: openLicence.url,
    publisher: publisher(site),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.origin}/zoeken/?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** What a case page shows that the Article says. */
export interface CaseForStructuredData {
  path: string;
  title: string;
  summary: string;
  published: Date;
  updated?: Date;
  instruments: readonly string[];
  targetGroups: readonly string[];
  employers: readonly string[];
  partners: readonly string[];
  municipalities: readonly string[];
  /** Places that are not municipalities (a neighbourhood, a region). */
  places: readonly string[];
  /** The texts it rests on, and the pitch on the site it grew out of. */
  sources: readonly { title: string; publisher: string; url?: string }[];
  pitch?: { id: string; title: string };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A case study: the network's article about a practice, under the network's licence. */
export function caseArticle(item: CaseForStructuredData, organisations: ReadonlyMap<string, { name: string; kind: OrganisationKind }>, site: StructuredSite): JsonLd {
  const url = `${site.origin}${item.path}`;
  const named = (ids: readonly string[]) => ids.map((id) => organisationRef(site, id, organisations.get(id)!));
  return {
    '@context': SCHEMA,
    '@type': 'Article',
    '@id': `${url}#artikel`,
    url,
    mainEntityOfPage: url,
    headline: item.title,
    description: item.summary,
    inLanguage: 'nl',
    datePublished: day(item.published),
    dateModified: day(item.updated ?? item.published),
    author: publisher(site),
    publisher: publisher(site),
    license: openLicence.url,
    about: [
      ...item.instruments.map((id) => ({ '@type': 'DefinedTerm', name: labelOf(instruments, id), url: `${site.origin}/instrumenten/${id}/`, inDefinedTermSet: `${site.origin}/instrumenten/` })),
      ...item.targetGroups.map((id) => ({ '@type': 'DefinedTerm', name: labelOf(targetGroups, id), url: `${site.origin}/praktijkvoorbeelden/?doelgroep=${id}` })),
    ],
    mentions: [...named(item.employers), ...named(item.partners), ...named(item.municipalities), ...item.places.map((name) => ({ '@type': 'Place', name }))],
    isBasedOn: [
      ...(item.pitch ? [{ '@type': 'CreativeWork', name: item.pitch.title, url: `${site.origin}/pitches/${item.pitch.id}/` }] : []),
      // A source's `publisher` says what the text is ("Verkiezingsprogramma Utrecht, hoofdstuk werk"), not an organisation's name.
      ...item.sources.map((source) => ({ '@type': 'CreativeWork', name: source.title, description: source.publisher, url: source.url })),
    ],
  };
}

/** What an activity page shows that the Event says. */
export interface ActivityForStructuredData extends TimeSpan {
  id: string;
  title: string;
  description: string;
  place: string | null;
  onlineUrl: string | null;
  organiserName: string;
  status: string;
  demo: boolean;
}

/**
 * A public activity as an Event, at the times the clock in Amsterdam shows (with that day's
 * offset); an all-day one as whole days. Undefined for a demo activity (it does not take place)
 * and for one that is not public.
 */
export function activityEvent(activity: ActivityForStructuredData, site: StructuredSite, municipalityName?: string): JsonLd | undefined {
  if (activity.demo || (activity.status !== 'published' && activity.status !== 'cancelled')) return undefined;
  const { first, last } = spanDays(activity);
  const locations = [
    ...(activity.place ? [{ '@type': 'Place', name: activity.place, address: { '@type': 'PostalAddress', addressLocality: municipalityName, addressCountry: 'NL' } }] : []),
    ...(activity.onlineUrl ? [{ '@type': 'VirtualLocation', url: activity.onlineUrl }] : []),
  ];
  const mode = activity.place && activity.onlineUrl ? 'Mixed' : activity.onlineUrl ? 'Online' : 'Offline';
  const url = `${site.origin}/activiteiten/${activity.id}/`;
  return {
    '@context': SCHEMA,
    '@type': 'Event',
    '@id': `${url}#activiteit`,
    url,
    name: activity.title,
    description: activity.description,
    inLanguage: 'nl',
    startDate: activity.allDay ? first : amsterdamIsoDateTime(activity.startsAt),
    endDate: activity.allDay ? last : amsterdamIsoDateTime(activity.endsAt),
    eventStatus: `${SCHEMA}/${activity.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `${SCHEMA}/${mode}EventAttendanceMode`,
    location: locations.length > 1 ? locations : locations[0],
    organizer: { '@type': 'Organization', name: activity.organiserName },
  };
}

/** What an organisation page shows that the Organization says. */
export interface OrganisationForStructuredData {
  id: string;
  name: string;
  kind: OrganisationKind;
  description?: string;
  /** CBS municipality code (GM0479). */
  code?: string;
  province?: { name: string };
}

/** An organisation's page: a municipality as the government of its area, others as organisations. */
export function organisationData(organisation: OrganisationForStructuredData, site: StructuredSite): JsonLd {
  const page = `${site.origin}/organisaties/${organisation.id}/`;
  const municipality = organisation.kind === 'municipality';
  return {
    '@context': SCHEMA,
    ...organisationRef(site, organisation.id, organisation),
    mainEntityOfPage: page,
    description: organisation.description,
    ...(municipality && {
      identifier: organisation.code ? { '@type': 'PropertyValue', propertyID: 'CBS-gemeentecode', value: organisation.code } : undefined,
      areaServed: {
        '@type': 'AdministrativeArea',
        name: organisation.name,
        containedInPlace: organisation.province ? { '@type': 'AdministrativeArea', name: `Provincie ${organisation.province.name}` } : undefined,
      },
    }),
  };
}

/**
 * JSON for inside <script type="application/ld+json">: the HTML parser ends the element at the
 * first `</script` whatever JSON thinks, and `<!--` changes how it looks for that end. So every
 * `<`, `>` and `&` is written as a \u escape (the same string to a JSON reader), and so are the
 * two line separators older JavaScript parsers choke on. Nothing a title holds can end the element.
 */
export function scriptSafeJson(data: JsonLd | readonly JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
