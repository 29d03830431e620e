/**
 * Home of the API's contract: its version, address, caching and rate limit in words, and the
 * shapes of its answers as zod schemas: the answers are built to them and the
 * OpenAPI document is generated from them (openapi.ts), so the document cannot describe a field
 * the API does not send, or miss one it does. Links follow HAL (`_links.self.href`), as the Dutch
 * government's API design rules do; a row keeps its own fields and gains only `_links`.
 */
import { z } from 'astro/zod';
import { limits } from '#platform/auth/rate-limit.ts';
import { licenceNotice, openLicence } from './licence.ts';
import type { RowSchema } from './dataset.ts';

/** The version of the API's contract: the major version is in the address (/api/v1). */
export const API_VERSION = '1.0.0';
export const API_BASE_PATH = '/api/v1';
/** Public data that changes a few times a day: a cache may keep an answer a minute, then asks again with the ETag. */
export const API_CACHE_CONTROL = 'public, max-age=60';

/** The rate limit in words, from the limit itself: "120 verzoeken ineens, daarna 2 per seconde". */
export function rateLimitText(): string {
  const { capacity, refillMs } = limits.openDataIp;
  const perSecond = 1000 / refillMs;
  const rate = Number.isInteger(perSecond) ? `${perSecond} per seconde` : `1 per ${refillMs / 1000} seconden`;
  return `${capacity} verzoeken ineens, daarna ${rate}`;
}

export const licenceBodySchema = z
  .strictObject({
    naam: z.literal(openLicence.name),
    url: z.literal(openLicence.url).describe('De licentie zelf.'),
    bronvermelding: z.string().describe('Wie u noemt bij hergebruik, onder welke licentie, en waar de gegevens vandaan komen.'),
  })
  .describe('De licentie van deze gegevens (CC BY 4.0) en de bronvermelding die erbij hoort.');

export const linkSchema = z.strictObject({ href: z.url() });

/** The licence part of every answer. */
export function licenceBody(networkName: string, origin: string): z.infer<typeof licenceBodySchema> {
  return { naam: openLicence.name, url: openLicence.url, bronvermelding: licenceNotice(networkName, origin) };
}

const itemLinksSchema = z.strictObject({ self: linkSchema.describe('Dit item in de API.') });

/** One row in an answer: the dataset's public row and the address of its own item. */
export function itemSchema(row: RowSchema) {
  return row.extend({ _links: itemLinksSchema });
}

/** A page of a dataset's list, for the dataset's `itemSchema`. */
export function listBodySchema<Item extends z.ZodType>(item: Item) {
  return z.strictObject({
    licentie: licenceBodySchema,
    _links: z.strictObject({
      self: linkSchema.describe('Deze pagina.'),
      next: linkSchema.optional().describe('De volgende pagina, met dezelfde filters en limit; ontbreekt op de laatste pagina.'),
    }),
    totaal: z.number().int().min(0).describe('Aantal rijen dat nu aan de filters voldoet, over alle pagina’s.'),
    items: z.array(item).describe('De rijen van deze pagina, in vaste volgorde.'),
  });
}

/** One item, for the dataset's `itemSchema`. */
export function itemBodySchema<Item extends z.ZodType>(item: Item) {
  return z.strictObject({
    licentie: licenceBodySchema,
    _links: z.strictObject({ self: linkSchema.describe('Dit item.'), collection: linkSchema.describe('De lijst waar het bij hoort.') }),
    item,
  });
}

/** The API's entry: every dataset with its address. */
export const indexBodySchema = z.strictObject({
  licentie: licenceBodySchema,
  _links: z.strictObject({
    self: linkSchema,
    'service-desc': linkSchema.describe('Het OpenAPI-document.'),
    'service-doc': linkSchema.describe('De uitleg voor mensen.'),
  }),
  datasets: z.array(
    z.strictObject({
      naam: z.string().describe('De naam in het adres: /api/v1/<naam>.'),
      titel: z.string(),
      beschrijving: z.string(),
      _links: z.strictObject({ self: linkSchema, pagina: linkSchema.describe('De lijst op de site, met dezelfde filters.') }),
    }),
  ),
});

/** Any dataset's item, as the code that builds answers for every dataset sees it. */
type AnyItem = z.ZodType<{ [field: string]: unknown; _links: z.infer<typeof itemLinksSchema> }>;
export type ListBody = z.infer<ReturnType<typeof listBodySchema<AnyItem>>>;
export type ItemBody = z.infer<ReturnType<typeof itemBodySchema<AnyItem>>>;
export type IndexBody = z.infer<typeof indexBodySchema>;
