/**
 * The pitch list (/pitches/) as open data: every published and closed pitch with the list's
 * filters, and what its public page shows. Not in it: the contact person, the author, the offers'
 * messages and contacts, and the names of employers that did not agree to be named (the public
 * sees their count only). E-mail addresses typed into the texts are left out (public-text.ts).
 * A demo pitch says so in its title and municipality, as on every surface (demo-marks.ts).
 */
import { z } from 'astro/zod';
import { withDemoMark } from '#domain/demo-marks.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { parsePitchQuery, pitchFacetParams, pitchQueryToSearchParams, type PitchFacetKey, type PitchFilter } from '#domain/pitch-filter.ts';
import { pitchOutcomeLabel } from '#domain/pitch-lifecycle.ts';
import { pitchFilterVocabularies, pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { publicPitch, publicPitches, type PublicPitch } from '#features/marketplace/public-pitches.ts';
import { clock } from '#platform/context.ts';
import { defineDataset, type FilterParameter } from '../dataset.ts';
import { parseFiltersWith } from '../filter-parameters.ts';
import { count, day, demo, id, oneOf, optionalCount, optionalDay, optionalText, siteAddress, text, texts } from '../fields.ts';
import { withoutEmailAddresses } from '../public-text.ts';
import { isoDay, labelsIn } from './shared.ts';

const row = z.object({
  id: id('Het deel van het adres na /pitches/.'),
  titel: text('Titel', 'De titel van de pitch; bij een demopitch met "(demo)" erachter.'),
  gemeente: text('Gemeente', 'De gemeente die de pitch plaatste; bij een demopitch met "(demo)" erachter: die gemeente plaatste hem niet.'),
  gemeenteCode: optionalText('CBS-code gemeente', 'De code van die gemeente bij het CBS (GM0000).'),
  provincie: optionalText('Provincie', 'De provincie van die gemeente.'),
  arbeidsmarktregio: optionalText('Arbeidsmarktregio', 'De arbeidsmarktregio van die gemeente.'),
  wijk: text('Wijk of gebied', 'Waar in de gemeente het om gaat.'),
  uitdaging: text('Uitdaging', 'De uitdaging in de woorden van de gemeente (Markdown); e-mailadressen zijn weggelaten.'),
  vraag: text('Gevraagd', 'Wat de gemeente van werkgevers vraagt (Markdown); e-mailadressen zijn weggelaten.'),
  doelgroepen: texts('Doelgroepen', 'Voor wie het werk is.'),
  sectoren: texts('Sectoren', 'In welke sectoren.'),
  soortHulp: texts('Soort hulp', 'Wat voor hulp de gemeente vraagt: banen, werkervaringsplaatsen en meer.'),
  gezocht: optionalCount('Aantal mensen of plaatsen', 'Hoeveel mensen of plaatsen de gemeente zoekt; leeg als het geen aantal is.'),
  sluitingsdatum: day('Sluitingsdatum', 'De laatste dag waarop werkgevers kunnen reageren.'),
  status: oneOf(['open', 'gesloten'], 'Status', 'open: werkgevers kunnen nog reageren; gesloten: gesloten door de gemeente of de sluitingsdatum is voorbij.'),
  uitkomst: optionalText('Uitkomst', 'Hoe de gemeente de pitch sloot: gelukt, deels gelukt of niet gelukt.'),
  mensenGeplaatst: optionalCount('Mensen geplaatst', 'Hoeveel mensen volgens de gemeente via de pitch aan het werk gingen, bij het sluiten.'),
  werkgeversDoenMee: count('Werkgevers doen mee', 'Hoeveel werkgevers meedoen (hun aanbod loopt of is aangenomen).'),
  werkgeversMetNaam: texts('Werkgevers met naam', 'De werkgevers die meedoen en ermee instemden dat hun naam openbaar is; de andere staan alleen in het aantal.'),
  gepubliceerd: optionalDay('Gepubliceerd', 'De dag waarop de pitch openbaar werd.'),
  gesloten: optionalDay('Gesloten op', 'De dag waarop de gemeente de pitch sloot.'),
  demo: demo(),
  adres: siteAddress('de pitch'),
});
type PitchRow = z.infer<typeof row>;

const descriptions: Record<PitchFacetKey, string> = {
  status: 'open: werkgevers kunnen nog reageren; gesloten: gesloten of de sluitingsdatum is voorbij.',
  municipalities: 'Alleen pitches van deze gemeente.',
  provinces: 'Alleen pitches uit deze provincie.',
  regions: 'Alleen pitches uit deze arbeidsmarktregio.',
  targetGroups: 'Alleen pitches voor deze doelgroep.',
  sectors: 'Alleen pitches in deze sector.',
  helpKinds: 'Alleen pitches die om deze soort hulp vragen.',
};

// Status first, as in the list page's filter column.
const order: PitchFacetKey[] = ['status', 'municipalities', 'provinces', 'regions', 'targetGroups', 'sectors', 'helpKinds'];
const filterParameters: FilterParameter[] = order.map((key) => ({
  name: pitchFacetParams[key],
  description: `${descriptions[key]} Meer waarden: pitches met een van die waarden.`,
  repeatable: true,
  values: () => pitchFilterVocabularies()[key],
}));


function toRow(pitch: PublicPitch, origin: string): PitchRow {
  return {
    id: pitch.id,
    titel: withDemoMark(pitch.title, pitch.demo),
    gemeente: withDemoMark(pitch.municipalityName, pitch.demo),
    gemeenteCode: pitch.municipalityCode,
    provincie: pitch.province,
    arbeidsmarktregio: pitch.region,
    wijk: pitch.area,
    uitdaging: withoutEmailAddresses(pitch.challenge),
    vraag: withoutEmailAddresses(pitch.ask),
    doelgroepen: labelsIn(targetGroups)(pitch.targetGroups),
    sectoren: labelsIn(sectors)(pitch.sectors),
    soortHulp: labelsIn(helpKinds)(pitch.helpKinds),
    gezocht: pitch.peopleSought,
    sluitingsdatum: pitch.closingDate,
    status: pitch.open ? 'open' : 'gesloten',
    uitkomst: pitch.outcome ? pitchOutcomeLabel[pitch.outcome] : null,
    mensenGeplaatst: pitch.peoplePlaced,
    werkgeversDoenMee: pitch.employersJoined,
    werkgeversMetNaam: pitch.namedEmployers,
    gepubliceerd: isoDay(pitch.publishedAt),
    gesloten: isoDay(pitch.closedAt),
    demo: pitch.demo,
    adres: `${origin}/pitches/${encodeURIComponent(pitch.id)}/`,
  };
}

export const pitches = defineDataset({
  name: 'pitches',
  title: 'Pitches',
  description: 'Uitdagingen die gemeenten op Praktijkplein voorlegden aan werkgevers, met doelgroep, sector, soort hulp, status, uitkomst en hoeveel werkgevers meedoen; zonder contactpersonen en berichten.',
  listPath: '/pitches/',
  attribution: 'Gemeenten, provincies en arbeidsmarktregio’s: CBS / PDOK (gebiedsindelingen).',
  row,
  idOf: (item) => item.id,
  filterParameters,
  parseFilters: (params, options) => parseFiltersWith(params, options, filterParameters, (query) => parsePitchQuery(query, pitchPlaces().vocabulary).filter),
  queryOf: (filters: PitchFilter) => pitchQueryToSearchParams({ filter: filters }),
  async list(deps, filters) {
    return (await publicPitches(deps.db, filters, new Date(clock(deps)))).map((pitch) => toRow(pitch, deps.origin));
  },
  async get(deps, itemId) {
    const pitch = await publicPitch(deps.db, itemId, new Date(clock(deps)));
    return pitch ? toRow(pitch, deps.origin) : undefined;
  },
  // A row also changes when an employer joins, which no pitch date records.
  lastModified: () => undefined,
});
