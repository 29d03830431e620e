/**
 * The DCAT catalogue as the national portal's harvester meets it on the built server: one
 * stable address answering JSON-LD, parsed into RDF (jsonld), complying with DCAT-AP-NL 3.0, each
 * dataset with its downloads and its place in the API; and every address on this site it names
 * answers, each download with the media type the catalogue promises. That it lists every dataset
 * of the registry is the integration test's (the registry's datasets read the built content,
 * which a test outside the server cannot load). Addresses elsewhere (the EU vocabularies, the
 * licence) are not fetched: the test machine has no internet, and the integration test checks
 * that they come from the right vocabularies.
 */
import { describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';
import { rdfGraph } from '../rdf-graph.ts';
import { classes, profileViolations, properties } from '../dcat-ap-nl-profile.ts';

const { dcat } = properties;

async function catalogue() {
  const response = await fetch(new URL('/open-data/catalogus.jsonld', baseURL()));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/ld+json');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const document = (await response.json()) as { '@graph': { '@id': string }[] };
  return { document, graph: await rdfGraph(document) };
}

describe('de open-datacatalogus op de site', () => {
  test('is DCAT-AP-NL 3.0; elke dataset als CSV, als JSON en via de API', async () => {
    const { graph } = await catalogue();
    expect(profileViolations(graph)).toEqual([]);
    const [catalog] = graph.ofType(classes.catalog);
    const datasets = graph.objects(catalog!, dcat('dataset')).map((term) => term.value);
    expect(datasets.length).toBeGreaterThan(0);
    expect(datasets.sort()).toEqual(graph.ofType(classes.dataset).sort());
    for (const dataset of datasets) {
      const distributions = graph.objects(dataset, dcat('distribution')).map((term) => term.value);
      const mediaTypes = distributions.flatMap((d) => graph.objects(d, dcat('mediaType')).map((term) => term.value.split('/media-types/')[1]));
      expect(mediaTypes.sort(), dataset).toEqual(['application/json', 'application/json', 'text/csv']);
      expect(distributions.filter((d) => graph.objects(d, dcat('accessService')).length === 1), dataset).toHaveLength(1);
    }
  });

  test('elke pagina wijst hem aan in de kop, naast de feeds', async () => {
    for (const path of ['/', '/praktijkvoorbeelden/']) {
      const html = await (await fetch(new URL(path, baseURL()))).text();
      const link = /<link rel="alternate" type="application\/ld\+json"[^>]*href="([^"]+)"/.exec(html);
      expect(link?.[1], path).toBe('/open-data/catalogus.jsonld');
    }
  });

  test('elk adres op deze site dat hij noemt, bestaat; downloads in het beloofde formaat', async () => {
    const { graph } = await catalogue();
    const [catalog] = graph.ofType(classes.catalog);
    const origin = new URL(catalog!).origin;
    const own = [...new Set(graph.iris().filter((iri) => iri.startsWith(`${origin}/`)).map((iri) => iri.replace(/#.*$/, '')))];
    expect(own.length).toBeGreaterThan(graph.ofType(classes.dataset).length * 3);
    const answers = await Promise.all(own.map(async (address) => [new URL(address).pathname + new URL(address).search, (await fetch(new URL(address.slice(origin.length), baseURL()))).status] as const));
    expect(answers.filter(([, status]) => status !== 200)).toEqual([]);

    for (const distribution of graph.ofType(classes.distribution)) {
      const [download] = graph.objects(distribution, dcat('downloadURL'));
      if (!download) continue;
      const [mediaType] = graph.objects(distribution, dcat('mediaType'));
      const response = await fetch(new URL(download.value.slice(origin.length), baseURL()));
      expect(response.headers.get('content-type')?.split(';')[0], download.value).toBe(mediaType!.value.replace('https://www.iana.org/assignments/media-types/', ''));
      await response.body?.cancel();
    }
  });
});
