/**
 * Praktijkplein's content collections (DESIGN.md §2). Schemas are strict: an unknown field,
 * an id that is not in its vocabulary or organisation list, or a source that is not in
 * content/sources/sources.yaml fails the build with the file and field named.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { evidenceKinds, caseStatuses, instruments, sectors, targetGroups, employerSizes } from './domain/facets.ts';
import { loadOrganisationRecords, organisationIds } from './catalog/organisations.ts';
import { loadSourceRecords, sourceIds } from './catalog/sources.ts';

const sourceId = z.enum(sourceIds(), { error: (issue) => `onbekende bron "${String(issue.input)}": zet hem eerst in content/sources/sources.yaml` });
const employerId = z.enum(organisationIds('employer'), { error: (issue) => `onbekende werkgever "${String(issue.input)}"` });
const partnerId = z.enum(organisationIds('partner'), { error: (issue) => `onbekende partner "${String(issue.input)}"` });
const municipalityId = z.enum(organisationIds('municipality'), { error: (issue) => `onbekende gemeente "${String(issue.input)}"` });
const facet = <T extends [string, ...string[]]>(ids: T, name: string) =>
  z.enum(ids, { error: (issue) => `"${String(issue.input)}" staat niet in de lijst ${name}` });

/** Dates in frontmatter are written as YYYY-MM-DD. */
const day = z.coerce.date();

const cases = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/cases' }),
  schema: z.strictObject({
    /** Short, descriptive title. */
    title: z.string().min(5).max(120),
    /** One to three sentences in plain Dutch (B1). */
    summary: z.string().min(20).max(300),
    employers: z.array(employerId).default([]),
    municipalities: z.array(municipalityId).default([]),
    /** Partners such as DNZ or a social work company. */
    partners: z.array(partnerId).default([]),
    /** Places that are not municipalities: a neighbourhood or a region. */
    places: z.array(z.string().min(2)).default([]),
    sectors: z.array(facet(sectors.ids, 'sectoren')).default([]),
    targetGroups: z.array(facet(targetGroups.ids, 'doelgroepen')).default([]),
    instruments: z.array(facet(instruments.ids, 'instrumenten')).default([]),
    /** Only outcomes the sources give. */
    outcomes: z.array(z.string().min(5)).default([]),
    /** What stands behind the story: a reported result, shared experience, an ambition or a pitch. */
    evidence: facet(evidenceKinds.ids, 'soorten bewijs'),
    status: facet(caseStatuses.ids, 'statussen'),
    sources: z.array(sourceId).min(1, 'noem minstens één bron'),
    published: day,
    updated: day.optional(),
    /** Shown on the home page. */
    featured: z.boolean().default(false),
  }),
});

const instrumentPages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/instruments' }),
  schema: z
    .strictObject({
      title: z.string().min(3).max(80),
      summary: z.string().min(20).max(300),
      /** What each municipality's source states about the instrument, in our own words. */
      stances: z
        .array(
          z.strictObject({
            municipality: municipalityId,
            statement: z.string().min(10),
            evidence: facet(evidenceKinds.ids, 'soorten bewijs'),
            source: sourceId,
          }),
        )
        .default([]),
      sources: z.array(sourceId).min(1, 'noem minstens één bron'),
      published: day,
      updated: day.optional(),
    })
    .superRefine((data, ctx) => {
      data.stances.forEach((stance, index) => {
        if (!data.sources.includes(stance.source)) {
          ctx.addIssue({
            code: 'custom',
            path: ['stances', index, 'source'],
            message: `bron "${stance.source}" staat niet in sources van deze pagina`,
          });
        }
      });
    }),
});

const area = z.strictObject({ code: z.string(), name: z.string(), id: z.string() });

const organisations = defineCollection({
  loader: {
    name: 'praktijkplein-organisations',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const record of loadOrganisationRecords()) {
        const data = await parseData({ id: record.id, data: { ...record } });
        store.set({ id: record.id, data });
      }
    },
  },
  schema: z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'gebruik kleine letters, cijfers en streepjes'),
    name: z.string().min(2),
    kind: z.enum(['municipality', 'employer', 'partner']),
    description: z.string().optional(),
    sectors: z.array(facet(sectors.ids, 'sectoren')).optional(),
    size: facet(employerSizes.ids, 'werkgeversgrootte').optional(),
    /** CBS code (municipalities). */
    code: z.string().regex(/^GM\d{4}$/).optional(),
    province: area.optional(),
    region: area.optional(),
  }),
});

const sources = defineCollection({
  loader: {
    name: 'praktijkplein-sources',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const record of loadSourceRecords()) {
        store.set({ id: record.id, data: await parseData({ id: record.id, data: { ...record } }) });
      }
    },
  },
  schema: z.strictObject({
    id: z.string().regex(/\.txt$/),
    title: z.string(),
    publisher: z.string(),
    kind: z.enum(['verslag', 'verkiezingsprogramma']),
  }),
});

export const collections = { cases, instruments: instrumentPages, organisations, sources };
