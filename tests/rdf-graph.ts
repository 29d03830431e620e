/**
 * JSON-LD read the way a harvester reads it: turned into RDF triples by the jsonld library (the
 * W3C JSON-LD algorithms), then asked about subjects, properties and classes. Tests of the DCAT
 * catalogue and of the pages' schema.org data check these triples, never the JSON text.
 */
import jsonld from 'jsonld';

export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** One object of a triple: an IRI, a blank node, or a literal with its datatype and language. */
export interface Term {
  kind: 'iri' | 'blank' | 'literal';
  value: string;
  datatype?: string;
  language?: string;
}

export interface Graph {
  /** Every subject (IRI or blank node id) typed with this class. */
  ofType(type: string): string[];
  /** The objects of one subject's property. */
  objects(subject: string, property: string): Term[];
  /** Whether a subject carries this class. */
  hasType(subject: string, type: string): boolean;
  /** Every IRI the graph names, as subject or object. */
  iris(): string[];
  /** Every literal's text. */
  literals(): string[];
  size: number;
}

/** A term of a quad as jsonld's toRDF gives it (RDF/JS data model; its typings leave the dataset untyped). */
interface RdfTerm {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}
interface Quad {
  subject: RdfTerm;
  predicate: RdfTerm;
  object: RdfTerm;
}
type Options = Parameters<typeof jsonld.toRDF>[1];

function termOf(node: RdfTerm): Term {
  if (node.termType === 'NamedNode') return { kind: 'iri', value: node.value };
  if (node.termType === 'BlankNode') return { kind: 'blank', value: node.value };
  return { kind: 'literal', value: node.value, datatype: node.datatype?.value, language: node.language || undefined };
}

/** The RDF graph a JSON-LD document stands for (`options` e.g. for a document loader). */
export async function rdfGraph(document: object, options: Options = {}): Promise<Graph> {
  const quads = (await jsonld.toRDF(document as never, options)) as Quad[];
  const triples = quads.map((quad) => ({ subject: quad.subject.value, property: quad.predicate.value, object: termOf(quad.object) }));
  return {
    size: triples.length,
    ofType: (type) => [...new Set(triples.filter((t) => t.property === RDF_TYPE && t.object.value === type).map((t) => t.subject))],
    objects: (subject, property) => triples.filter((t) => t.subject === subject && t.property === property).map((t) => t.object),
    hasType: (subject, type) => triples.some((t) => t.subject === subject && t.property === RDF_TYPE && t.object.value === type),
    iris: () => [...new Set(triples.flatMap((t) => [t.subject, t.property, ...(t.object.kind === 'iri' ? [t.object.value] : [])]))].filter((iri) => !iri.startsWith('_:')),
    literals: () => triples.flatMap((t) => (t.object.kind === 'literal' ? [t.object.value] : [])),
  };
}
