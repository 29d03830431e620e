/**
 * The catalogue builder on its own: when a dataset's data last changed is said on the dataset and
 * its distributions, as xsd:dateTime, and on the catalogue only when every dataset's is known (the
 * latest of them); an unknown time or a network without a website leaves the property out rather
 * than filling in a guess.
 */
import { describe, expect, test } from 'vitest';
import { dcatCatalogue } from '#features/open-data/dcat-catalogue.ts';
import { rdfGraph } from '../rdf-graph.ts';
import { classes, profileViolations, properties } from '../dcat-ap-nl-profile.ts';

const { dct, dcat, foaf, vcard } = properties;
const origin = 'https://praktijkplein.test';
const network = { name: 'Netwerk zonder website', email: 'info@netwerk.test', isExample: false };
const earlier = Date.parse('2026-03-29T00:30:00Z');
const later = Date.parse('2026-11-02T09:15:00Z');

const known = [
  { name: 'oud', title: 'Oud', description: 'Eerder gewijzigd.', listPath: '/oud/', modified: earlier },
  { name: 'nieuw', title: 'Nieuw', description: 'Later gewijzigd.', listPath: '/nieuw/', modified: later },
];
const graph = (datasets = [...known, { name: 'onbekend', title: 'Onbekend', description: 'Zonder datum.', listPath: '/onbekend/' }]) => rdfGraph(dcatCatalogue({ origin, network, datasets }));
const dateTime = (ms: number) => [[new Date(ms).toISOString(), 'http://www.w3.org/2001/XMLSchema#dateTime']];

describe('de catalogus zonder register', () => {
  test('laatste wijziging per dataset en per distributie; de catalogus zegt er geen zolang één dataset de zijne niet weet', async () => {
    const g = await graph();
    const dataset = (name: string) => `${origin}/open-data/catalogus.jsonld#${name}`;
    const modified = (subject: string) => g.objects(subject, dct('modified')).map((term) => [term.value, term.datatype]);
    expect(modified(dataset('oud'))).toEqual(dateTime(earlier));
    expect(modified(dataset('nieuw'))).toEqual(dateTime(later));
    expect(modified(dataset('onbekend'))).toEqual([]);
    for (const distribution of g.objects(dataset('nieuw'), dcat('distribution'))) expect(modified(distribution.value)).toEqual(dateTime(later));
    // "nieuw" changing last says nothing of when "onbekend" did.
    expect(modified(g.ofType(classes.catalog)[0]!)).toEqual([]);
    expect(profileViolations(g)).toEqual([]);
  });

  test('weet elke dataset zijn laatste wijziging, dan is die van de catalogus de laatste daarvan', async () => {
    const g = await graph(known);
    const catalogue = g.ofType(classes.catalog)[0]!;
    expect(g.objects(catalogue, dct('modified')).map((term) => [term.value, term.datatype])).toEqual(dateTime(later));
  });

  test('een netwerk zonder website: geen lege homepage of URL', async () => {
    const g = await graph();
    expect(g.objects(g.ofType(classes.agent)[0]!, foaf('homepage'))).toEqual([]);
    expect(g.objects(g.ofType(classes.kind)[0]!, vcard('hasURL'))).toEqual([]);
    expect(g.objects(g.ofType(classes.catalog)[0]!, foaf('homepage')).map((term) => term.value)).toEqual([`${origin}/`]);
  });
});
