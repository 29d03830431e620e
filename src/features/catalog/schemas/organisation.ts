/** An organisation: employer or partner from organisations.yaml, or a municipality from the CBS list. */
import { organisationKinds } from '#domain/accounts.ts';
import { z } from 'astro/zod';
import { employerSizes, sectors } from '#domain/facets.ts';
import { facet, sourceId } from './ids.ts';

export { sourceSchema } from './source.ts';

const area = z.strictObject({ code: z.string(), name: z.string(), id: z.string() });

export const organisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'gebruik kleine letters, cijfers en streepjes'),
  name: z.string().min(2),
  kind: z.enum(organisationKinds),
  /** Only what the sources say. */
  description: z.string().optional(),
  sectors: z.array(facet(sectors.ids, 'sectoren')).optional(),
  size: facet(employerSizes.ids, 'werkgeversgrootte').optional(),
  /** CBS code (municipalities). */
  code: z.string().regex(/^GM\d{4}$/).optional(),
  province: area.optional(),
  region: area.optional(),
  /** The sources its description rests on; its source pages list it. */
  sources: z.array(sourceId).optional(),
});
