/**
 * Home of the open-data catalogue: every open dataset described in DCAT-AP-NL 3.0 (the Dutch
 * profile of DCAT-AP 3.0, by Geonovum), as JSON-LD, so data.overheid.nl and data.europa.eu can
 * harvest it. Built from the dataset descriptions alone: a dataset in the registry appears here
 * with its CSV and JSON downloads and its place in the API, and nothing here names one dataset.
 * Which properties the profile requires and how each is filled: docs/decisions/dcat-catalogue.md.
 * Pure: the caller passes the origin, the network and each dataset's last change.
 */
import { openLicence } from './licence.ts';

/** Where the catalogue lives: a stable address for harvesters. */
export const CATALOGUE_PATH = '/open-data/catalogus.jsonld';
export const CATALOGUE_MEDIA_TYPE = 'application/ld+json';

/** The API the datasets are also served by: its base path and its OpenAPI document. */
const API = { base: '/api/v1', description: '/api/v1/openapi.json', page: '/api/' } as const;

const EU = 'http://publications.europa.eu/resource/authority';
const IANA = 'https://www.iana.org/assignments/media-types';

/**
 * The controlled vocabularies the profile prescribes (the EU authority tables, IANA), with the
 * class each value has in DCAT-AP, so the catalogue says itself what each value is.
 */
const terms = {
  // Who may work with the data are municipalities, employers and people looking for work:
  // labour participation is "Bevolking en samenleving" (as Eurostat files its labour market
  // statistics under population and social conditions).
  theme: { '@id': `${EU}/data-theme/SOCI`, '@type': 'skos:Concept', 'skos:prefLabel': { '@value': 'Bevolking en samenleving', '@language': 'nl' }, 'skos:inScheme': { '@id': `${EU}/data-theme` } },
  themeScheme: { '@id': `${EU}/data-theme`, '@type': 'skos:ConceptScheme', 'dct:title': { '@value': 'Data theme', '@language': 'en' } },
  // The data change whenever a curator publishes or a pitch or activity is published.
  frequency: { '@id': `${EU}/frequency/UPDATE_CONT`, '@type': 'dct:Frequency' },
  accessRights: { '@id': `${EU}/access-right/PUBLIC`, '@type': 'dct:RightsStatement' },
  language: { '@id': `${EU}/language/NLD`, '@type': 'dct:LinguisticSystem' },
  netherlands: { '@id': `${EU}/country/NLD`, '@type': 'dct:Location' },
  licence: { '@id': openLicence.url, '@type': 'dct:LicenseDocument', 'dct:title': { '@value': openLicence.name, '@language': 'nl' } },
  openApi: { '@id': 'https://spec.openapis.org/oas/v3.1.0', '@type': 'dct:Standard' },
} as const;

/** The downloads of every dataset: /open-data/<name>.<extension>. */
const downloads = [
  { extension: 'csv', label: 'CSV', format: `${EU}/file-type/CSV`, mediaType: `${IANA}/text/csv`, note: 'CSV (UTF-8, puntkomma als scheidingsteken), te openen in Excel' },
  { extension: 'json', label: 'JSON', format: `${EU}/file-type/JSON`, mediaType: `${IANA}/application/json`, note: 'JSON' },
] as const;
const jsonFormat = { format: `${EU}/file-type/JSON`, mediaType: `${IANA}/application/json` } as const;

/** Words every dataset of the site is about; each dataset adds its own title. */
const siteKeywords = ['inclusief werk', 'arbeidsmarkt', 'gemeenten', 'werkgevers'];

/** What the catalogue needs of one dataset. */
export interface CatalogueDataset {
  name: string;
  title: string;
  description: string;
  /** The site's list page of this data. */
  listPath: string;
  /** Last change (ms since epoch), when known. */
  modified?: number;
}

/** The network that publishes the data and answers questions about it (the configuration's `network`). */
export interface CatalogueNetwork {
  name: string;
  email: string;
  url?: string;
  isExample: boolean;
}

export interface CatalogueInput {
  origin: string;
  network: CatalogueNetwork;
  datasets: readonly CatalogueDataset[];
}

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Node = Record<string, unknown>;
const nl = (text: string) => ({ '@value': text, '@language': 'nl' });
const ref = (id: string) => ({ '@id': id });
const dateTime = (ms: number) => ({ '@value': new Date(ms).toISOString(), '@type': 'xsd:dateTime' });

/** The addresses of the catalogue's own nodes: fragments of its address, so they resolve. */
function idsFor(origin: string) {
  const catalogue = `${origin}${CATALOGUE_PATH}`;
  return {
    catalogue,
    publisher: `${catalogue}#uitgever`,
    contact: `${catalogue}#contact`,
    api: `${catalogue}#api`,
    dataset: (name: string) => `${catalogue}#${name}`,
    distribution: (name: string, kind: string) => `${catalogue}#${name}-${kind}`,
  };
}
type Ids = ReturnType<typeof idsFor>;

/** Who publishes and answers for everything: the network. */
const responsible = (ids: Ids) => ({ 'dct:publisher': ref(ids.publisher), 'dcat:contactPoint': ref(ids.contact) });
/** Under which terms and in which language every distribution and the API come. */
const reuse = { 'dct:license': ref(terms.licence['@id']), 'dct:language': ref(terms.language['@id']) };

/** A dataset and its distributions: the two downloads and its place in the API. */
function datasetNodes(dataset: CatalogueDataset, origin: string, ids: Ids): Node[] {
  const modified = dataset.modified === undefined ? undefined : dateTime(dataset.modified);
  const files = downloads.map((download) => {
    const address = `${origin}/open-data/${dataset.name}.${download.extension}`;
    return {
      '@id': ids.distribution(dataset.name, download.extension),
      '@type': 'dcat:Distribution',
      'dct:title': nl(`${dataset.title} (${download.label})`),
      'dct:description': nl(`${dataset.description} Alles in één bestand: ${download.note}.`),
      'dcat:accessURL': ref(address),
      'dcat:downloadURL': ref(address),
      'dct:format': ref(download.format),
      'dcat:mediaType': ref(download.mediaType),
      'dct:modified': modified,
      ...reuse,
    };
  });
  const viaApi = {
    '@id': ids.distribution(dataset.name, 'api'),
    '@type': 'dcat:Distribution',
    'dct:title': nl(`${dataset.title} (API)`),
    'dct:description': nl(`${dataset.description} Per pagina of per item op te vragen via de API; de filters heten zoals op de site.`),
    'dcat:accessURL': ref(`${origin}${API.base}/${dataset.name}`),
    'dcat:accessService': ref(ids.api),
    'dct:format': ref(jsonFormat.format),
    'dcat:mediaType': ref(jsonFormat.mediaType),
    'dct:modified': modified,
    ...reuse,
  };
  const node: Node = {
    '@id': ids.dataset(dataset.name),
    '@type': 'dcat:Dataset',
    'dct:identifier': ids.dataset(dataset.name),
    'dct:title': nl(dataset.title),
    'dct:description': nl(dataset.description),
    'dcat:keyword': [dataset.title.toLowerCase(), ...siteKeywords].map(nl),
    'dcat:theme': ref(terms.theme['@id']),
    'dct:accrualPeriodicity': ref(terms.frequency['@id']),
    ...responsible(ids),
    'dct:creator': ref(ids.publisher),
    'dct:accessRights': ref(terms.accessRights['@id']),
    'dct:license': ref(terms.licence['@id']),
    'dcat:landingPage': ref(`${origin}${dataset.listPath}`),
    'dct:spatial': ref(terms.netherlands['@id']),
    'dct:language': ref(terms.language['@id']),
    'dct:modified': modified,
    'dcat:distribution': [...files, viaApi].map((d) => ref(d['@id'])),
  };
  return [node, ...files, viaApi];
}

/** The read-only API, serving every dataset, described by its OpenAPI document. */
function apiService(datasets: readonly CatalogueDataset[], origin: string, ids: Ids): Node {
  return {
    '@id': ids.api,
    '@type': 'dcat:DataService',
    'dct:identifier': ids.api,
    'dct:title': nl('API van Praktijkplein, versie 1'),
    'dct:description': nl('Een JSON-API om te lezen (alleen GET) voor dezelfde openbare gegevens als de downloads: lijsten met vaste pagina-aanwijzers en dezelfde filters als op de site, en elk item apart. Beschreven in OpenAPI 3.1.'),
    'dcat:endpointURL': ref(`${origin}${API.base}/`),
    'dcat:endpointDescription': ref(`${origin}${API.description}`),
    'dct:conformsTo': ref(terms.openApi['@id']),
    'dcat:landingPage': ref(`${origin}${API.page}`),
    'dcat:servesDataset': datasets.map((d) => ref(ids.dataset(d.name))),
    'dcat:theme': ref(terms.theme['@id']),
    'dcat:keyword': ['API', ...siteKeywords].map(nl),
    ...responsible(ids),
    'dct:creator': ref(ids.publisher),
    'dct:accessRights': ref(terms.accessRights['@id']),
    ...reuse,
  };
}

/** Each format and media type named once, with its class. */
function formatNodes(): Node[] {
  const all = [...downloads, jsonFormat];
  return [
    ...[...new Set(all.map((d) => d.format))].map((id) => ({ '@id': id, '@type': 'dct:MediaTypeOrExtent' })),
    ...[...new Set(all.map((d) => d.mediaType))].map((id) => ({ '@id': id, '@type': 'dct:MediaType' })),
  ];
}

/** The catalogue as a JSON-LD document (compacted, with its context inline: no remote context to fetch). */
export function dcatCatalogue({ origin, network, datasets }: CatalogueInput): Node {
  const ids = idsFor(origin);
  const modifiedTimes = datasets.flatMap((d) => (d.modified === undefined ? [] : [d.modified]));
  const catalogue: Node = {
    '@id': ids.catalogue,
    '@type': 'dcat:Catalog',
    'dct:title': nl('Open data van Praktijkplein'),
    'dct:description': nl(
      `Alle openbare lijsten van Praktijkplein, waar gemeenten en inclusieve werkgevers elkaar vinden: als CSV, als JSON en via de API. Zonder persoonsgegevens, onder ${openLicence.name}.` +
        (network.isExample ? ' Uitgever en contactadres zijn een voorbeeldinstelling: de echte netwerkorganisatie is nog niet ingesteld.' : ''),
    ),
    ...responsible(ids),
    'foaf:homepage': ref(`${origin}/`),
    'dct:language': ref(terms.language['@id']),
    'dct:license': ref(terms.licence['@id']),
    'dct:spatial': ref(terms.netherlands['@id']),
    'dcat:themeTaxonomy': ref(terms.themeScheme['@id']),
    'dct:modified': modifiedTimes.length > 0 ? dateTime(Math.max(...modifiedTimes)) : undefined,
    'dcat:dataset': datasets.map((d) => ref(ids.dataset(d.name))),
    'dcat:service': ref(ids.api),
  };
  const publisher: Node = {
    '@id': ids.publisher,
    '@type': 'foaf:Agent',
    'foaf:name': nl(network.name),
    'foaf:homepage': network.url ? ref(network.url) : undefined,
  };
  // The network's own mailbox, for questions about the data: never a person's address.
  const contact: Node = {
    '@id': ids.contact,
    '@type': ['vcard:Kind', 'vcard:Organization'],
    'vcard:fn': nl(network.name),
    'vcard:hasEmail': ref(`mailto:${network.email}`),
    'vcard:hasURL': network.url ? ref(network.url) : undefined,
  };
  const graph = [catalogue, publisher, contact, ...datasets.flatMap((d) => datasetNodes(d, origin, ids)), apiService(datasets, origin, ids), ...Object.values(terms), ...formatNodes()];
  return { '@context': CONTEXT, '@graph': graph.map(withoutEmpty) };
}

/** The node without the properties that have no value (an unknown date, a network without a website). */
function withoutEmpty(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined));
}
