/**
 * What the open-data API tests share: the server's own OpenAPI document, a checker that holds a
 * real response against the operation the document describes (status, declared headers, media
 * type, body schema) with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) and ajv-formats,
 * and demo data in the server's database so every dataset has rows. The tests walk the document
 * rather than the registry: the document is made from the registry on the server, and the
 * registry's datasets read content through Astro, which a test process cannot load.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { seedMarketplace } from '../../scripts/demo-marketplace.ts';
import { seedFollowUps } from '../../scripts/demo-follow-ups.ts';
import { seedActivities } from '../../scripts/demo-activities.ts';
import { organisations } from '#db/schema.ts';
import { baseURL } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { confirmedAccount } from './session-support.ts';

type Json = Record<string, unknown>;

interface HeaderObject {
  required?: boolean;
  schema?: Json;
}
interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | { $ref: string }>;
  content?: Record<string, { schema: Json }>;
}
interface Operation {
  operationId: string;
  parameters?: (Json | { $ref: string })[];
  responses: Record<string, ResponseObject | { $ref: string }>;
}
export interface ApiDocument {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Json>; responses: Record<string, ResponseObject>; headers: Record<string, HeaderObject> };
}

/** The API's address on the test server (the document's own server names the configured site). */
export const api = (path = '') => `${baseURL()}/api/v1${path}`;

/** An address the API gave (a next link, an item's self) on the test server. */
export function onTestServer(href: string): string {
  const url = new URL(href);
  return `${baseURL()}${url.pathname}${url.search}`;
}

let client = 0;
/** A client address of its own for each caller, so the per-network limit counts only what a test means it to. */
export function freshIp(): string {
  client++;
  return `198.18.${Math.floor(client / 250) % 250}.${(client % 250) + 1}`;
}

/** GET from a client address of its own (or the one given), with extra headers. */
export function apiGet(url: string, headers: Record<string, string> = {}, ip = freshIp()): Promise<Response> {
  return fetch(url, { headers: { 'x-forwarded-for': ip, ...headers } });
}

export async function fetchDocument(): Promise<ApiDocument> {
  const response = await apiGet(api('/openapi.json'));
  if (!response.ok) throw new Error(`openapi.json: ${response.status}`);
  return (await response.json()) as ApiDocument;
}

const DOCUMENT_ID = 'https://praktijkplein.test/api/v1/openapi.json';

const deref = <T>(document: ApiDocument, value: T | { $ref: string }): T => {
  if (value && typeof value === 'object' && '$ref' in value) {
    const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
    return (document.components as unknown as Record<string, Record<string, T>>)[kind!]![name!]!;
  }
  return value as T;
};

/**
 * Holds responses against the document: `problems(template, response, body)` lists every way the
 * response differs from what the document says the operation at `template` answers (empty: it conforms).
 */
export function documentChecker(document: ApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The document's components as one schema resource, so `#/components/schemas/…` references resolve in it.
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (schema: Json): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      const ref = typeof schema.$ref === 'string' && schema.$ref.startsWith('#') ? schema.$ref : undefined;
      validate = ref ? ajv.getSchema(`${DOCUMENT_ID}${ref}`)! : ajv.compile(schema);
      if (!validate) throw new Error(`Schema ${ref} staat niet in het document`);
      compiled.set(key, validate);
    }
    return validate;
  };
  const errorsOf = (validate: ValidateFunction, value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`));

  return {
    /** Whether a value matches a component schema (for the document's own examples). */
    schemaProblems(schema: Json, value: unknown): string[] {
      return errorsOf(validatorFor(schema), value);
    },
    problems(template: string, response: Response, body: string): string[] {
      const operation = document.paths[template]?.get;
      if (!operation) return [`het document kent ${template} niet`];
      const declared = operation.responses[String(response.status)];
      if (!declared) return [`${template} beschrijft status ${response.status} niet`];
      const described = deref<ResponseObject>(document, declared);
      const problems: string[] = [];
      for (const [name, headerOrRef] of Object.entries(described.headers ?? {})) {
        const header = deref<HeaderObject>(document, headerOrRef);
        const value = response.headers.get(name);
        if (value === null) {
          if (header.required) problems.push(`kopregel ${name} ontbreekt`);
          continue;
        }
        if (header.schema) {
          const typed = header.schema.type === 'integer' ? Number(value) : value;
          problems.push(...errorsOf(validatorFor(header.schema), typed).map((error) => `kopregel ${name}: ${error}`));
        }
      }
      if (!described.content) {
        if (body !== '') problems.push(`status ${response.status} hoort geen inhoud te hebben`);
        return problems;
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const content = described.content[mediaType];
      if (!content) return [...problems, `${mediaType} is niet beschreven voor status ${response.status} (wel: ${Object.keys(described.content).join(', ')})`];
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return [...problems, 'de inhoud is geen JSON'];
      }
      return [...problems, ...errorsOf(validatorFor(content.schema), value)];
    },
  };
}

export type DocumentChecker = ReturnType<typeof documentChecker>;

/** The dataset names the document describes, in its order: the paths `/<name>` beside `/<name>/{id}`. */
export function datasetsOf(document: ApiDocument): string[] {
  return Object.keys(document.paths)
    .filter((path) => document.paths[`${path}/{id}`])
    .map((path) => path.slice(1));
}

/** The filter parameters of a dataset's list as the document gives them: name, allowed values, repeatable. */
export function filtersOf(document: ApiDocument, dataset: string): { name: string; values: string[]; repeatable: boolean }[] {
  const parameters = (document.paths[`/${dataset}`]!.get.parameters ?? []).map((parameter) => deref<Json>(document, parameter));
  return parameters
    .filter((parameter) => parameter.in === 'query' && parameter.name !== 'limit' && parameter.name !== 'cursor')
    .map((parameter) => {
      const schema = parameter.schema as Json;
      const values = ((schema.type === 'array' ? (schema.items as Json).enum : schema.enum) ?? []) as string[];
      return { name: parameter.name as string, values, repeatable: schema.type === 'array' };
    });
}

let seeded: Promise<void> | undefined;
let memberEmail = '';

/**
 * Demo pitches, outcomes and activities in the server's database (the seed script's own
 * functions), so every dataset has rows; once per test file, and harmless when another file of
 * this worker seeded them already.
 */
export function seedDemoData(): Promise<void> {
  seeded ??= (async () => {
    // The first on-demand request migrates the server's database.
    await fetch(`${baseURL()}/pitches/`);
    const { db } = await serverDatabase();
    const now = Date.now();
    // The organisers of the demo activities, as `npm run seed` adds them first.
    await db
      .insert(organisations)
      .values([
        { id: 'demo-netwerk', kind: 'partner', name: 'Netwerk Praktijkplein (demo)', verifiedAt: now, createdAt: now },
        { id: 'demo-voorbeeldbedrijf', kind: 'employer', name: 'Voorbeeldbedrijf (demo)', verifiedAt: now, createdAt: now },
        { id: 'demo-tweede-bedrijf', kind: 'employer', name: 'Tweede Voorbeeldbedrijf (demo)', verifiedAt: now, createdAt: now },
      ])
      .onConflictDoNothing();
    const member = { ...identity('api-gemeente'), name: 'Gea Gemeente', organisation: 'Zaanstad' };
    const curator = { ...identity('api-curator'), name: 'Cas Curator', organisation: 'Utrecht', role: 'curator' as const };
    await confirmedAccount(member);
    memberEmail = member.email;
    await confirmedAccount(curator);
    await seedMarketplace(db, member.email, 'geen-wachtwoord', now);
    await seedFollowUps(db, member.email, now);
    await seedActivities(db, curator.email, now);
  })();
  return seeded;
}

/** The municipality member the demo data was seeded for (to publish more pitches as); after seedDemoData. */
export const seededMemberEmail = () => memberEmail;
