/**
 * The case list (/praktijkvoorbeelden/) as open data: every practice and plan, with the list's own
 * filters. Plans (a programme's ambition, a proposal, a party's claim, a pitched request) stand in
 * the same list as on the page, each marked as a plan (docs/decisions/plans-off-the-map.md), and
 * every row names the sources it rests on.
 */
import { z } from 'astro/zod';
import { caseFacetKeys, facetParams, filterCases, filterToSearchParams, type CaseFacetKey, type CaseFilter } from '#domain/case-filter.ts';
import { caseStatuses, evidenceBadge, instruments, labelOf, sectors, targetGroups } from '#domain/facets.ts';
import { isPlan } from '#domain/practice-counts.ts';
import { caseFilterVocabularies, readCaseFilter } from '#features/catalog/case-filters.ts';
import { standByStatus } from '#features/catalog/provenance.ts';
import { getAreas, getCases, getOrganisations, getSources } from '#features/catalog/queries.ts';
import { defineDataset, type FilterParameter } from '../dataset.ts';
import { parseFiltersWith } from '../filter-parameters.ts';
import { citedSources, isoDay } from './shared.ts';
import { day, id, oneOf, optionalAddress, optionalDay, siteAddress, text, texts } from '../fields.ts';

const row = z.object({
  id: id('Het deel van het adres na /praktijkvoorbeelden/.'),
  titel: text('Titel', 'De titel van het praktijkvoorbeeld.'),
  samenvatting: text('Samenvatting', 'Een tot drie zinnen in eenvoudig Nederlands.'),
  soort: oneOf(['praktijkvoorbeeld', 'plan'], 'Soort', 'praktijkvoorbeeld: iets dat gebeurt of gebeurde; plan: een ambitie, voorstel, bewering van een partij of gepitchte vraag, nog niet uitgevoerd volgens de bronnen.'),
  bewijs: text('Soort bewijs', 'Wat erachter zit: een gemeld resultaat, een gedeelde ervaring, een uitgesproken ambitie, een pitch of een bewering van een partij.'),
  status: text('Status', 'De status volgens de bron.'),
  standVanZaken: text('Stand van zaken', 'Hoe het ervoor stond ten tijde van de eerste bron; wat er sindsdien gebeurde, weet Praktijkplein niet.'),
  gemeenten: texts('Gemeenten', 'De gemeenten waar het over gaat.'),
  provincies: texts('Provincies', 'De provincies van die gemeenten.'),
  arbeidsmarktregios: texts('Arbeidsmarktregio’s', 'De arbeidsmarktregio’s van die gemeenten.'),
  plaatsen: texts('Andere plaatsen', 'Wijken of streken die geen gemeente zijn.'),
  werkgevers: texts('Werkgevers', 'De werkgevers die meedoen.'),
  andereOrganisaties: texts('Andere organisaties', 'Andere betrokken organisaties, zoals een sociaal werkbedrijf.'),
  sectoren: texts('Sectoren', 'De sectoren van het werk.'),
  doelgroepen: texts('Doelgroepen', 'Voor wie het werk is.'),
  instrumenten: texts('Instrumenten', 'De instrumenten die het gebruikt of noemt.'),
  uitkomsten: texts('Uitkomsten', 'Wat het opleverde, alleen zoals de bronnen het noemen.'),
  bronnen: texts('Bronnen', 'De teksten waar het voorbeeld op rust, met de naam waaronder Praktijkplein ze noemt.'),
  bronAdressen: texts('Adressen van de bronnen', 'De pagina’s van die bronnen op Praktijkplein, in dezelfde volgorde, met wat elke bron is en waar ze te lezen is.'),
  uitPitch: optionalAddress('Uit pitch', 'De pitch op Praktijkplein waar het voorbeeld uit voortkwam, als dat zo is.'),
  gepubliceerd: day('Gepubliceerd', 'De dag waarop het op Praktijkplein kwam.'),
  bijgewerkt: optionalDay('Bijgewerkt', 'De dag van de laatste inhoudelijke wijziging, als die er was.'),
  adres: siteAddress('het praktijkvoorbeeld'),
});
type CaseRow = z.infer<typeof row>;

const descriptions: Record<CaseFacetKey, string> = {
  sectors: 'Alleen voorbeelden in deze sector.',
  targetGroups: 'Alleen voorbeelden voor deze doelgroep.',
  instruments: 'Alleen voorbeelden die dit instrument gebruiken of noemen.',
  municipalities: 'Alleen voorbeelden in deze gemeente (elke CBS-gemeente).',
  provinces: 'Alleen voorbeelden in deze provincie.',
  regions: 'Alleen voorbeelden in deze arbeidsmarktregio.',
};

const filterParameters: FilterParameter[] = caseFacetKeys.map((key) => ({
  name: facetParams[key],
  description: `${descriptions[key]} Meer waarden: voorbeelden met een van die waarden.`,
  repeatable: true,
  values: () => caseFilterVocabularies()[key],
}));

/** The rows of the cases that pass the filter (all without one), in the list page's order. */
async function rows(origin: string, filter?: CaseFilter): Promise<CaseRow[]> {
  const [all, organisations, sources, areas] = await Promise.all([getCases(), getOrganisations(), getSources(), getAreas()]);
  const cases = filter ? filterCases(all, filter) : all;
  const nameOf = (orgId: string) => organisations.get(orgId)?.name ?? orgId;
  const areaName = (list: { id: string; name: string }[]) => (areaId: string) => list.find((area) => area.id === areaId)?.name ?? areaId;
  return cases.map((item) => {
    const data = item.entry.data;
    return {
      id: item.id,
      titel: item.title,
      samenvatting: item.summary,
      soort: isPlan(data) ? 'plan' : 'praktijkvoorbeeld',
      bewijs: evidenceBadge(data.evidence, data.status).label,
      status: labelOf(caseStatuses, data.status),
      standVanZaken: data.stand ?? standByStatus[data.status],
      gemeenten: item.municipalityNames,
      provincies: item.provinces.map(areaName(areas.provinces)),
      arbeidsmarktregios: item.regions.map(areaName(areas.regions)),
      plaatsen: data.places,
      werkgevers: data.employers.map(nameOf),
      andereOrganisaties: data.partners.map(nameOf),
      sectoren: data.sectors.map((value) => labelOf(sectors, value)),
      doelgroepen: data.targetGroups.map((value) => labelOf(targetGroups, value)),
      instrumenten: data.instruments.map((value) => labelOf(instruments, value)),
      uitkomsten: data.outcomes,
      ...citedSources(data.sources, sources, origin),
      uitPitch: data.pitch ? `${origin}/pitches/${encodeURIComponent(data.pitch.id)}/` : null,
      gepubliceerd: isoDay(data.published)!,
      bijgewerkt: data.updated ? isoDay(data.updated) : null,
      adres: `${origin}/praktijkvoorbeelden/${item.id}/`,
    };
  });
}

export const praktijkvoorbeelden = defineDataset({
  name: 'praktijkvoorbeelden',
  title: 'Praktijkvoorbeelden en plannen',
  description: 'Samenwerkingen van gemeenten en werkgevers voor inclusief werk, en plannen uit verkiezingsprogramma’s en pitches, met sector, doelgroep, instrumenten, plaats, soort bewijs en bronnen.',
  listPath: '/praktijkvoorbeelden/',
  row,
  idOf: (item) => item.id,
  filterParameters,
  parseFilters: (params, options) => parseFiltersWith(params, options, filterParameters, (query) => readCaseFilter(query).filter),
  queryOf: (filters: CaseFilter) => filterToSearchParams(filters),
  list: (deps, filters) => rows(deps.origin, filters),
  async get(deps, itemId) {
    return (await rows(deps.origin)).find((item) => item.id === itemId);
  },
  // Content changes with a publication; no date in the rows is that moment.
  lastModified: () => undefined,
});
