/**
 * The words the matchmaking reasons are made of: a sector, a target group or a kind of help as
 * it reads inside a Dutch sentence ("werkt in de logistiek met jongeren", "kan
 * werkervaringsplaatsen bieden"). The vocabularies' labels are headings ("Schoonmaak en
 * facilitair", "Jongeren"); a sentence needs them with their preposition and in lower case.
 */
import { labelOf, sectors, targetGroups, type SectorId } from '../facets.ts';
import type { HelpKindId } from '../help-kinds.ts';

/** Where one works, per sector: "werkt in de logistiek". */
const sectorPlaces: Record<SectorId, string> = {
  logistiek: 'in de logistiek',
  facilitair: 'in de schoonmaak en facilitaire dienstverlening',
  detailhandel: 'in de detailhandel',
  onderwijs: 'in het onderwijs',
  zorg: 'in de zorg en het welzijn',
  ict: 'in de ICT',
  'bouw-installatie': 'in de bouw en installatie',
  'openbare-ruimte': 'in de openbare ruimte en het toezicht',
  'sport-cultuur': 'in sport en cultuur',
  overheid: 'bij de overheid en publieke diensten',
};

/** What one offers, per kind of help: "kan banen bieden". "Iets anders" says nothing to match on. */
const helpKindObjects: Record<Exclude<HelpKindId, 'anders'>, string> = {
  banen: 'banen',
  werkervaringsplaatsen: 'werkervaringsplaatsen',
  'stage-bbl': 'leerplekken (stage of BBL)',
  opleiding: 'opleiding',
  'mentor-buddy': 'een mentor of buddy',
  jobcarving: 'jobcarving (taken opnieuw verdelen)',
};

/** "Logistiek" → "logistiek", but "ICT" stays "ICT" (an abbreviation keeps its capitals). */
export function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return second && second === second.toUpperCase() && /\p{L}/u.test(second) ? text : first.toLowerCase() + text.slice(1);
}

/** "in de logistiek"; an unknown id reads as its label would. */
export function sectorPlace(id: string): string {
  return id in sectorPlaces ? sectorPlaces[id as SectorId] : `in de sector ${id}`;
}

/** "logistiek", "schoonmaak en facilitair": the sector's name after "de sector". */
export function sectorName(id: string): string {
  return lowerFirst(labelOf(sectors, id));
}

/** "jongeren", "mensen met een arbeidsbeperking". */
export function targetGroupName(id: string): string {
  return lowerFirst(labelOf(targetGroups, id));
}

/** Kinds of help worth matching on: every kind but "Iets anders". */
export function isMatchableHelpKind(id: string): id is Exclude<HelpKindId, 'anders'> {
  return id in helpKindObjects;
}

/** "werkervaringsplaatsen", "een mentor of buddy". */
export function helpKindObject(id: Exclude<HelpKindId, 'anders'>): string {
  return helpKindObjects[id];
}

/** "a", "a en b", "a, b en c". */
export function listWords(words: readonly string[]): string {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} en ${words.at(-1)}`;
}
