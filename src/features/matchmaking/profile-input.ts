/**
 * The employer profile form as one zod schema with Dutch messages: sectors, the labour-market
 * regions and provinces it works in (the CBS lists in content/geo), the kinds of help it can
 * give, and the invitation setting. Every choice is optional; a crafted value that is not in
 * its list is refused.
 */
import { z } from 'astro/zod';
import { sectors } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import type { FacetTerm } from '#domain/facets.ts';
import { loadGeo } from '#features/catalog/geo.ts';

/** The regions and provinces as checkbox terms (id and name), sorted by name. */
export function placeTerms(): { regions: FacetTerm[]; provinces: FacetTerm[] } {
  const { regions, provinces } = loadGeo();
  const term = (area: { id: string; name: string }): FacetTerm => ({ id: area.id, label: area.name, synonyms: [] });
  return { regions: regions.map(term), provinces: provinces.map(term) };
}

/** The kinds of help an employer can say it gives: all but "Iets anders", which matches nothing. */
export const profileHelpKinds = helpKinds.terms.filter((term) => term.id !== 'anders');

/**
 * Checkbox values from one list (none is fine). The base is an array so Astro reads every
 * checked box; duplicates collapse.
 */
function choices(ids: () => readonly string[], what: string) {
  return z
    .array(z.string({ error: `Kies ${what} uit de lijst.` }).max(100, `Kies ${what} uit de lijst.`), { error: `Kies ${what} uit de lijst.` })
    .max(100, `Kies ${what} uit de lijst.`)
    .transform((values) => [...new Set(values)])
    .superRefine((values, ctx) => {
      const known = new Set(ids());
      if (values.some((value) => !known.has(value))) ctx.addIssue({ code: 'custom', message: `Kies ${what} uit de lijst.` });
    });
}

export const profileInput = z.object({
  sectors: choices(() => sectors.ids, 'sectoren'),
  regions: choices(() => loadGeo().regions.map((r) => r.id), "arbeidsmarktregio's"),
  provinces: choices(() => loadGeo().provinces.map((p) => p.id), 'provincies'),
  helpKinds: choices(() => profileHelpKinds.map((term) => term.id), 'soorten hulp'),
  /** The setting, a checkbox (value "true"): present means on. */
  allowsInvitations: z
    .string()
    .max(10)
    .nullish()
    .transform((value) => value === 'true'),
});

export type ProfileInput = z.output<typeof profileInput>;
