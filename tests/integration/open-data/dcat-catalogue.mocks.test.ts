/**
 * The DCAT catalogue as a harvester reads it: built from the registry over a real database,
 * parsed into RDF by the jsonld library, then checked against the properties DCAT-AP-NL 3.0
 * requires per class (tests/dcat-ap-nl-profile.ts). Every dataset of the registry is in it with
 * its CSV, JSON and API distributions, the API is one DataService serving them all, and no
 * e-mail address other than the network's own is in it, even with demo accounts in the database.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { dcatCatalogue, type CatalogueNetwork } from '#features/open-data/dcat-catalogue.ts';
import { catalogueDatasets } from '#features/open-data/catalogue-datasets.ts';
import { openDatasets } from '#features/open-data/registry.ts';
import { parseConfig } from '#platform/config.ts';
import { rdfGraph, type Graph } from '../../rdf-graph.ts';
import { classes, profileViolations, properties } from '../../dcat-ap-nl-profile.ts';
import { registeredUser, testDatabase, type TestDb } from '../accounts/helpers.ts';

// Built content is not here: datasets that read the content collections list nothing, which
// leaves their names, texts and list pages (all the catalogue describes of them) as they are.
vi.mock('astro:content', () => ({ getCollection: async () => [], getEntry: async () => undefined }));

const { dcat, dct, foaf } = properties;
const origin = 'https://praktijkplein.test';
const network: CatalogueNetwork = { name: 'Netwerk Inclusief Werk Testregio', email: 'open-data@netwerk.test', url: 'https://netwerk.test', isExample: false };

let t: TestDb;
beforeEach(async () => {
  t = await testDatabase();
});
afterEach(() => t.cleanup());

async function catalogueGraph(who: CatalogueNetwork = network): Promise<Graph> {
  return rdfGraph(dcatCatalogue({ origin, network: who, datasets: await catalogueDatasets(t.deps()) }));
}

const iris = (graph: Graph, subject: string, property: string) => graph.objects(subject, property).map((term) => term.value);

describe('de DCAT-catalogus', () => {
  test('voldoet per klasse aan de verplichte (en beloofde aanbevolen) eigenschappen van DCAT-AP-NL 3.0', async () => {
    const graph = await catalogueGraph();
    expect(graph.ofType(classes.catalog)).toHaveLength(1);
    expect(graph.ofType(classes.dataService)).toHaveLength(1);
    expect(graph.ofType(classes.agent)).toHaveLength(1);
    expect(graph.ofType(classes.dataset).length).toBeGreaterThan(0);
    expect(profileViolations(graph)).toEqual([]);
  });

  test('de toets ziet een ontbrekende verplichte eigenschap', async () => {
    // Without this, a check that matches no subject would pass every catalogue.
    const document = dcatCatalogue({ origin, network, datasets: await catalogueDatasets(t.deps()) }) as { '@graph': Record<string, unknown>[] };
    const dataset = document['@graph'].find((node) => node['@type'] === 'dcat:Dataset')!;
    delete dataset['dct:accessRights'];
    delete dataset['dcat:theme'];
    const problems = profileViolations(await rdfGraph(document));
    expect(problems.some((p) => p.includes(`${dct('accessRights')}: 0 waarde(n)`))).toBe(true);
    expect(problems.some((p) => p.includes(`${dcat('theme')}: 0 waarde(n)`))).toBe(true);
  });

  test('elke dataset van het register staat erin, met CSV, JSON en de API', async () => {
    const graph = await catalogueGraph();
    const [catalogue] = graph.ofType(classes.catalog);
    const [service] = graph.ofType(classes.dataService);
    const listed = iris(graph, catalogue!, dcat('dataset'));
    expect(listed).toHaveLength(openDatasets.length);
    expect(iris(graph, service!, dcat('servesDataset')).sort()).toEqual([...listed].sort());
    for (const dataset of openDatasets) {
      const subject = listed.find((id) => iris(graph, id, dcat('landingPage')).includes(`${origin}${dataset.listPath}`));
      expect(subject, dataset.name).toBeDefined();
      expect(graph.objects(subject!, dct('title')).map((term) => term.value)).toEqual([dataset.title]);
      const distributions = iris(graph, subject!, dcat('distribution'));
      const byDownload = (address: string) => distributions.find((d) => iris(graph, d, dcat('downloadURL')).includes(address));
      const csv = byDownload(`${origin}/open-data/${dataset.name}.csv`);
      const json = byDownload(`${origin}/open-data/${dataset.name}.json`);
      expect(csv && iris(graph, csv, dcat('mediaType')), dataset.name).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
      expect(json && iris(graph, json, dcat('mediaType')), dataset.name).toEqual(['https://www.iana.org/assignments/media-types/application/json']);
      const api = distributions.find((d) => iris(graph, d, dcat('accessService')).includes(service!));
      expect(api && iris(graph, api, dcat('accessURL')), dataset.name).toEqual([`${origin}/api/v1/${dataset.name}`]);
    }
    expect(iris(graph, service!, dcat('endpointDescription'))).toEqual([`${origin}/api/v1/openapi.json`]);
  });

  test('uitgever, maker en contactpunt zijn de netwerkorganisatie uit de instellingen', async () => {
    const graph = await catalogueGraph();
    const [publisher] = graph.ofType(classes.agent);
    expect(graph.objects(publisher!, foaf('name')).map((term) => term.value)).toEqual([network.name]);
    expect(iris(graph, publisher!, foaf('homepage'))).toEqual([network.url]);
    const [contact] = graph.ofType(classes.kind);
    expect(iris(graph, contact!, properties.vcard('hasEmail'))).toEqual([`mailto:${network.email}`]);
    for (const dataset of graph.ofType(classes.dataset)) {
      expect(iris(graph, dataset, dct('publisher'))).toEqual([publisher]);
      expect(iris(graph, dataset, dct('creator'))).toEqual([publisher]);
      expect(iris(graph, dataset, dct('license'))).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    }
  });

  test('een voorbeeldinstelling zegt dat zij een voorbeeld is', async () => {
    const example = parseConfig({}).network;
    const graph = await catalogueGraph(example);
    const [catalogue] = graph.ofType(classes.catalog);
    expect(graph.objects(catalogue!, dct('description'))[0]!.value).toMatch(/voorbeeldinstelling/);
    expect(profileViolations(graph)).toEqual([]);
  });

  test('geen persoonsgegevens: het enige e-mailadres is dat van het netwerk, ook met demo-accounts in de database', async () => {
    const demo = await registeredUser(t, 'gemeente@demo.praktijkplein.nl');
    const graph = await catalogueGraph();
    const mailAddresses = graph.iris().filter((iri) => iri.startsWith('mailto:'));
    expect(mailAddresses).toEqual([`mailto:${network.email}`]);
    const everything = [...graph.iris(), ...graph.literals()];
    expect(everything.filter((value) => value.includes('@') && !value.includes(network.email))).toEqual([]);
    expect(everything.filter((value) => value.includes(demo.email) || value.includes(demo.name))).toEqual([]);
  });
});
