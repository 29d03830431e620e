/**
 * The process's content search: the content collections (bundled with the server, so this works
 * in on-demand pages) turned into search documents and indexed once, on the first search.
 * Indexes the same pages Pagefind did: every case study and instrument, every employer and
 * partner, and the municipalities that some content names.
 */
import { getAreas, getCases, getInstruments, getLinksByOrganisation, getOrganisations } from './queries.ts';
import { createContentIndex, type ContentIndex } from './content-index.ts';
import { caseDocument, instrumentDocument, organisationDocument, type SearchDocument } from './search-documents.ts';
import { t } from '../i18n/nl.ts';

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

/** Every content page as a search document. */
export async function searchDocuments(): Promise<SearchDocument[]> {
  const [cases, instrumentEntries, organisations, links, { provinces, regions }] = await Promise.all([
    getCases(),
    getInstruments(),
    getOrganisations(),
    getLinksByOrganisation(),
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
    // As the organisation pages decide what Pagefind indexes: municipalities only when content names them.
    .filter((org) => org.kind !== 'municipality' || links.has(org.id))
    .map((org) =>
      organisationDocument({
        id: org.id,
        title: org.kind === 'municipality' ? `Gemeente ${org.name}` : org.name,
        kindLabel: t.organisationKinds[org.kind],
        description: org.description,
        sectors: org.sectors ?? [],
        provinceName: org.province?.name,
        regionName: org.region?.name,
      }),
    );
  return [...caseDocuments, ...instrumentDocuments, ...organisationDocuments];
}
