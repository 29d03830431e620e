/**
 * Home of the API's OpenAPI 3.1 document, generated from the dataset registry and the answer
 * shapes (api-shapes.ts, each dataset's row schema through `z.toJSONSchema`), so it lists every
 * dataset with its own filters and describes exactly the fields the API sends. Examples are
 * answers the API itself gave a moment ago (openApiDocumentFor), so they cannot drift either.
 * Texts are Dutch, for the same developers the API page (/api/) speaks to.
 */
import { z } from 'astro/zod';
import type { Deps } from '#platform/context.ts';
import { config } from '#platform/config.ts';
import { invalidParamSchema, PROBLEM_MEDIA_TYPE, problemKinds, problemOf, problemSchema, type ProblemKind } from '#platform/http/problem.ts';
import { API_METHODS } from '#platform/http/cors.ts';
import { openLicence } from './licence.ts';
import {
  API_BASE_PATH,
  API_CACHE_CONTROL,
  API_VERSION,
  indexBodySchema,
  itemBodySchema,
  itemSchema,
  licenceBodySchema,
  linkSchema,
  listBodySchema,
  rateLimitText,
  type ItemBody,
  type ListBody,
} from './api-shapes.ts';
import { DEFAULT_LIMIT, itemAnswer, listPage, MAX_LIMIT } from './api-pages.ts';
import type { AnyOpenDataset } from './dataset.ts';
import { MAX_CURSOR_LENGTH } from './cursor.ts';

/** A JSON value of the document. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
type JsonObject = { [key: string]: Json | undefined };

export interface OpenApiSettings {
  /** The site's public origin: the server address and every link. */
  origin: string;
  /** Who runs the site: the document's contact. */
  network: { name: string; email: string; url?: string };
  /** Per dataset name: a first page and its first item as the API answered them, shown as examples. */
  examples: ReadonlyMap<string, { list?: ListBody; item?: ItemBody }>;
}

/** 'praktijkvoorbeelden' → 'Praktijkvoorbeelden', for component names. */
const componentName = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

const ref = (kind: 'schemas' | 'parameters' | 'responses' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** The component schemas: the shared shapes and, per dataset, its item, page and item answer. */
function componentSchemas(datasets: readonly AnyOpenDataset[]): JsonObject {
  const registry = z.registry<{ id: string }>();
  registry.add(licenceBodySchema, { id: 'Licentie' });
  registry.add(linkSchema, { id: 'Link' });
  registry.add(problemSchema, { id: 'Probleem' });
  registry.add(invalidParamSchema, { id: 'OngeldigeParameter' });
  registry.add(indexBodySchema, { id: 'Ingang' });
  for (const dataset of datasets) {
    const name = componentName(dataset.name);
    const item = itemSchema(dataset.row).describe(`Eén rij van ${dataset.title.toLowerCase()}.`);
    registry.add(item, { id: `${name}Item` });
    registry.add(listBodySchema(item).describe(`Een pagina van ${dataset.title.toLowerCase()}.`), { id: `${name}Lijst` });
    registry.add(itemBodySchema(item).describe(`Eén item van ${dataset.title.toLowerCase()}.`), { id: `${name}Antwoord` });
  }
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'output', target: 'draft-2020-12' }) as { schemas: Record<string, JsonObject> };
  // Each schema is a component of this document, not a document of its own: no $schema, no $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]));
}

const headerComponents: JsonObject = {
  ETag: { description: 'Sterke entity tag van deze inhoud. Stuur hem terug in If-None-Match; ongewijzigd geeft 304.', schema: { type: 'string', pattern: '^"[^"]*"$' } },
  LastModified: { description: 'Wanneer de gegevens van dit antwoord het laatst veranderden, als dat bekend is.', schema: { type: 'string' } },
  CacheControl: { description: `Openbare gegevens: een cache mag het antwoord ${API_CACHE_CONTROL.match(/max-age=(\d+)/)?.[1] ?? '60'} seconden bewaren en vraagt daarna opnieuw met de ETag.`, schema: { type: 'string' } },
  Link: {
    description: 'Links volgens RFC 8288: rel="next" (de volgende pagina), rel="license" (de licentie) en rel="service-desc" (dit document).',
    schema: { type: 'string' },
  },
  ApiVersion: { description: 'De versie van deze API.', schema: { type: 'string', const: API_VERSION } },
  AccessControlAllowOrigin: { description: 'Elke website mag de gegevens lezen (CORS).', schema: { type: 'string', const: '*' } },
  RetryAfter: { description: 'Na hoeveel seconden u het opnieuw kunt proberen.', required: true, schema: { type: 'integer', minimum: 1 } },
};

/** Headers of every answer with data (200) and of 304. */
const dataHeaders = (withLink: boolean): JsonObject => ({
  ETag: ref('headers', 'ETag'),
  'Last-Modified': ref('headers', 'LastModified'),
  'Cache-Control': ref('headers', 'CacheControl'),
  ...(withLink ? { Link: ref('headers', 'Link') } : {}),
  'API-Version': ref('headers', 'ApiVersion'),
  'Access-Control-Allow-Origin': ref('headers', 'AccessControlAllowOrigin'),
});

/** Response components: 304 and one per kind of problem, each with an example. */
function responseComponents(origin: string): JsonObject {
  const example = (kind: ProblemKind, detail: string, instance: string, invalidParams?: { name: string; reason: string }[]) =>
    problemOf(kind, { origin, instance, detail, invalidParams }) as unknown as JsonObject;
  const problemResponse = (kind: ProblemKind, value: JsonObject, headers: JsonObject = {}): JsonObject => ({
    description: `${problemKinds[kind].title}: ${problemKinds[kind].help}`,
    headers: { 'Access-Control-Allow-Origin': ref('headers', 'AccessControlAllowOrigin'), ...headers },
    content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('schemas', 'Probleem'), examples: { voorbeeld: { value: value } } } },
  });
  return {
    NietGewijzigd: { description: 'Niet gewijzigd: uw kopie (If-None-Match of If-Modified-Since) is nog actueel. Geen inhoud.', headers: dataHeaders(false) },
    OngeldigeParameter: problemResponse(
      'ongeldige-parameter',
      example('ongeldige-parameter', 'Dit verzoek kan zo niet worden beantwoord: 1 parameter klopt niet.', `${API_BASE_PATH}/pitches?limit=5000`, [
        { name: 'limit', reason: `limit moet een heel getal van 1 tot en met ${MAX_LIMIT} zijn (standaard ${DEFAULT_LIMIT}), niet "5000".` },
      ]),
    ),
    NietGevonden: problemResponse('niet-gevonden', example('niet-gevonden', 'Er is geen openbaar item met dit id in deze dataset.', `${API_BASE_PATH}/pitches/bestaat-niet`)),
    NietAanvaardbaar: problemResponse('niet-aanvaardbaar', example('niet-aanvaardbaar', 'De API antwoordt alleen in JSON (application/json).', `${API_BASE_PATH}/pitches`)),
    TeVeelVerzoeken: problemResponse(
      'te-veel-verzoeken',
      example('te-veel-verzoeken', `Te veel verzoeken vanaf uw netwerk (${rateLimitText()}). Probeer het over 1 seconde opnieuw.`, `${API_BASE_PATH}/pitches`),
      { 'Retry-After': ref('headers', 'RetryAfter') },
    ),
    Serverfout: problemResponse('serverfout', example('serverfout', 'Er ging aan onze kant iets mis. Probeer het later opnieuw.', `${API_BASE_PATH}/pitches`)),
  };
}

const commonParameters: JsonObject = {
  limit: {
    name: 'limit',
    in: 'query',
    description: `Hoeveel rijen per pagina: 1 tot en met ${MAX_LIMIT}, standaard ${DEFAULT_LIMIT}.`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
  cursor: {
    name: 'cursor',
    in: 'query',
    description: 'Waar de pagina begint. Neem hem over uit de next-link van het vorige antwoord; zelf maken of veranderen geeft 400. Hij hoort bij de dataset en de filters waarvoor hij gemaakt is.',
    schema: { type: 'string', maxLength: MAX_CURSOR_LENGTH },
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description: 'De ETag van uw kopie (of een lijst, of *). Ongewijzigd geeft 304 zonder inhoud. Een waarde die geen geldige lijst van entity tags is, geeft 400.',
    schema: { type: 'string' },
  },
  IfModifiedSince: {
    name: 'If-Modified-Since',
    in: 'header',
    description: 'Een HTTP-datum; telt alleen zonder If-None-Match. Niets veranderd sinds dan geeft 304. Een ongeldige datum wordt genegeerd (RFC 9110).',
    schema: { type: 'string' },
  },
};

type ProblemResponse = 'OngeldigeParameter' | 'NietGevonden' | 'NietAanvaardbaar' | 'TeVeelVerzoeken' | 'Serverfout';
const conditionalParameters = [ref('parameters', 'IfNoneMatch'), ref('parameters', 'IfModifiedSince')];

const problemRefs = (kinds: ProblemResponse[]) =>
  Object.fromEntries(
    kinds.map((kind) => [{ OngeldigeParameter: '400', NietGevonden: '404', NietAanvaardbaar: '406', TeVeelVerzoeken: '429', Serverfout: '500' }[kind], ref('responses', kind)]),
  );

/** The query parameters of a dataset's list: its filters as on its page, then limit and cursor. */
function listParameters(dataset: AnyOpenDataset): Json[] {
  const filters = dataset.filterParameters.map((parameter): JsonObject => {
    const values = parameter.values().map((value) => value.id);
    const value: JsonObject = { type: 'string', ...(values.length > 0 ? { enum: values } : {}) };
    return {
      name: parameter.name,
      in: 'query',
      description: `${parameter.description}${parameter.repeatable ? ' Mag vaker voorkomen: dan telt elk van de waarden (of).' : ''} Als op ${dataset.listPath}.`,
      ...(parameter.repeatable ? { schema: { type: 'array', items: value }, style: 'form', explode: true } : { schema: value }),
      ...(values[0] ? { example: parameter.repeatable ? [values[0]] : values[0] } : {}),
    };
  });
  return [...filters, ref('parameters', 'limit'), ref('parameters', 'cursor'), ...conditionalParameters];
}

const jsonContent = (schemaName: string, example?: unknown): JsonObject => ({
  'application/json': { schema: ref('schemas', schemaName), ...(example ? { examples: { voorbeeld: { value: example as Json } } } : {}) },
});

/** A GET operation: its data answer (200), 304, and the problems it can answer with. */
function getOperation(operation: {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters: Json[];
  ok: { description: string; content: JsonObject };
  problems: ProblemResponse[];
}): JsonObject {
  const { ok, problems, ...rest } = operation;
  return {
    get: {
      ...rest,
      responses: {
        '200': { description: ok.description, headers: dataHeaders(true), content: ok.content },
        '304': ref('responses', 'NietGewijzigd'),
        ...problemRefs(problems),
      },
    },
  };
}

/** The paths of one dataset: its list and its items. */
function datasetPaths(dataset: AnyOpenDataset, examples: OpenApiSettings['examples']): JsonObject {
  const name = componentName(dataset.name);
  const example = examples.get(dataset.name);
  return {
    [`/${dataset.name}`]: getOperation({
      operationId: `${dataset.name}Lijst`,
      tags: [dataset.name],
      summary: `${dataset.title}: een pagina van de lijst`,
      description: `${dataset.description} Dezelfde gegevens en filters als ${dataset.listPath} op de site. Vaste volgorde; blader met de next-link.`,
      parameters: listParameters(dataset),
      ok: { description: 'Een pagina van de lijst.', content: jsonContent(`${name}Lijst`, example?.list) },
      problems: ['OngeldigeParameter', 'NietAanvaardbaar', 'TeVeelVerzoeken', 'Serverfout'],
    }),
    [`/${dataset.name}/{id}`]: getOperation({
      operationId: `${dataset.name}Item`,
      tags: [dataset.name],
      summary: `${dataset.title}: één item`,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Het id van het item, zoals in zijn _links.self.', schema: { type: 'string' } }, ...conditionalParameters],
      ok: { description: 'Het item.', content: jsonContent(`${name}Antwoord`, example?.item) },
      problems: ['OngeldigeParameter', 'NietGevonden', 'NietAanvaardbaar', 'TeVeelVerzoeken', 'Serverfout'],
    }),
  };
}

/** The document's introduction (CommonMark): what a developer needs before the first call. */
function introduction(origin: string): string {
  return [
    'Alleen-lezen API met de openbare gegevens van Praktijkplein: dezelfde lijsten en filters als op de site, als JSON.',
    '',
    `**Licentie.** De eigen teksten en gegevens van het netwerk vallen onder ${openLicence.name} (${openLicence.url}). Elk antwoord noemt de licentie (veld \`licentie\`, kopregel \`Link: <…>; rel="license"\`). Wat uit een andere bron komt, noemt die bron.`,
    '',
    `**Bladeren.** Een lijst geeft hoogstens \`limit\` rijen (standaard ${DEFAULT_LIMIT}, hoogstens ${MAX_LIMIT}) in een vaste volgorde. De volgende pagina staat in \`_links.next.href\` en in de kopregel \`Link: <…>; rel="next"\`; op de laatste pagina ontbreekt hij. Een cursor blijft geldig als er intussen iets bijkomt: u ziet elke rij één keer.`,
    '',
    '**Filters.** Met dezelfde namen en waarden als op de site. Een onbekende parameter of waarde geeft 400 met per parameter de reden, nooit stilzwijgend een ander antwoord.',
    '',
    `**Cache.** Elk antwoord heeft een sterke \`ETag\` en waar bekend \`Last-Modified\`. Vraag opnieuw met \`If-None-Match\` (of \`If-Modified-Since\`): ongewijzigd geeft 304 zonder inhoud. \`Cache-Control: ${API_CACHE_CONTROL}\`.`,
    '',
    `**Limiet.** Per netwerk (een IPv4-adres, of een IPv6-/64): ${rateLimitText()}. Daarboven 429 met \`Retry-After\` in seconden.`,
    '',
    `**Fouten.** Als \`${PROBLEM_MEDIA_TYPE}\` (RFC 9457) met \`type\`, \`title\`, \`status\`, \`detail\`, \`instance\` en bij 400 \`invalid-params\`. Het \`type\` is een adres op ${new URL('/api/', origin).href} met uitleg. Andere methoden dan ${API_METHODS.join(', ')} geven 405.`,
    '',
    '**CORS.** Elke website mag de API vanuit de browser lezen (`Access-Control-Allow-Origin: *`), zonder cookies.',
  ].join('\n');
}

/** The whole document for these datasets. */
export function openApiDocument(datasets: readonly AnyOpenDataset[], settings: OpenApiSettings): JsonObject {
  const { origin, network } = settings;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Praktijkplein open data',
      summary: 'Openbare praktijkvoorbeelden, instrumenten, organisaties, pitches en meer, als JSON.',
      description: introduction(origin),
      version: API_VERSION,
      contact: { name: network.name, email: network.email, ...(network.url ? { url: network.url } : {}) },
      license: { name: openLicence.name, identifier: openLicence.id },
    },
    servers: [{ url: new URL(API_BASE_PATH, origin).href, description: 'Praktijkplein' }],
    externalDocs: { description: 'Uitleg met voorbeelden', url: new URL('/api/', origin).href },
    tags: datasets.map((dataset) => ({ name: dataset.name, description: dataset.description })),
    paths: {
      '/': getOperation({
        operationId: 'ingang',
        summary: 'De datasets van deze API',
        parameters: conditionalParameters,
        ok: { description: 'Elke dataset met zijn adres.', content: jsonContent('Ingang') },
        problems: ['OngeldigeParameter', 'NietAanvaardbaar', 'TeVeelVerzoeken', 'Serverfout'],
      }),
      '/openapi.json': getOperation({
        operationId: 'openapi',
        summary: 'Dit document',
        parameters: conditionalParameters,
        ok: { description: 'Het OpenAPI-document.', content: { 'application/json': { schema: { type: 'object' } } } },
        problems: ['OngeldigeParameter', 'NietAanvaardbaar', 'TeVeelVerzoeken', 'Serverfout'],
      }),
      ...Object.assign({}, ...datasets.map((dataset) => datasetPaths(dataset, settings.examples))),
    },
    components: {
      schemas: componentSchemas(datasets),
      parameters: commonParameters,
      headers: headerComponents,
      responses: responseComponents(origin),
    },
  };
}

/** The document with examples from the data as it is now: per dataset a first page of two rows and its first item. */
export async function openApiDocumentFor(deps: Deps, datasets: readonly AnyOpenDataset[]): Promise<JsonObject> {
  const examples = new Map<string, { list?: ListBody; item?: ItemBody }>();
  for (const dataset of datasets) {
    const page = await listPage(deps, dataset, new URLSearchParams({ limit: '2' }));
    if (!page.ok) continue;
    const first = page.ids[0];
    const item = first === undefined ? undefined : await itemAnswer(deps, dataset, first);
    examples.set(dataset.name, { list: page.body, item: item?.ok ? item.body : undefined });
  }
  return openApiDocument(datasets, { origin: deps.origin, network: config().network, examples });
}
