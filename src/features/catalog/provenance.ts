/**
 * Where a case comes from and how current it is: the event or document of its
 * first source, with that date, and the "stand van zaken" at that date. Derived from the case's
 * sources and status, so a case file needs no extra field; `stand` in the frontmatter only
 * sharpens the words. A case that grew out of a pitch on Praktijkplein comes from that
 * pitch, dated by its closing, whatever sources it also cites: saying it came from a source text
 * would be a false citation. Plain TypeScript: pages and tests call it with the source records.
 */
import type { CaseStatus } from '#domain/facets.ts';
import { formatDate } from '#platform/texts/nl.ts';
import { sourceKinds } from './source-kinds.ts';
import { sourceDateText, sourceFileId, sourceHref, type SourceDateRecord, type SourceRecord } from './sources.ts';

/** What a case page shows near its title. */
export interface Provenance {
  /** The first source, with its own page; null when the case comes from a pitch. */
  source: { id: string; href: string; title: string; kindLabel: string } | null;
  /** The event a report is about, the document itself, or the pitch on this site. */
  origin: {
    kind: 'event' | 'document' | 'pitch';
    /** "Uit de bijeenkomst:", "Uit het document:", "Uit een pitch op Praktijkplein:". */
    lead: string;
    name: string;
    /** The source's page, or the pitch's page. */
    href: string;
    /** "gesloten op 30 juni 2026" for a pitch, else the source's date words. */
    dateText: string;
    iso?: string;
    hosts: string[];
  };
  /** What kind of origin it is, and how many cited sources besides it are listed under the case. */
  note: string;
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
  geclaimd: 'de partij noemt het bereikt; andere bronnen bevestigen het niet',
  afgerond: 'afgerond',
};

/** The when of a date: its text without a note, for "verslag van …". */
function dateWords(date: SourceDateRecord): string {
  return date === 'onbekend' ? 'onbekende datum' : date.note ? `${date.text}, ${date.note}` : date.text;
}

/** "; en 2 andere bronnen (zie onder)", or nothing. */
function moreSources(count: number, other: string): string {
  return count > 0 ? `; en ${count} ${other}${count === 1 ? 'bron' : 'bronnen'} (zie onder)` : '';
}

/** The pitch a case grew out of, as the case schema has it. */
export interface ProvenancePitch {
  id: string;
  title: string;
  closedOn: Date;
}

/** A pitch's page on this site. */
export function pitchHref(id: string): string {
  return `/pitches/${encodeURIComponent(id)}/`;
}

/** A case's provenance from its pitch, else its first source; throws on an unknown source (the schema prevents it). */
export function provenanceOf(
  data: { sources: readonly string[]; pitch?: ProvenancePitch | undefined; status: CaseStatus; stand?: string | undefined },
  sources: ReadonlyMap<string, SourceRecord>,
): Provenance {
  const stand = data.stand ?? standByStatus[data.status];
  if (data.pitch) {
    const closed = formatDate(data.pitch.closedOn);
    return {
      source: null,
      origin: {
        kind: 'pitch',
        lead: 'Uit een pitch op Praktijkplein:',
        name: data.pitch.title,
        href: pitchHref(data.pitch.id),
        dateText: `gesloten op ${closed}`,
        iso: data.pitch.closedOn.toISOString().slice(0, 10),
        hosts: [],
      },
      note: `De vraag van een gemeente aan werkgevers op dit platform${moreSources(data.sources.length, '')}`,
      standLabel: `Stand van zaken (bij het sluiten van de pitch op ${closed})`,
      stand,
    };
  }
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
      lead: event ? 'Uit de bijeenkomst:' : 'Uit het document:',
      name: event ? event.name : `${source.publisher}: ${source.title}`,
      href: sourceHref(id),
      dateText: sourceDateText(when),
      ...(iso ? { iso } : {}),
      hosts: event?.hosts ?? [],
    },
    note: `${kind.label}${moreSources(data.sources.length - 1, 'andere ')}`,
    standLabel: when === 'onbekend' ? `Stand van zaken (${kind.short}, datum onbekend)` : `Stand van zaken (${kind.short} van ${dateWords(when)})`,
    stand,
  };
}
