/**
 * Everything an employer's embed shows, read in one call for its page: the employer (none when
 * the id names no employer), its practices and the public pitches that name it, made into the
 * embed's content (employer-embed.ts).
 */
import { getLinksByOrganisation, getOrganisations } from '#features/catalog/queries.ts';
import { practicesAndPlans } from '#features/catalog/practices-and-plans.ts';
import { pitchesNamingEmployer } from '#features/marketplace/employer-pitches.ts';
import { clock, type Deps } from '#platform/context.ts';
import { EMBED_PITCH_LIMIT } from './embed-items.ts';
import { employerEmbed, type EmployerEmbedView } from './employer-embed.ts';

/** The embed of the employer `id`; undefined when there is no such employer. */
export async function loadEmployerEmbed(deps: Deps, id: string): Promise<EmployerEmbedView | undefined> {
  const organisation = (await getOrganisations()).get(id);
  if (organisation?.kind !== 'employer') return undefined;
  const [named, links] = await Promise.all([pitchesNamingEmployer(deps.db, id, new Date(clock(deps)), EMBED_PITCH_LIMIT), getLinksByOrganisation()]);
  return employerEmbed({
    employer: { id, name: organisation.name },
    pitches: named.pitches,
    practices: practicesAndPlans(links.get(id)?.cases ?? []).practices,
  });
}
