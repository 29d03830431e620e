/**
 * Home of the kinds of help: what a municipality asks of employers in a pitch and what an
 * employer offers in answer (docs/architecture.md: offers are structured, not free text alone).
 * A closed vocabulary in the same shape as those in facets.ts (ids, Dutch labels, synonyms
 * for search), so pitch forms, offer forms, filters and the database enum share one list.
 */
import { vocabulary } from './facets.ts';

/** The kinds of help, with `ids` as a non-empty tuple for `z.enum` and the database enum. */
export const helpKinds = vocabulary([
  { id: 'banen', label: 'Banen', synonyms: ['baan', 'vacature', 'vacatures', 'vaste baan', 'betaald werk', 'arbeidsplaats'] },
  { id: 'werkervaringsplaatsen', label: 'Werkervaringsplaatsen', synonyms: ['werkervaringsplaats', 'werkervaringsplek', 'proefplaatsing', 'participatieplek', 'werkstage'] },
  { id: 'stage-bbl', label: 'Stage- en BBL-plaatsen', synonyms: ['stage', 'stageplaats', 'stageplek', 'BBL', 'beroepsbegeleidende leerweg', 'leerwerkplek', 'leerbaan'] },
  { id: 'opleiding', label: 'Opleiding', synonyms: ['scholing', 'training', 'cursus', 'bijscholing', 'omscholing'] },
  { id: 'mentor-buddy', label: 'Mentor of buddy', synonyms: ['mentor', 'buddy', 'maatje', 'begeleider', 'werkplekbegeleiding', 'coach'] },
  { id: 'jobcarving', label: 'Jobcarving: taken opnieuw verdelen', synonyms: ['job carving', 'functiecreatie', 'taken opnieuw verdelen', 'functieontwerp', 'inclusief herontwerp van werk'] },
  { id: 'anders', label: 'Iets anders', synonyms: [] },
] as const);

/** Id of a kind of help, as stored on pitches and offers. */
export type HelpKindId = (typeof helpKinds.ids)[number];
