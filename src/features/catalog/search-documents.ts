/**
 * What the server-side content search indexes of each case study, instrument and organisation
 * page: the same words the page shows, plus its facets' labels and synonyms
 * (domain/search-keywords.ts), so "Wajong" finds pages tagged arbeidsbeperking and
 * "banenafspraak" the garantiebanen page, and the same filters the search form offers. Plain
 * data in, plain data out: content-search.ts feeds it the collections, tests feed it files.
 */
import type { Root, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { instruments, labelOf, sectors, targetGroups } from '#domain/facets.ts';
import { searchKeywords } from '#domain/search-keywords.ts';

/** The kinds of page, as the search form's "Soort pagina" names them. */
export const contentKinds = ['Praktijkvoorbeeld', 'Plan', 'Instrument', 'Bron', 'Organisatie'] as const;
export type ContentKind = (typeof contentKinds)[number];

/** The filters of the search form, by the names its fields carry (kept from the Pagefind form, so old links work). */
export const contentFilterNames = ['Soort', 'Sector', 'Doelgroep', 'Instrument', 'Gemeente', 'Provincie', 'Arbeidsmarktregio'] as const;
export type ContentFilterName = (typeof contentFilterNames)[number];
export type ContentFilters = Partial<Record<ContentFilterName, string>>;

/** One page in the content search. */
export interface SearchDocument {
  url: string;
  kind: ContentKind;
  title: string;
  /** Shown under the title in the results (the page's own summary). */
  summary: string;
  /** Indexed, never shown: facet labels and synonyms, names, places. */
  keywords: string[];
  /** The page's running text. */
  text: string;
  /** Filter values (labels), per filter name. */
  filters: Partial<Record<ContentFilterName, string[]>>;
}

/**
 * The plain text of an MDX body: the words of its paragraphs, headings and lists. MDX
 * expressions and HTML are left out (the content has none today; they would not be prose).
 */
export function markdownText(markdown: string): string {
  const words: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') words.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem') words.push('\n');
  };
  walk(fromMarkdown(markdown) as Root);
  return words.join('').replace(/[ \t]*\n+[ \t]*/g, '\n').trim();
}

/** What a case study page says, resolved to names (content-search.ts does the lookups). */
export interface CaseInput {
  id: string;
  title: string;
  summary: string;
  body: string;
  sectors: readonly string[];
  targetGroups: readonly string[];
  instruments: readonly string[];
  places: readonly string[];
  outcomes: readonly string[];
  /** Employers, partners and municipalities it names. */
  organisationNames: readonly string[];
  municipalityNames: readonly string[];
  provinceNames: readonly string[];
  regionNames: readonly string[];
  /** Other names of places in its municipalities ("Zaandam" for Zaanstad), so a town's name finds it. */
  placeNames?: readonly string[];
  /** A plan (domain/practice-counts.ts isPlan), not a practice: labelled so in the results. */
  plan?: boolean;
}

export function caseDocument(input: CaseInput): SearchDocument {
  const kind = input.plan ? 'Plan' : 'Praktijkvoorbeeld';
  const sectorLabels = input.sectors.map((id) => labelOf(sectors, id));
  const targetGroupLabels = input.targetGroups.map((id) => labelOf(targetGroups, id));
  const instrumentLabels = input.instruments.map((id) => labelOf(instruments, id));
  return {
    url: `/praktijkvoorbeelden/${input.id}/`,
    kind,
    title: input.title,
    summary: input.summary,
    keywords: [...searchKeywords(input), ...input.places, ...input.organisationNames, ...input.municipalityNames, ...(input.placeNames ?? [])],
    text: [markdownText(input.body), ...input.outcomes].join('\n'),
    filters: {
      Soort: [kind],
      Sector: sectorLabels,
      Doelgroep: targetGroupLabels,
      Instrument: instrumentLabels,
      Gemeente: [...input.municipalityNames],
      Provincie: [...input.provinceNames],
      Arbeidsmarktregio: [...input.regionNames],
    },
  };
}

/** What an instrument page says; stances with the municipality's name. */
export interface InstrumentInput {
  id: string;
  title: string;
  summary: string;
  body: string;
  targetGroups: readonly string[];
  stances: readonly { municipalityName: string; statement: string }[];
  organisationNames: readonly string[];
}

export function instrumentDocument(input: InstrumentInput): SearchDocument {
  return {
    url: `/instrumenten/${input.id}/`,
    kind: 'Instrument',
    title: input.title,
    summary: input.summary,
    keywords: [...searchKeywords({ instruments: [input.id], targetGroups: input.targetGroups }), ...input.organisationNames],
    text: [markdownText(input.body), ...input.stances.map((s) => `${s.municipalityName}: ${s.statement}`)].join('\n'),
    filters: { Soort: ['Instrument'], Instrument: [input.title], Doelgroep: input.targetGroups.map((id) => labelOf(targetGroups, id)) },
  };
}

/** An organisation page: its name, kind, description, sectors and area. */
export interface OrganisationInput {
  id: string;
  /** "Gemeente Zaanstad" for a municipality, as the page's heading. */
  title: string;
  kindLabel: string;
  description?: string;
  sectors: readonly string[];
  provinceName?: string;
  regionName?: string;
  /** A municipality's other place names ("Zaandam" for Zaanstad). */
  placeNames?: readonly string[];
}

export function organisationDocument(input: OrganisationInput): SearchDocument {
  return {
    url: `/organisaties/${input.id}/`,
    kind: 'Organisatie',
    title: input.title,
    // "Gemeente Zaanstad ligt in Noord-Holland, arbeidsmarktregio Zaanstreek/Waterland." — never "Gemeente Gemeente …".
    summary:
      input.description ??
      (input.provinceName
        ? `${input.title} ligt in ${input.provinceName}${input.regionName ? `, arbeidsmarktregio ${input.regionName}` : ''}.`
        : `${input.title} (${input.kindLabel.toLowerCase()}) op Praktijkplein.`),
    keywords: [input.kindLabel, ...searchKeywords({ sectors: input.sectors }), input.provinceName ?? '', input.regionName ?? '', ...(input.placeNames ?? [])].filter(Boolean),
    text: input.description ?? '',
    filters: {
      Soort: ['Organisatie'],
      ...(input.provinceName ? { Provincie: [input.provinceName] } : {}),
      ...(input.regionName ? { Arbeidsmarktregio: [input.regionName] } : {}),
    },
  };
}

/** A source page: what the text is, who published it, what it supports. */
export interface SourceInput {
  slug: string;
  title: string;
  publisher: string;
  kindLabel: string;
  supports: string;
  note?: string;
  /** Names around the event it reports on: hosts, organisers, participants, place. */
  names: readonly string[];
  /** Topics of the text the page names as left out on purpose, with the reason (they are on the page). */
  leftOut?: readonly { topic: string; reason: string }[];
}

export function sourceDocument(input: SourceInput): SearchDocument {
  return {
    url: `/bronnen/${input.slug}/`,
    kind: 'Bron',
    title: input.title,
    // Who published it, what kind of text, and the first sentence of what it supports: the
    // whole "supports" text is as long as a page's summary several times over.
    summary: `${input.publisher} (${input.kindLabel.toLowerCase()}). ${firstSentence(input.supports)}`,
    keywords: [input.publisher, input.kindLabel, ...input.names],
    text: [input.supports, input.note ?? '', ...(input.leftOut ?? []).map((item) => `${item.topic}: ${item.reason}`)].join('\n'),
    filters: { Soort: ['Bron'] },
  };
}

/** The text up to and including its first full stop followed by a space (all of it if none). */
function firstSentence(text: string): string {
  const end = text.search(/[.!?]\s/);
  return end === -1 ? text : text.slice(0, end + 1);
}
