/** Frontmatter of an instrument page (content/instruments/<instrument id>.mdx), docs/architecture.md. */
import { z } from 'astro/zod';
import { evidenceKinds, targetGroups } from '#domain/facets.ts';
import { day, employerId, facet, municipalityId, partnerId, sourceId } from './ids.ts';

export const stanceSchema = z.strictObject({
  municipality: municipalityId,
  /** What the municipality's source states, in our own words. */
  statement: z.string().min(10),
  evidence: facet(evidenceKinds.ids, 'soorten bewijs'),
  source: sourceId,
});

export const instrumentSchema = z
  .strictObject({
    title: z.string().min(3).max(80),
    summary: z.string().min(20).max(300),
    stances: z.array(stanceSchema).default([]),
    /** Who the instrument is for, as the sources describe it; feeds search synonyms and filters. */
    targetGroups: z.array(facet(targetGroups.ids, 'doelgroepen')).default([]),
    /** Employers and partners the page names (e.g. UW, Pantar); their pages link back here. */
    organisations: z.array(z.union([partnerId, employerId], { error: (issue) => `onbekende organisatie "${String(issue.input)}"` })).default([]),
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
  });

export type InstrumentFrontmatter = z.infer<typeof instrumentSchema>;
