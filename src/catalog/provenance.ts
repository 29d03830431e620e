/**
 * Where a case comes from and how current it is (issue 8, item 5): the event or document of its
 * first source, with that date, and the "stand van zaken" at that date. Derived from the case's
 * sources and status, so a case file needs no extra field; `stand` in the frontmatter only
 * sharpens the words. Plain TypeScript: pages and tests call it with the source records.
 */
import type { CaseStatus } from '../domain/facets.ts';
import { sourceKinds } from './source-kinds.ts';
import { sourceDateText, sourceFileId, sourceHref, type SourceDateRecord, type SourceRecord } from './sources.ts';

/** What a case page shows near its title. */
export interface Provenance {
  /** The first source, with its own page. */
  source: { id: string; href: string; title: string; kindLabel: string };
  /** The event a report is about, or the document itself. */
  origin: { kind: 'event' | 'document'; name: string; dateText: string; iso?: string; hosts: string[] };
  /** "Stand van zaken (verslag van donderdag 21 maart, jaartal niet genoemd)". */
  standLabel: string;
  /** "liep nog". */
  stand: string;
}

/** Default words per status, dated by the source (the site cannot know what happened since). */
export const standByStatus: Record<CaseStatus, string> = {
  lopend: 'liep nog',
  gepitcht: 'gepitcht; wat er daarna gebeurde, staat niet in de bron',
  voornemen: 'een voorstel; of het is uitgevoerd, staat niet in de bron',
  afgerond: 'afgerond',
};

/** The when of a date: its text without a note, for "verslag van …". */
function dateWords(date: SourceDateRecord): string {
  return date === 'onbekend' ? 'onbekende datum' : date.note ? `${date.text}, ${date.note}` : date.text;
}

/** A case's provenance from its first source; throws on an unknown source (the schema prevents it). */
export function provenanceOf(
  data: { sources: readonly string[]; status: CaseStatus; stand?: string | undefined },
  sources: ReadonlyMap<string, SourceRecord>,
): Provenance {
  const id = sourceFileId(data.sources[0] ?? '');
  const source = sources.get(id);
  if (!source) throw new Error(`Onbekende bron: ${data.sources[0]}`);
  const kind = sourceKinds[source.kind];
  const event = source.event;
  const when = event ? event.date : source.date;
  const iso = when === 'onbekend' ? undefined : when.iso;
  return {
    source: { id, href: sourceHref(id), title: source.title, kindLabel: kind.label },
    origin: {
      kind: event ? 'event' : 'document',
      name: event ? event.name : `${source.publisher}: ${source.title}`,
      dateText: sourceDateText(when),
      ...(iso ? { iso } : {}),
      hosts: event?.hosts ?? [],
    },
    standLabel: when === 'onbekend' ? `Stand van zaken (${kind.short}, datum onbekend)` : `Stand van zaken (${kind.short} van ${dateWords(when)})`,
    stand: data.stand ?? standByStatus[data.status],
  };
}
