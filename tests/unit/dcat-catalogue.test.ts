/**
 * The catalogue builder on its own: when a dataset's data last changed is said on the dataset,
 * its distributions and (the latest) on the catalogue, as xsd:dateTime; an unknown time or a
 * network without a website leaves the property out rather than filling in a guess.
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

const graph = () =>
  rdfGraph(
    dcatCatalogue({
      origin,
      network,
      datasets: [
        { name: 'oud', title: 'Oud', description: 'Eerder gewijzigd.', listPath: '/oud/', modified: earlier },
        { name: 'nieuw', title: 'Nieuw', description: 'Later gewijzigd.', listPath: '/nieuw/', modified: later },
        { name: 'onbekend', title: 'Onbekend', description: 'Zonder datum.', listPath: '/onbekend/' },
      ],
    }),
  );

describe('de catalogus zonder register', () => {
  test('laatste wijziging per dataset, per distributie en (de laatste) voor de catalogus', async () => {
    const g = await graph();
    const dataset = (name: string) => `${origin}/open-data/catalogus.jsonld#${name}`;
    const modified = (subject: string) => g.objects(subject, dct('modified')).map((term) => [term.value, term.datatype]);
    const dateTime = (ms: number) => [[new Date(ms).toISOString(), 'http://www.w3.org/2001/XMLSchema#dateTime']];
    expect(modified(dataset('oud'))).toEqual(dateTime(earlier));
    expect(modified(dataset('nieuw'))).toEqual(dateTime(later));
    expect(modified(dataset('onbekend'))).toEqual([]);
    for (const distribution of g.objects(dataset('nieuw'), dcat('distribution'))) expect(modified(distribution.value)).toEqual(dateTime(later));
    expect(modified(g.ofType(classes.catalog)[0]!)).toEqual(dateTime(later));
    expect(profileViolations(g)).toEqual([]);
  });

  test('een netwerk zonder website: geen lege homepage of URL', async () => {
    const g = await graph();
    expect(g.objects(g.ofType(classes.agent)[0]!, foaf('homepage'))).toEqual([]);
    expect(g.objects(g.ofType(classes.kind)[0]!, vcard('hasURL'))).toEqual([]);
    expect(g.objects(g.ofType(classes.catalog)[0]!, foaf('homepage')).map((term) => term.value)).toEqual([`${origin}/`]);
  });
});
