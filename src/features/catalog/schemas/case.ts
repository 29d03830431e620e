/** Frontmatter of a case study (content/cases/*.mdx), docs/architecture.md. */
import { z } from 'astro/zod';
import { caseStatuses, evidenceKinds, instruments, sectors, targetGroups } from '#domain/facets.ts';
import { day, employerId, facet, municipalityId, partnerId, sourceId } from './ids.ts';

/**
 * Where a case comes from when it grew out of a pitch on Praktijkplein: the pitch
 * itself, not a source in content/sources. The page links to /pitches/<id>/ (derived from the id,
 * so the file holds no host that differs between the site and a test server).
 */
export const casePitchSchema = z.strictObject({
  /** The pitch's id, as in its address /pitches/<id>/. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'de id van de pitch zoals in zijn adres /pitches/<id>/: kleine letters, cijfers en streepjes'),
  /** The pitch's title as it was published. */
  title: z.string().min(5).max(120),
  /** The day the municipality closed the pitch with a match (YYYY-MM-DD). */
  closedOn: day,
});

export const caseSchema = z.strictObject({
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
  /**
   * "Stand van zaken" in a few words, when the status alone says too little (e.g. "liep nog; 70
   * van de ongeveer 80 mensen aan het werk"). Optional: without it the page derives the words
   * from the status and dates them by the first source (src/features/catalog/provenance.ts).
   */
  stand: z.string().min(5).max(200).optional(),
  /**
   * The first source is where the case comes from: its event or document and date are shown.
   * Empty only for a case from a pitch: then the pitch is where it comes from (see the refine).
   */
  sources: z.array(sourceId).default([]),
  /** The pitch on Praktijkplein the case grew out of; shown as its origin, before any source. */
  pitch: casePitchSchema.optional(),
  published: day,
  updated: day.optional(),
  /** Shown on the home page. */
  featured: z.boolean().default(false),
}).refine((data) => (Array.isArray(data.sources) && data.sources.length > 0) || (data.pitch !== undefined && data.pitch !== null), {
  path: ['sources'],
  message: 'noem minstens één bron, of de pitch waar het voorbeeld uit komt (pitch)',
  // Also when other fields are wrong: the editor shows every problem at once, not one round later.
  when: () => true,
});

export type CaseFrontmatter = z.infer<typeof caseSchema>;
