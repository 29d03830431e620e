/**
 * From pitch to story: a closed, matched pitch becomes a draft case study: the case editor's
 * own form (domain/case-form.ts), filled in, with notes for the curator that the editor's case
 * serializer writes as comments above the keys. The curator opens it as an editor draft, or
 * downloads it as an .mdx file (written by that same serializer), rewrites and publishes it.
 * Plain TypeScript without Astro or the database: the loader (pitch-story-download.ts) passes
 * in what it read, so tests call this with any pitch.
 *
 * What the draft claims comes from the pitch record and the municipality's own answers only
 * (README: "verzin geen feiten"): the municipality, the target groups and sectors (the same
 * vocabularies as cases), the area as a place, the employers that were accepted AND agreed to be
 * named, the outcome recorded at closing and the follow-up answers. Everything else is a TODO
 * for the curator in plain Dutch.
 *
 * How a pitch is cited: as what it is. The case schema's `pitch` field names the pitch (id,
 * title, closing day) and the case page shows "Uit een pitch op Praktijkplein: …" with a link to
 * it (src/features/catalog/provenance.ts); `sources` stays empty, which the schema allows only with a
 * pitch. No source from content/sources is cited for facts it does not contain. The
 * curator adds sources only where one really carries facts of the case. Every note for the
 * curator carries `DRAFT_MARKER`, and tests/unit/pitch-story.test.ts fails while a file in
 * content/cases still has one.
 *
 * Pitch text is user Markdown and would be MDX code in a case file (`{`, `<`, `import`): it goes
 * in as a quoted note with every character that MDX or Markdown reads as syntax escaped, so it
 * reads as the author typed it and never runs.
 */
import { sectors, targetGroups, type CaseStatus, type EvidenceKind, type InstrumentId } from '#domain/facets.ts';
import { helpKinds, type HelpKindId } from '#domain/help-kinds.ts';
import { amsterdamDate, dutchDateAt } from '#domain/amsterdam-time.ts';
import type { CaseForm, CaseNotes } from '#domain/case-form.ts';
import { oneLine as oneLineName } from '#domain/names.ts';
import { pitchOutcomeLabel, type PitchOutcome } from '#domain/pitch-lifecycle.ts';
import { slugify } from '#features/catalog/slug.ts';

/** Every note for the curator starts with this; a published case must not contain it. */
export const DRAFT_MARKER = 'TODO (curator)';

/**
 * One follow-up answer: how many people started and how many are still at
 * work, some months after closing. Declared here structurally; the follow-up module delivers it.
 */
export interface FollowUpAnswer {
  monthsAfter: 3 | 6 | 12;
  started: number;
  stillWorking: number;
  /** When the municipality answered (ms). */
  answeredAt: number;
}

/** What the draft reads of a pitch. */
export interface StoryPitch {
  id: string;
  title: string;
  /** Neighbourhood or area ("Poelenbrug"). */
  area: string;
  /** The challenge and the ask, as the author wrote them (Markdown). */
  challenge: string;
  ask: string;
  peopleSought: number | null;
  publishedAt: number | null;
  closedAt: number | null;
}

/** An organisation as the draft names it; `inContent`: its id is in content/organisations. */
export interface StoryOrganisation {
  id: string;
  name: string;
  inContent: boolean;
}

/** The pitch's facets, in the pitch vocabularies. */
export interface StoryFacets {
  targetGroups: readonly string[];
  sectors: readonly string[];
  helpKinds: readonly string[];
}

export interface StoryOptions {
  municipality: StoryOrganisation;
  /** Employers whose offer was accepted and that agreed to be named; others never reach this. */
  namedEmployers: readonly StoryOrganisation[];
  facets: StoryFacets;
  outcome: PitchOutcome;
  peoplePlaced: number | null;
  followUps: readonly FollowUpAnswer[];
  /** The site's address, for the link to the pitch. */
  siteUrl: string;
  now: number;
}

export interface StoryDraft {
  /** `<id>.mdx`: the file name in content/cases/, which becomes the case's address. */
  fileName: string;
  /** The case form, filled in from the pitch (organisations and municipalities by id). */
  form: CaseForm;
  /** Notes for the curator, written as comments above these keys. */
  notes: CaseNotes;
}

/**
 * Why no draft: only a pitch closed as matched or partly matched has a story to tell, and
 * never a demo pitch: its employers, outcome and follow-up numbers are made up, and a case
 * draft would present them as what a real municipality reported.
 */
export type StoryRefusal = 'demo' | 'not-closed' | 'not-matched';

/** May this pitch become a draft case? */
export function storyRefusal(pitch: { status: string; outcome: PitchOutcome | null; demo: boolean }): StoryRefusal | null {
  if (pitch.demo) return 'demo';
  if (pitch.status !== 'closed') return 'not-closed';
  return pitch.outcome === 'matched' || pitch.outcome === 'partly' ? null : 'not-matched';
}

/** What the download says instead of a file. */
export const storyRefusalMessage: Record<StoryRefusal, string> = {
  demo: 'Van een demopitch kunt u geen praktijkvoorbeeld maken: de werkgevers, de uitkomst en de resultaten zijn verzonnen, en de gemeente heeft de pitch niet zelf geplaatst.',
  'not-closed': `Van deze pitch kunt u nog geen praktijkvoorbeeld maken: dat kan pas als de gemeente hem heeft gesloten met de uitkomst ${pitchOutcomeLabel.matched} of ${pitchOutcomeLabel.partly}.`,
  'not-matched': `Van deze pitch kunt u geen praktijkvoorbeeld maken: hij is gesloten met de uitkomst ${pitchOutcomeLabel['not-matched']}. Een praktijkvoorbeeld maakt u van een pitch die (deels) gelukt is.`,
};

/**
 * Kinds of help that may point to an instrument. Only a hint in a note: that a pitch asked for
 * stage places does not mean a BBL route was used, so the frontmatter lists no instrument.
 */
const instrumentHints: Partial<Record<HelpKindId, InstrumentId>> = {
  'stage-bbl': 'bbl-bedrijfsschool',
  opleiding: 'omscholing',
  'mentor-buddy': 'jobcoaching-loonwaarde',
};

/** The draft case study for a closed, matched pitch. */
export function draftCaseFromPitch(pitch: StoryPitch, options: StoryOptions): StoryDraft {
  const { municipality, facets, outcome, now } = options;
  const named = options.namedEmployers.filter((e) => e.inContent);
  const unnamed = options.namedEmployers.filter((e) => !e.inContent);
  const followUps = [...options.followUps].sort((a, b) => a.monthsAfter - b.monthsAfter);
  // A reported result needs people still at work in an answer; a match alone is shared experience.
  const evidence: EvidenceKind = followUps.some((f) => f.stillWorking > 0) ? 'resultaat' : 'ervaring';
  // The collaboration started when the pitch closed with a match; the curator knows if it ended.
  const status: CaseStatus = 'lopend';
  // Parentheses escaped too: the address sits inside a Markdown link.
  const pitchUrl = new URL(`/pitches/${encodeURIComponent(pitch.id).replace(/[()']/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}/`, options.siteUrl).href;
  const area = oneLine(pitch.area);
  const places = area.length >= 2 && area.toLowerCase() !== municipality.name.toLowerCase() ? [area] : [];
  const outcomes = outcomeLines(outcome, options.peoplePlaced, pitch.closedAt, followUps);
  const caseTargetGroups = facets.targetGroups.filter((id) => (targetGroups.ids as readonly string[]).includes(id));
  const caseSectors = facets.sectors.filter((id) => (sectors.ids as readonly string[]).includes(id));
  const hints = [...new Set(facets.helpKinds.flatMap((id) => instrumentHints[id as HelpKindId] ?? []))];

  const title = clip(oneLine(pitch.title), 120);
  const notes: Record<string, string[]> = {
    title: [
      `${DRAFT_MARKER}: concept uit de pitch ${pitchUrl}. Controleer elk veld, herschrijf titel en samenvatting in gewone taal (B1)`,
      `en haal alle regels met "${DRAFT_MARKER}" weg voordat u publiceert.`,
    ],
    ...(unnamed.length > 0
      ? {
          employers: [
            `${DRAFT_MARKER}: deze werkgevers deden mee en mogen genoemd worden, maar staan nog niet in content/organisations/organisations.yaml:`,
            ...unnamed.map((e) => `  - ${oneLine(e.name)} (id in de database: ${oneLine(e.id)})`),
            '  Zet ze daar eerst bij (kind: employer, met een bron) en voeg dan hun id hieronder toe.',
          ],
        }
      : {}),
    ...(municipality.inContent ? {} : { municipalities: [`${DRAFT_MARKER}: de gemeente ${oneLine(municipality.name)} staat niet in de CBS-lijst; vul haar id in.`] }),
    instruments: [`${DRAFT_MARKER}: welke instrumenten zijn gebruikt? De pitch vroeg om: ${facets.helpKinds.map(helpLabel).join(', ') || 'niets genoemd'}.${hints.length > 0 ? ` Denk aan: ${hints.join(', ')}.` : ''}`],
    outcomes: ['Alleen wat de gemeente zelf meldde, bij het sluiten van de pitch en in de vervolgvragen.'],
    evidence: [evidence === 'resultaat' ? 'resultaat: de gemeente meldde mensen die na maanden nog aan het werk waren.' : 'ervaring: de pitch leidde tot een match, maar (nog) geen antwoord meldt mensen die aan het werk bleven.'],
    status: [`${DRAFT_MARKER}: lopend zolang de samenwerking loopt; afgerond als die klaar is.`],
    pitch: ['Herkomst: de pitch waar dit voorbeeld uit komt; de pagina linkt ernaar.'],
    // A closed pitch always has its closing time (answers.ts sets it); without one, say so.
    ...(pitch.closedAt ? {} : { 'pitch.closedOn': [`${DRAFT_MARKER}: de sluitdatum van de pitch ontbreekt; hieronder staat de datum van dit concept. Vul de echte in.`] }),
    sources: ["Bronnen uit content/sources/sources.yaml, alleen als zo'n bron feiten van dit voorbeeld draagt; de pitch is de herkomst."],
  };

  const body = [
    `${DRAFT_MARKER}: dit concept is gemaakt uit de pitch [${escapeInline(pitch.title)}](${pitchUrl}) van ${escapeInline(municipality.name)}${datePhrase(', gepubliceerd op', pitch.publishedAt)}${pitch.closedAt ? `${datePhrase(' en gesloten op', pitch.closedAt)},` : ','} met de uitkomst ${pitchOutcomeLabel[outcome]}. De citaten hieronder zijn de tekst van de pitch, zoals de gemeente hem schreef. Schrijf onder elk kopje in eigen woorden wat er gebeurde, en haal de citaten en alle regels met "${DRAFT_MARKER}" weg.`,
    '',
    '## De situatie',
    '',
    `${DRAFT_MARKER}: beschrijf de situatie in ${escapeInline(area || municipality.name)} in gewone taal: wie zocht werk, en waarom was dat moeilijk?`,
    '',
    'Uit de pitch, de uitdaging:',
    '',
    blockquote(pitch.challenge),
    '',
    '## De aanpak',
    '',
    `${DRAFT_MARKER}: beschrijf wat de gemeente vroeg en wat de werkgevers deden.${pitch.peopleSought ? ` De pitch zocht ${pitch.peopleSought} mensen of plaatsen.` : ''}`,
    '',
    'Uit de pitch, wat de gemeente van werkgevers vroeg:',
    '',
    blockquote(pitch.ask),
    '',
    options.namedEmployers.length > 0
      ? `Werkgevers van wie het aanbod is geaccepteerd en die genoemd willen worden: ${options.namedEmployers.map((e) => escapeInline(e.name)).join(', ')}.`
      : 'Geen van de geaccepteerde werkgevers gaf toestemming om genoemd te worden: noem hen niet bij naam.',
    '',
    '## Wat het laat werken',
    '',
    `${DRAFT_MARKER}: schrijf alleen op wat de gemeente of de werkgevers zelf vertelden. Wat de gemeente meldde:`,
    '',
    ...(outcomes.length > 0 ? outcomes.map((o) => `- ${escapeInline(o)}`) : ['- Nog geen uitkomsten gemeld.']),
    '',
    '## Wat u kunt overnemen',
    '',
    `Suggesties van de redactie. ${DRAFT_MARKER}: schrijf hier wat andere gemeenten en werkgevers hiervan kunnen overnemen.`,
    '',
  ].join('\n');

  const id = caseIdFor(pitch, municipality);
  const form: CaseForm = {
    id,
    title,
    summary: summaryOf(pitch, municipality, outcome, options.namedEmployers.length),
    employers: named.map((e) => e.id),
    municipalities: municipality.inContent ? [municipality.id] : [],
    partners: [],
    places: places.join('\n'),
    sectors: caseSectors,
    targetGroups: caseTargetGroups,
    instruments: [],
    outcomes: outcomes.join('\n'),
    evidence,
    status,
    stand: '',
    sources: [],
    published: amsterdamDate(now),
    updated: '',
    featured: false,
    pitch: { id: pitch.id, title, closedOn: amsterdamDate(pitch.closedAt ?? now) },
    body,
  };
  return { fileName: `${id}.mdx`, form, notes };
}

/** A readable case id: the municipality and the pitch title ("zaanstad-poelenbrug-wie-biedt"). */
function caseIdFor(pitch: StoryPitch, municipality: StoryOrganisation): string {
  const title = slugify(pitch.title);
  const base = title.startsWith(slugify(municipality.name)) ? title : `${slugify(municipality.name)}-${title}`;
  return base.slice(0, 80).replace(/-+$/, '') || `pitch-${slugify(pitch.id)}`;
}

/** One to three plain sentences from the record, within the schema's 20–300 characters. */
function summaryOf(pitch: StoryPitch, municipality: StoryOrganisation, outcome: PitchOutcome, named: number): string {
  const where = oneLine(pitch.area) ? ` in ${clip(oneLine(pitch.area), 60)}` : '';
  const who = named === 0 ? '' : named === 1 ? ' Eén werkgever die genoemd wil worden, deed mee.' : ` ${named} werkgevers die genoemd willen worden, deden mee.`;
  return clip(`${clip(municipality.name, 60)} vroeg werkgevers in een pitch om mee te doen${where}. De pitch is gesloten als ${pitchOutcomeLabel[outcome]}.${who}`, 300);
}

/** The outcomes as the municipality reported them, dated. */
function outcomeLines(outcome: PitchOutcome, peoplePlaced: number | null, closedAt: number | null, followUps: readonly FollowUpAnswer[]): string[] {
  const lines = [`Bij het sluiten van de pitch${datePhrase(' op', closedAt)} meldde de gemeente: ${pitchOutcomeLabel[outcome]}${peoplePlaced ? `, ${peoplePlaced} ${peoplePlaced === 1 ? 'persoon' : 'mensen'} geplaatst` : ''}.`];
  for (const f of followUps) {
    lines.push(`Na ${f.monthsAfter} maanden meldde de gemeente${datePhrase(' op', f.answeredAt)}: ${f.started} begonnen, ${f.stillWorking} nog aan het werk.`);
  }
  return lines;
}

const datePhrase = (words: string, at: number | null) => (at ? `${words} ${dutchDateAt(at)}` : '');

const helpLabel = (id: string) => helpKinds.terms.find((t) => t.id === id)?.label ?? id;

/** Text on one line, without control characters or links (clipped separately, by `clip`). */
const oneLine = (text: string) => oneLineName(text, Number.MAX_SAFE_INTEGER, 'organisation');

/** At most `max` characters, ending in "…" when cut. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Characters Markdown or MDX may read as syntax anywhere in a line: emphasis, code, links,
 * JSX and expressions, character references, tables, strikethrough, and the escape itself.
 */
const INLINE_SYNTAX = /[\\`*_{}[\]<>&|~!$^]/g;

/** User text as literal Markdown on one line: every syntax character backslash-escaped. */
export function escapeInline(text: string): string {
  return oneLine(text).replace(INLINE_SYNTAX, (c) => `\\${c}`);
}

/**
 * One line of user text inside a blockquote, literal: leading space dropped (no code block),
 * trailing space dropped (no hard break), inline syntax escaped, and what only counts at the
 * start of a line (headings, lists, quotes, rules, setext underlines, ESM) made plain text.
 */
function escapeLine(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const text = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\t/g, '  ').trim();
  const inline = text.replace(INLINE_SYNTAX, (c) => `\\${c}`);
  // "1." or "1)" starts an ordered list; escape its punctuation.
  const ordered = inline.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return ordered.replace(/^([#+\-=>:])/, '\\$1');
}

/** User Markdown as a quoted note: every line literal, blank lines kept as paragraph breaks. */
export function blockquote(markdown: string): string {
  const lines = markdown.toWellFormed().replace(/\r\n?/g, '\n').split('\n').map(escapeLine);
  // Collapse runs of blank lines and drop them at both ends.
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  if (kept.length === 0) return '> (leeg)';
  return kept.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}
