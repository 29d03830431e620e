/**
 * Which pages cite which source: the list on each /bronnen/<slug>/ page.
 * Built from plain records, so tests build it straight from the content files and pages from
 * the collections; a page that cites a source is always listed on that source's page.
 */
import { sourceFileId } from './sources.ts';

/** What the index needs of the content: ids, titles and what each cites. */
export interface CitingContent {
  cases: readonly { id: string; title: string; sources: readonly string[] }[];
  instruments: readonly {
    id: string;
    title: string;
    sources: readonly string[];
    stances: readonly { municipality: string; source: string }[];
  }[];
  organisations: readonly { id: string; name: string; sources?: readonly string[] | undefined }[];
}

/** One page that cites a source. */
export interface Citation {
  kind: 'case' | 'instrument' | 'organisation';
  id: string;
  title: string;
  href: string;
  /** Instruments: the municipalities whose stance on the page rests on this source. */
  stanceMunicipalities: string[];
}

/** Per source file name, the citing pages: cases, then instruments, then organisations, each by title. */
export function citationIndex(content: CitingContent): Map<string, Citation[]> {
  const index = new Map<string, Citation[]>();
  const add = (cited: string, citation: Citation) => {
    const id = sourceFileId(cited);
    const list = index.get(id) ?? [];
    if (!list.some((c) => c.kind === citation.kind && c.id === citation.id)) list.push(citation);
    index.set(id, list);
  };
  for (const item of content.cases) {
    for (const source of item.sources) add(source, { kind: 'case', id: item.id, title: item.title, href: `/praktijkvoorbeelden/${item.id}/`, stanceMunicipalities: [] });
  }
  for (const item of content.instruments) {
    const cited = new Set([...item.sources, ...item.stances.map((s) => s.source)].map(sourceFileId));
    for (const source of cited) {
      const stanceMunicipalities = item.stances.filter((s) => sourceFileId(s.source) === source).map((s) => s.municipality);
      add(source, { kind: 'instrument', id: item.id, title: item.title, href: `/instrumenten/${item.id}/`, stanceMunicipalities });
    }
  }
  for (const item of content.organisations) {
    for (const source of item.sources ?? []) add(source, { kind: 'organisation', id: item.id, title: item.name, href: `/organisaties/${item.id}/`, stanceMunicipalities: [] });
  }
  const order = { case: 0, instrument: 1, organisation: 2 } as const;
  for (const list of index.values()) list.sort((a, b) => order[a.kind] - order[b.kind] || a.title.localeCompare(b.title, 'nl'));
  return index;
}
