/**
 * The process's content search: the content collections (bundled with the server, so this works
 * in on-demand pages) turned into search documents and indexed once, on the first search.
 * Indexes the same pages Pagefind did: every case study and instrument, every employer and
 * partner, and the municipalities that some content names.
 */
import { getAreas, getCases, getInstruments, getOrganisations } from './queries.ts';
import { createContentIndex, type ContentIndex } from './content-index.ts';
import { caseDocument, instrumentDocument, organisationDocument, type SearchDocument } from './search-documents.ts';
import { t } from '#platform/texts/nl.ts';
import { placeNames, placeNamesOf } from './places.ts';
import { loadGeo } from './geo.ts';
import { instruments, sectors, targetGroups } from '#domain/facets.ts';
import { createSpellingSuggester, type SpellingSuggester } from '#domain/did-you-mean.ts';

let index: Promise<ContentIndex> | undefined;

/** The content index of this process; a failed build is retried by the next search. */
export function contentIndex(): Promise<ContentIndex> {
  index ??= searchDocuments()
    .then(createContentIndex)
    .catch((error) => {
      index = undefined;
      throw error;
    });
  return index;
}

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
  const [cases, instrumentEntries, organisations, { provinces, regions }] = await Promise.all([
    getCases(),
    getInstruments(),
    getOrganisations(),
    getAreas(),
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
  return [...caseDocuments, ...instrumentDocuments, ...organisationDocuments];
}
