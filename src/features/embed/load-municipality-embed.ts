/**
 * Everything a municipality's embed shows, read in one call for its page: the municipality (none
 * when the id names no municipality), its open pitches on the clock's day and, when asked, its
 * practices, made into the embed's content (municipality-embed.ts).
 */
import { getLinksByOrganisation, getOrganisations } from '#features/catalog/queries.ts';
import { practicesAndPlans } from '#features/catalog/practices-and-plans.ts';
import { openPitchesFor } from '#features/marketplace/pitch-list.ts';
import { clock, type Deps } from '#platform/context.ts';
import type { EmbedOptions } from './embed-options.ts';
import { EMBED_PITCH_LIMIT } from './embed-items.ts';
import { municipalityEmbed, type MunicipalityEmbedView } from './municipality-embed.ts';

/** The embed of the municipality `id`; undefined when there is no such municipality. */
export async function loadMunicipalityEmbed(deps: Deps, id: string, options: EmbedOptions): Promise<MunicipalityEmbedView | undefined> {
  const organisation = (await getOrganisations()).get(id);
  if (organisation?.kind !== 'municipality') return undefined;
  const [open, links] = await Promise.all([openPitchesFor(deps.db, id, new Date(clock(deps)), EMBED_PITCH_LIMIT), options.withCases ? getLinksByOrganisation() : undefined]);
  return municipalityEmbed({
    municipality: { id, name: organisation.name },
    pitches: open.pitches,
    practices: links ? practicesAndPlans(links.get(id)?.cases ?? []).practices : [],
    options,
  });
}
