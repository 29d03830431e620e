/**
 * The properties DCAT-AP-NL 3.0 requires of each class (its SHACL shapes, shapes/dcat-ap-nl-SHACL.ttl
 * in github.com/Geonovum/DCAT-AP-NL30, on top of the DCAT-AP 3.0 shapes), plus the recommended
 * ones the catalogue promises to fill, with the kind of value, the class an IRI value must carry
 * and the controlled vocabulary it must come from. `profileViolations` checks a parsed graph
 * against them and lists every breach in words, so a failing test says what is missing where.
 */
import type { Graph, Term } from './rdf-graph.ts';

const dcat = (term: string) => `http://www.w3.org/ns/dcat#${term}`;
const dct = (term: string) => `http://purl.org/dc/terms/${term}`;
const foaf = (term: string) => `http://xmlns.com/foaf/0.1/${term}`;
const vcard = (term: string) => `http://www.w3.org/2006/vcard/ns#${term}`;
const skos = (term: string) => `http://www.w3.org/2004/02/skos/core#${term}`;
const EU = 'http://publications.europa.eu/resource/authority';

export const classes = {
  catalog: dcat('Catalog'),
  dataset: dcat('Dataset'),
  distribution: dcat('Distribution'),
  dataService: dcat('DataService'),
  agent: foaf('Agent'),
  kind: vcard('Kind'),
  concept: skos('Concept'),
  conceptScheme: skos('ConceptScheme'),
} as const;

export const properties = { dcat, dct, foaf, vcard, skos };

/** What one property must hold. */
interface Rule {
  property: string;
  min: number;
  max?: number;
  /** 'text' is a literal in Dutch (rdf:langString @nl), 'dateTime' an xsd:dateTime literal. */
  value: 'iri' | 'literal' | 'text' | 'dateTime';
  /** The class an IRI value carries in the graph. */
  class?: string;
  /** The start every IRI value has: its controlled vocabulary. */
  from?: string;
  /** Whether the profile requires it (V) or it is recommended and promised here (A). */
  level: 'V' | 'A';
}

const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

const text = (property: string, level: Rule['level'] = 'V', min = 1): Rule => ({ property, min, value: 'text', level });
const agent = (property: string, max?: number): Rule => ({ property, min: 1, max, value: 'iri', class: classes.agent, level: 'V' });
const common = {
  contactPoint: { property: dcat('contactPoint'), min: 1, value: 'iri', class: classes.kind, level: 'V' },
  accessRights: { property: dct('accessRights'), min: 1, max: 1, value: 'iri', class: dct('RightsStatement'), from: `${EU}/access-right/`, level: 'V' },
  theme: { property: dcat('theme'), min: 1, value: 'iri', class: classes.concept, from: `${EU}/data-theme/`, level: 'V' },
  licence: { property: dct('license'), min: 1, max: 1, value: 'iri', class: dct('LicenseDocument'), level: 'V' },
  language: { property: dct('language'), min: 1, value: 'iri', class: dct('LinguisticSystem'), from: `${EU}/language/`, level: 'A' },
  identifier: { property: dct('identifier'), min: 1, max: 1, value: 'literal', level: 'V' },
  spatial: { property: dct('spatial'), min: 1, value: 'iri', class: dct('Location'), from: `${EU}/country/`, level: 'A' },
  // Present when the data's last change is known.
  modified: { property: dct('modified'), min: 0, max: 1, value: 'dateTime', level: 'A' },
} satisfies Record<string, Rule>;

/** Per class, the rules of its properties. */
export const dcatApNl: Record<string, Rule[]> = {
  [classes.catalog]: [
    text(dct('title')),
    text(dct('description')),
    agent(dct('publisher'), 1),
    { ...common.contactPoint, max: 1 },
    { property: dcat('dataset'), min: 1, value: 'iri', class: classes.dataset, level: 'V' },
    { property: foaf('homepage'), min: 1, max: 1, value: 'iri', level: 'A' },
    common.language,
    { ...common.licence, level: 'A' },
    common.spatial,
    { property: dcat('themeTaxonomy'), min: 1, value: 'iri', class: classes.conceptScheme, level: 'A' },
    { property: dcat('service'), min: 1, value: 'iri', class: classes.dataService, level: 'A' },
    common.modified,
  ],
  [classes.dataset]: [
    text(dct('title')),
    text(dct('description')),
    common.identifier,
    agent(dct('publisher'), 1),
    agent(dct('creator')),
    common.contactPoint,
    common.accessRights,
    common.theme,
    { property: dct('accrualPeriodicity'), min: 1, max: 1, value: 'iri', class: dct('Frequency'), from: `${EU}/frequency/`, level: 'A' },
    text(dcat('keyword'), 'A'),
    { property: dcat('landingPage'), min: 1, value: 'iri', level: 'A' },
    common.spatial,
    common.language,
    { property: dcat('distribution'), min: 1, value: 'iri', class: classes.distribution, level: 'A' },
    common.modified,
  ],
  [classes.distribution]: [
    { property: dcat('accessURL'), min: 1, max: 1, value: 'iri', level: 'V' },
    common.licence,
    { property: dcat('downloadURL'), min: 0, max: 1, value: 'iri', level: 'A' },
    { property: dct('format'), min: 1, max: 1, value: 'iri', class: dct('MediaTypeOrExtent'), from: `${EU}/file-type/`, level: 'A' },
    { property: dcat('mediaType'), min: 1, max: 1, value: 'iri', class: dct('MediaType'), from: 'https://www.iana.org/assignments/media-types/', level: 'A' },
    text(dct('description'), 'A'),
    common.modified,
  ],
  [classes.dataService]: [
    text(dct('title')),
    text(dct('description')),
    { property: dcat('endpointURL'), min: 1, max: 1, value: 'iri', level: 'V' },
    { property: dcat('endpointDescription'), min: 1, max: 1, value: 'iri', level: 'V' },
    common.identifier,
    common.accessRights,
    common.contactPoint,
    common.licence,
    agent(dct('publisher'), 1),
    common.theme,
    { property: dcat('servesDataset'), min: 1, value: 'iri', class: classes.dataset, level: 'A' },
  ],
  [classes.agent]: [text(foaf('name'))],
  [classes.kind]: [
    text(vcard('fn'), 'A'),
    { property: vcard('hasEmail'), min: 1, value: 'iri', from: 'mailto:', level: 'A' },
  ],
  [classes.concept]: [text(skos('prefLabel'))],
  [classes.conceptScheme]: [{ property: dct('title'), min: 1, value: 'literal', level: 'V' }],
};

/** What is wrong with one value, or undefined. */
function wrongValue(graph: Graph, rule: Rule, value: Term): string | undefined {
  if (rule.value === 'iri') {
    if (value.kind !== 'iri') return `geen IRI maar ${value.kind} "${value.value}"`;
    if (rule.from && !value.value.startsWith(rule.from)) return `${value.value} komt niet uit ${rule.from}`;
    if (rule.class && !graph.hasType(value.value, rule.class)) return `${value.value} is geen ${rule.class}`;
    return undefined;
  }
  if (value.kind !== 'literal') return `geen tekst maar ${value.kind} ${value.value}`;
  if (rule.value === 'text' && (value.datatype !== LANG_STRING || value.language !== 'nl')) return `"${value.value}" is geen Nederlandse tekst (@nl)`;
  if (rule.value === 'dateTime' && value.datatype !== XSD_DATETIME) return `"${value.value}" is geen xsd:dateTime`;
  if (value.value.trim() === '') return 'lege tekst';
  return undefined;
}

/** Every breach of the profile in the graph, in words; empty when it complies. */
export function profileViolations(graph: Graph): string[] {
  const problems: string[] = [];
  for (const [type, rules] of Object.entries(dcatApNl)) {
    for (const subject of graph.ofType(type)) {
      for (const rule of rules) {
        const values = graph.objects(subject, rule.property);
        const where = `${subject} (${type.split(/[#/]/).pop()}) ${rule.property}`;
        if (values.length < rule.min) problems.push(`${where}: ${values.length} waarde(n), minstens ${rule.min} (${rule.level})`);
        if (rule.max !== undefined && values.length > rule.max) problems.push(`${where}: ${values.length} waarden, hoogstens ${rule.max}`);
        for (const value of values) {
          const wrong = wrongValue(graph, rule, value);
          if (wrong) problems.push(`${where}: ${wrong}`);
        }
      }
    }
  }
  return problems;
}
