/**
 * Home of Praktijkplein's closed vocabularies (docs/architecture.md): sectors, target groups,
 * instruments, kinds of evidence and case status. Content schemas, list filters, the
 * search index and (later) pitches all import these, so a value exists in one place only.
 * Synonyms feed the search index: searching a synonym finds pages tagged with the term.
 */

export interface FacetTerm {
  /** Stable id used in frontmatter, URLs and the database. */
  readonly id: string;
  /** Dutch label shown to people. */
  readonly label: string;
  /** Words people in the field use for the same thing; indexed for search. */
  readonly synonyms: readonly string[];
}

/** A vocabulary's terms as choices, id and Dutch label: what a filter column offers and the open data accepts. */
export function termOptions(vocab: { terms: readonly { id: string; label: string }[] }): { id: string; label: string }[] {
  return vocab.terms.map(({ id, label }) => ({ id, label }));
}

/** A closed vocabulary: its terms, and their ids as a non-empty tuple for `z.enum` and database enums. */
export function vocabulary<const T extends readonly FacetTerm[]>(terms: T) {
  const ids = terms.map((term) => term.id) as unknown as { [K in keyof T]: T[K]['id'] };
  return { terms, ids: ids as unknown as [T[number]['id'], ...T[number]['id'][]] };
}

export const sectors = vocabulary([
  { id: 'logistiek', label: 'Logistiek', synonyms: ['distributie', 'pakketten', 'magazijn', 'sorteren'] },
  { id: 'facilitair', label: 'Schoonmaak en facilitair', synonyms: ['schoonmaak', 'facility', 'catering', 'facilitaire dienstverlening'] },
  { id: 'detailhandel', label: 'Detailhandel en supermarkten', synonyms: ['supermarkt', 'winkel', 'retail'] },
  { id: 'onderwijs', label: 'Onderwijs', synonyms: ['school', 'universiteit', 'conciërge', 'klassenassistent'] },
  { id: 'zorg', label: 'Zorg en welzijn', synonyms: ['thuiszorg', 'gezondheidszorg', 'welzijn'] },
  { id: 'ict', label: 'ICT', synonyms: ['IT', 'informatietechnologie', 'digitaal'] },
  { id: 'bouw-installatie', label: 'Bouw en installatie', synonyms: ['bouw', 'installatietechniek', 'techniek'] },
  { id: 'openbare-ruimte', label: 'Openbare ruimte en toezicht', synonyms: ['toezicht', 'handhaving', 'straat schoonhouden', 'gastheer'] },
  { id: 'sport-cultuur', label: 'Sport en cultuur', synonyms: ['sportvereniging', 'cultuur', 'vereniging'] },
  { id: 'overheid', label: 'Overheid en publieke diensten', synonyms: ['gemeente', 'publieke sector', 'publiek werk'] },
] as const);

export const targetGroups = vocabulary([
  {
    id: 'arbeidsbeperking',
    label: 'Mensen met een arbeidsbeperking',
    synonyms: ['Wajong', 'Wajonger', 'handicap', 'beperking', 'doelgroepregister', 'banenafspraak', 'garantiebaan'],
  },
  {
    id: 'afstand-arbeidsmarkt',
    label: 'Mensen met een afstand tot de arbeidsmarkt',
    synonyms: ['langdurig werkloos', 'werkzoekenden', 'kwetsbare werkzoekenden'],
  },
  { id: 'bijstand', label: 'Mensen in de bijstand', synonyms: ['Participatiewet', 'uitkering', 'bijstandsgerechtigden', 'uitkeringsgerechtigden'] },
  { id: 'jongeren', label: 'Jongeren', synonyms: ['jeugd', 'schoolverlaters', 'starters', 'Jongerenpact'] },
  { id: 'ouderen', label: '50-plussers', synonyms: ['ouderen', 'vijftigplussers', '55-plussers', 'oudere werkzoekenden'] },
  { id: 'leerlingen', label: 'Leerlingen en stagiairs', synonyms: ['stagiair', 'praktijkschool', 'praktijkonderwijs', 'mbo', 'stage'] },
  { id: 'baanverlies', label: 'Mensen die hun baan (dreigen te) verliezen', synonyms: ['ontslag', 'van werk naar werk', 'werkloos'] },
  { id: 'arbeidsmigranten', label: 'Arbeidsmigranten', synonyms: ['migranten', 'buitenlandse werknemers'] },
] as const);

export const instruments = vocabulary([
  { id: 'basisbaan', label: 'Basisbaan', synonyms: ['basisbanen', 'betekenisvolle basisbaan', 'gesubsidieerd werk', 'publiek werk'] },
  { id: 'loonkostensubsidie', label: 'Loonkostensubsidie', synonyms: ['LKS', 'loonsubsidie'] },
  {
    id: 'jobcoaching-loonwaarde',
    label: 'Jobcoaching en loonwaardebepaling',
    synonyms: ['jobcoach', 'loonwaarde', 'begeleiding op de werkplek', 'werkplekbegeleiding'],
  },
  { id: 'werkgarantie', label: 'Werkgarantie', synonyms: ['baangarantie', 'van werk naar werk'] },
  {
    id: 'beschut-werk',
    label: 'Beschut werk en sociale werkbedrijven',
    synonyms: ['sociale werkvoorziening', 'SW-bedrijf', 'sociaal ontwikkelbedrijf', 'werkbedrijf', 'sociale werkplaats', 'Wsw'],
  },
  { id: 'garantiebanen', label: 'Garantiebanen (banenafspraak)', synonyms: ['banenafspraak', 'garantiebaan', 'doelgroepregister', '100.000 banen', 'Wajong'] },
  {
    id: 'sociaal-inkopen',
    label: 'Sociaal inkopen en SEBO',
    synonyms: ['social return', 'SROI', 'SEBO', 'aanbesteding', 'inclusief inkopen', 'maatschappelijk verantwoord inkopen'],
  },
  { id: 'bbl-bedrijfsschool', label: 'BBL en bedrijfsscholen', synonyms: ['BBL', 'beroepsbegeleidende leerweg', 'leerwerktraject', 'leren en werken', 'bedrijfsschool'] },
  { id: 'werkgevers-service-punt', label: 'Werkgevers Service Punt', synonyms: ['WSP', 'werkgeversservicepunt', 'werkgeversdienstverlening'] },
  { id: 'omscholing', label: 'Omscholing naar kansberoepen', synonyms: ['bijscholing', 'tekortberoepen', 'scholing', 'kansberoepen'] },
] as const);

/** What kind of evidence stands behind a claim: readers must see an ambition is not a result. */
export const evidenceKinds = vocabulary([
  { id: 'resultaat', label: 'Gemeld resultaat', synonyms: [] },
  { id: 'ervaring', label: 'Gedeelde praktijkervaring', synonyms: [] },
  { id: 'ambitie', label: 'Uitgesproken ambitie', synonyms: [] },
  { id: 'pitch', label: 'Pitch', synonyms: [] },
] as const);

export const caseStatuses = vocabulary([
  { id: 'lopend', label: 'Liep ten tijde van de bron', synonyms: [] },
  { id: 'gepitcht', label: 'Gepitcht', synonyms: [] },
  { id: 'voornemen', label: 'Voorstel', synonyms: [] },
  // A programme may present something as achieved ("Dit hebben we al bereikt"); no other source
  // confirms it, so it is neither a proposal nor a reported result.
  { id: 'geclaimd', label: 'Bereikt volgens de partij', synonyms: [] },
  { id: 'afgerond', label: 'Afgerond', synonyms: [] },
] as const);

/** The evidence badge of a case whose status is `geclaimd`. */
export const PARTY_CLAIM_LABEL = 'Bewering van de partij';

/**
 * The evidence badge of a case or a stance: the label of its evidence kind, with one exception.
 * On a case with status `geclaimd` only a party says it was achieved; "Uitgesproken ambitie" or
 * "Gemeld resultaat" next to "Bereikt volgens de partij" would contradict it, so there the badge
 * says whose claim it is. `kind` picks the badge colour. A stance has no status: its own kind.
 */
export function evidenceBadge(evidence: EvidenceKind, status?: CaseStatus): { kind: string; label: string } {
  if (status === 'geclaimd') return { kind: 'geclaimd', label: PARTY_CLAIM_LABEL };
  return { kind: evidence, label: labelOf(evidenceKinds, evidence) };
}

export const employerSizes = vocabulary([
  { id: 'klein', label: 'Klein (tot 50 medewerkers)', synonyms: ['mkb', 'kleine werkgever'] },
  { id: 'middelgroot', label: 'Middelgroot (50 tot 250 medewerkers)', synonyms: ['mkb'] },
  { id: 'groot', label: 'Groot (250 medewerkers of meer)', synonyms: ['grote werkgever'] },
] as const);

export type SectorId = (typeof sectors.ids)[number];
export type TargetGroupId = (typeof targetGroups.ids)[number];
export type InstrumentId = (typeof instruments.ids)[number];
export type EvidenceKind = (typeof evidenceKinds.ids)[number];
export type CaseStatus = (typeof caseStatuses.ids)[number];

/** The label for an id in a vocabulary; ids are validated at build, so a miss is a bug. */
export function labelOf(vocab: { terms: readonly FacetTerm[] }, id: string): string {
  const term = vocab.terms.find((t) => t.id === id);
  if (!term) throw new Error(`Onbekende facetwaarde: ${id}`);
  return term.label;
}
