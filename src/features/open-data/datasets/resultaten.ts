/**
 * What pitches brought (/resultaten/) as open data: the follow-up answers behind the overview,
 * one row per pitch per moment (3, 6 and 12 months after closing), with the overview's filters.
 * A reader sums them as the page does (per pitch its latest answer) or otherwise. Only public
 * facts: the closed pitch, its facets and the numbers the municipality gave, never who answered.
 * Made-up results of a demo pitch say so in the pitch and municipality, besides the Demo column.
 */
import { z } from 'astro/zod';
import type { Database } from '#db/client.ts';
import { withDemoMark } from '#domain/demo-marks.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { helpKinds } from '#domain/help-kinds.ts';
import { pitchOutcomeLabel } from '#domain/pitch-lifecycle.ts';
import { loadGeo } from '#features/catalog/geo.ts';
import { outcomeFilterParams, outcomeFiltersFrom, outcomeOverview, outcomeSearchParams, type FollowedPitch, type OutcomeFilters } from '#features/marketplace/follow-up-overview.ts';
import { defineDataset, type FilterParameter } from '../dataset.ts';
import { parseFiltersWith, termParameter } from '../filter-parameters.ts';
import { isoDay, labelsIn } from './shared.ts';
import { count, day, demo, id, optionalDay, optionalText, siteAddress, text, texts } from '../fields.ts';

const row = z.object({
  id: id('Het id van de pitch, een punt en het aantal maanden na het sluiten ("poelenbrug-k3f9q2.6").'),
  pitch: text('Pitch', 'De titel van de pitch; bij een demopitch met "(demo)" erachter.'),
  adres: siteAddress('de pitch'),
  gemeente: text('Gemeente', 'De gemeente van de pitch; bij een demopitch met "(demo)" erachter: verzonnen resultaten, niet van die gemeente.'),
  arbeidsmarktregio: optionalText('Arbeidsmarktregio', 'De arbeidsmarktregio van die gemeente.'),
  doelgroepen: texts('Doelgroepen', 'Voor wie het werk was.'),
  sectoren: texts('Sectoren', 'In welke sectoren.'),
  soortHulp: texts('Soort hulp', 'Wat voor hulp de gemeente vroeg.'),
  uitkomst: optionalText('Uitkomst', 'Hoe de gemeente de pitch sloot: gelukt, deels gelukt of niet gelukt.'),
  geslotenOp: optionalDay('Gesloten op', 'De dag waarop de gemeente de pitch sloot.'),
  maandenNaSluiten: count('Maanden na sluiten', 'Na hoeveel maanden de gemeente dit antwoord gaf: 3, 6 of 12.'),
  gestart: count('Gestart', 'Hoeveel mensen via de pitch aan het werk gingen, volgens de gemeente.'),
  nogAanHetWerk: count('Nog aan het werk', 'Hoeveel van hen op dat moment nog werkten.'),
  doorgegevenOp: day('Doorgegeven op', 'De dag waarop de gemeente het antwoord gaf.'),
  demo: demo(),
});
type OutcomeRow = z.infer<typeof row>;

const geo = () => loadGeo();
// One value per parameter, as the overview's select boxes take.
const filterParameters: FilterParameter[] = [
  termParameter(outcomeFilterParams.municipality, 'Alleen pitches van deze gemeente.', () => geo().municipalities.map((m) => ({ id: m.id, label: m.name })), false),
  termParameter(outcomeFilterParams.region, 'Alleen pitches uit deze arbeidsmarktregio.', () => geo().regions.map((r) => ({ id: r.id, label: r.name })), false),
  termParameter(outcomeFilterParams.targetGroup, 'Alleen pitches voor deze doelgroep.', () => targetGroups.terms, false),
  termParameter(outcomeFilterParams.helpKind, 'Alleen pitches die om deze soort hulp vroegen.', () => helpKinds.terms, false),
];


function rowsOf(pitch: FollowedPitch, origin: string): OutcomeRow[] {
  return pitch.answers.map((answer) => ({
    id: `${pitch.id}.${answer.monthsAfter}`,
    // A demo row says so in the columns a spreadsheet groups by, not only in the last one.
    pitch: withDemoMark(pitch.title, pitch.demo),
    adres: `${origin}/pitches/${encodeURIComponent(pitch.id)}/`,
    gemeente: withDemoMark(pitch.municipalityName, pitch.demo),
    arbeidsmarktregio: pitch.region?.name ?? null,
    doelgroepen: labelsIn(targetGroups)(pitch.targetGroups),
    sectoren: labelsIn(sectors)(pitch.sectors),
    soortHulp: labelsIn(helpKinds)(pitch.helpKinds),
    uitkomst: pitch.outcome ? pitchOutcomeLabel[pitch.outcome] : null,
    geslotenOp: isoDay(pitch.closedAt),
    maandenNaSluiten: answer.monthsAfter,
    gestart: answer.started,
    nogAanHetWerk: answer.stillWorking,
    doorgegevenOp: isoDay(answer.answeredAt)!,
    demo: pitch.demo,
  }));
}

/** Newest answer first, then by id: a stable order for pages of rows. */
const newestFirst = (a: OutcomeRow, b: OutcomeRow) => b.doorgegevenOp.localeCompare(a.doorgegevenOp) || a.id.localeCompare(b.id);

async function rows(origin: string, db: Database, filters: OutcomeFilters): Promise<OutcomeRow[]> {
  const overview = await outcomeOverview(db, filters);
  return overview.pitches.flatMap((pitch) => rowsOf(pitch, origin)).sort(newestFirst);
}

export const resultaten = defineDataset({
  name: 'resultaten',
  title: 'Wat pitches opleverden',
  description: 'De antwoorden van gemeenten 3, 6 en 12 maanden na een gesloten pitch: hoeveel mensen via de pitch aan het werk gingen en hoeveel er nog werken; één regel per pitch per moment, zonder namen.',
  listPath: '/resultaten/',
  attribution: 'Arbeidsmarktregio’s: CBS / PDOK (gebiedsindelingen). De getallen zijn wat gemeenten zelf doorgaven.',
  row,
  idOf: (item) => item.id,
  filterParameters,
  parseFilters: (params, options) => parseFiltersWith(params, options, filterParameters, outcomeFiltersFrom),
  queryOf: (filters: OutcomeFilters) => outcomeSearchParams(filters),
  list: (deps, filters) => rows(deps.origin, deps.db, filters),
  async get(deps, itemId) {
    return (await rows(deps.origin, deps.db, {})).find((item) => item.id === itemId);
  },
  // The rows carry the day of each answer; a later answer on the same day would not move it.
  lastModified: () => undefined,
});
