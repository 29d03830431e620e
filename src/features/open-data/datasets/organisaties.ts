/**
 * The organisations (/organisaties/) as open data: the employers and other organisations the
 * sources name, and every municipality of the Netherlands with its CBS code, province and
 * labour-market region, each with how much on Praktijkplein refers to it. Employers that only
 * registered on the site are not in the list page, and not here either.
 */
import { z } from 'astro/zod';
import { organisationKindLabel } from '#domain/accounts.ts';
import { employerSizes, labelOf, sectors } from '#domain/facets.ts';
import { practicesAndPlans } from '#features/catalog/practices-and-plans.ts';
import { getLinksByOrganisation, getOrganisations, getSources } from '#features/catalog/queries.ts';
import { defineDataset } from '../dataset.ts';
import { citedSources, unfiltered } from './shared.ts';
import { count, id, oneOf, optionalText, siteAddress, text, texts } from '../fields.ts';

const kinds = ['gemeente', 'werkgever', 'andere organisatie'] as const;

const row = z.object({
  id: id('Het deel van het adres na /organisaties/.'),
  naam: text('Naam', 'De naam van de organisatie.'),
  soort: oneOf(kinds, 'Soort', 'gemeente, werkgever of andere organisatie (zoals een sociaal werkbedrijf of een landelijk programma).'),
  beschrijving: optionalText('Beschrijving', 'Wat de bronnen over de organisatie zeggen, in de woorden van Praktijkplein.'),
  sectoren: texts('Sectoren', 'De sectoren van een werkgever, zoals de bronnen ze noemen.'),
  grootte: optionalText('Grootte', 'De grootte van een werkgever, als die bekend is.'),
  cbsCode: optionalText('CBS-code', 'De code van een gemeente bij het CBS (GM0000).'),
  provincie: optionalText('Provincie', 'De provincie van een gemeente.'),
  arbeidsmarktregio: optionalText('Arbeidsmarktregio', 'De arbeidsmarktregio van een gemeente.'),
  praktijkvoorbeelden: count('Praktijkvoorbeelden', 'Hoeveel praktijkvoorbeelden op Praktijkplein de organisatie noemen.'),
  plannen: count('Plannen', 'Hoeveel plannen (ambities, voorstellen) op Praktijkplein de organisatie noemen.'),
  instrumenten: count('Instrumenten', 'Hoeveel instrumentpagina’s de organisatie noemen, of voor een gemeente een standpunt hebben.'),
  bronnen: texts('Bronnen', 'De teksten waar de beschrijving op rust.'),
  bronAdressen: texts('Adressen van de bronnen', 'De pagina’s van die bronnen op Praktijkplein, in dezelfde volgorde.'),
  adres: siteAddress('de organisatie'),
});
type OrganisationRow = z.infer<typeof row>;

const kindWord = (kind: keyof typeof organisationKindLabel) => organisationKindLabel[kind] as (typeof kinds)[number];

async function rows(origin: string): Promise<OrganisationRow[]> {
  const [organisations, linked, sources] = await Promise.all([getOrganisations(), getLinksByOrganisation(), getSources()]);
  return [...organisations.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id))
    .map((organisation) => {
      const links = linked.get(organisation.id);
      const { practices, plans } = practicesAndPlans(links?.cases ?? []);
      return {
        id: organisation.id,
        naam: organisation.name,
        soort: kindWord(organisation.kind),
        beschrijving: organisation.description ?? null,
        sectoren: (organisation.sectors ?? []).map((value) => labelOf(sectors, value)),
        grootte: organisation.size ? labelOf(employerSizes, organisation.size) : null,
        cbsCode: organisation.code ?? null,
        provincie: organisation.province?.name ?? null,
        arbeidsmarktregio: organisation.region?.name ?? null,
        praktijkvoorbeelden: practices.length,
        plannen: plans.length,
        instrumenten: links?.instruments.length ?? 0,
        ...citedSources(organisation.sources ?? [], sources, origin),
        adres: `${origin}/organisaties/${organisation.id}/`,
      };
    });
}

export const organisaties = defineDataset({
  name: 'organisaties',
  title: 'Organisaties',
  description: 'Werkgevers en andere organisaties uit de bronnen, en alle gemeenten van Nederland met CBS-code, provincie en arbeidsmarktregio, met hoeveel praktijkvoorbeelden, plannen en instrumenten naar elk verwijzen.',
  listPath: '/organisaties/',
  attribution: 'Gemeenten, hun CBS-codes, provincies en arbeidsmarktregio’s: CBS / PDOK (gebiedsindelingen: gemeenten en provincies 2026, arbeidsmarktregio’s 2025).',
  row,
  // The list page has no filters.
  ...unfiltered(rows, (item) => item.id),
});
