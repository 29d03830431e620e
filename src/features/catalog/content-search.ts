/**
 * The knowledge base as search documents (the content collections, bundled with the server and
 * read at build time for the search index: src/pages/pagefind-records.json.ts), and the
 * vocabulary of "Bedoelde u …?". Every case study and plan, instrument, source and organisation
 * page is a document.
 */
import { getAreas, getCases, getInstruments, getOrganisations } from './queries.ts';
import { getSourceRecords } from './source-pages.ts';
import { sourceSlug } from './sources.ts';
import { sourceKinds } from './source-kinds.ts';
import { isPlan } from '#domain/practice-counts.ts';
import { caseDocument, instrumentDocument, organisationDocument, sourceDocument, type SearchDocument } from './search-documents.ts';
import { t } from '#platform/texts/nl.ts';
import { placeNames, placeNamesOf } from './places.ts';
import { loadGeo } from './geo.ts';
import { instruments, sectors, targetGroups } from '#domain/facets.ts';
import { createSpellingSuggester, type SpellingSuggester } from '#domain/did-you-mean.ts';

let suggester: Promise<SpellingSuggester> | undefined;

/**
 * "Bedoelde u …?" over the site's own words: titles of cases and instruments,
 * organisation names, municipality and place names, facet labels and their synonyms. Not the
 * running text: a typo should be corrected to a name or a term, not to any word in a paragraph.
 */
export function spellingSuggester(): Promise<SpellingSuggester> {
  suggester ??= Promise.all([getCases(), getInstruments(), getOrganisations()])
    .then(([cases, instrumentEntries, organisations]) =>
      createSpellingSuggester([
        ...cases.map((item) => item.entry.data.title),
        ...instrumentEntries.map((entry) => entry.data.title),
        ...[...organisations.values()].map((org) => org.name),
        ...loadGeo().municipalities.map((m) => m.name),
        ...placeNames().map((place) => place.name),
        ...[sectors, targetGroups, instruments].flatMap((vocab) => vocab.terms.flatMap((term) => [term.label, ...term.synonyms])),
      ]),
    )
    .catch((error) => {
      suggester = undefined;
      throw error;
    });
  return suggester;
}

/** Every content page as a search document. */
export async function searchDocuments(): Promise<SearchDocument[]> {
  const [cases, instrumentEntries, organisations, { provinces, regions }, sources] = await Promise.all([
    getCases(),
    getInstruments(),
    getOrganisations(),
    getAreas(),
    getSourceRecords(),
  ]);
  const nameOf = (id: string) => organisations.get(id)?.name ?? id;
  const areaNames = (ids: readonly string[], areas: { id: string; name: string }[]) => ids.map((id) => areas.find((a) => a.id === id)?.name ?? id);

  const caseDocuments = cases.map((item) => {
    const { data } = item.entry;
    return caseDocument({
      id: item.id,
      title: data.title,
      summary: data.summary,
      body: item.entry.body ?? '',
      sectors: data.sectors,
      targetGroups: data.targetGroups,
      instruments: data.instruments,
      places: data.places,
      outcomes: data.outcomes,
      organisationNames: [...data.employers, ...data.partners].map(nameOf),
      municipalityNames: item.municipalityNames,
      provinceNames: areaNames(item.provinces, provinces),
      regionNames: areaNames(item.regions, regions),
      placeNames: data.municipalities.flatMap(placeNamesOf),
      plan: isPlan(data),
    });
  });
  const instrumentDocuments = instrumentEntries.map((entry) =>
    instrumentDocument({
      id: entry.id,
      title: entry.data.title,
      summary: entry.data.summary,
      body: entry.body ?? '',
      targetGroups: entry.data.targetGroups,
      stances: entry.data.stances.map((s) => ({ municipalityName: nameOf(s.municipality), statement: s.statement })),
      organisationNames: entry.data.organisations.map(nameOf),
    }),
  );
  const organisationDocuments = [...organisations.values()]
    // Every municipality: its page exists (with the nearest practices) even without a case of its
    // own, and a policy officer from Den Haag must be able to find it. Organisations rank last.
    .map((org) =>
      organisationDocument({
        id: org.id,
        title: org.kind === 'municipality' ? `Gemeente ${org.name}` : org.name,
        kindLabel: t.organisationKinds[org.kind],
        description: org.description,
        sectors: org.sectors ?? [],
        provinceName: org.province?.name,
        regionName: org.region?.name,
        placeNames: org.kind === 'municipality' ? placeNamesOf(org.id) : [],
      }),
    );
  const sourceDocuments = [...sources.values()].map((source) =>
    sourceDocument({
      slug: sourceSlug(source.id),
      title: source.title,
      publisher: source.publisher,
      kindLabel: sourceKinds[source.kind].label,
      supports: source.supports,
      note: source.note,
      leftOut: source.leftOut,
      names: source.event ? [source.event.name, source.event.place ?? '', ...source.event.hosts, ...(source.event.organisers ?? []), ...source.event.participants].filter(Boolean) : [],
    }),
  );
  return [...caseDocuments, ...instrumentDocuments, ...sourceDocuments, ...organisationDocuments];
}
