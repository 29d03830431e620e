/**
 * What a municipality's embed says: its open pitches (and on request its case studies), each
 * linked to its page on Praktijkplein, in words that read right on the municipality's own site.
 * Demo pitches are shown with every mark of `#domain/demo-marks.ts` (the heading says "Demopitches
 * over …", each title "(demo)", each item that the municipality did not post it), as on every
 * other surface: a trial install shows what the embed will look like, and nobody on the host's
 * site can take one for real (docs/decisions/embeds.md). Plain TypeScript over loaded data.
 */
import { dutchDate } from '#domain/amsterdam-time.ts';
import { municipalityPitchesHeading } from '#domain/demo-marks.ts';
import type { EmbedOptions } from './embed-options.ts';
import { caseItem, EMBED_CASE_LIMIT, EMBED_PITCH_LIMIT, pitchItem, type EmbedCaseInput, type EmbedItem, type EmbedLink, type EmbedPitchInput } from './embed-items.ts';

export interface MunicipalityEmbedView {
  /** The document title (the frame's own, shown when the preview opens alone). */
  title: string;
  heading: string;
  /** What the pitches are, for a visitor of the municipality's site; absent when all are demo. */
  lead: string | null;
  /** The demo note under the heading. */
  note: string | null;
  pitches: EmbedItem[];
  /** With no open pitch: what to say, and where the municipality's staff can pitch one. */
  empty: { text: string; invite: string; pitchLink: EmbedLink } | null;
  /** The municipality's pitches on Praktijkplein (closed ones too), when there are open ones here. */
  allPitches: EmbedLink | null;
  cases: { heading: string; items: EmbedItem[]; empty: string | null; all: EmbedLink } | null;
}

export interface MunicipalityEmbedInput {
  municipality: { id: string; name: string };
  /** Open pitches, newest first, at most EMBED_PITCH_LIMIT. */
  pitches: readonly EmbedPitchInput[];
  /** The municipality's practices (not its plans: docs/decisions/plans-off-the-map.md). */
  practices: readonly EmbedCaseInput[];
  options: EmbedOptions;
}

/** The embed's content, in Dutch, with demo pitches marked. */
export function municipalityEmbed({ municipality, pitches, practices, options }: MunicipalityEmbedInput): MunicipalityEmbedView {
  const { name, id } = municipality;
  const shown = pitches.slice(0, EMBED_PITCH_LIMIT);
  const section = municipalityPitchesHeading(name, shown);
  const anyReal = shown.some((pitch) => !pitch.demo);
  const cases = practices.slice(0, EMBED_CASE_LIMIT);
  return {
    title: `${section.heading} | Praktijkplein`,
    heading: section.heading,
    lead: anyReal ? `Gemeente ${name} zoekt werkgevers die meedoen met banen, leerplekken of begeleiding. U reageert op Praktijkplein.` : null,
    note: section.note,
    pitches: shown.map((pitch) => pitchItem(pitch, name, `Reageren kan tot en met ${dutchDate(pitch.closingDate)}`)),
    empty:
      shown.length === 0
        ? { text: `Gemeente ${name} heeft nu geen open pitch.`, invite: 'Werkt u bij de gemeente?', pitchLink: { text: 'Zet een pitch op Praktijkplein', href: '/pitches/nieuw/' } }
        : null,
    allPitches: shown.length > 0 ? { text: `${section.allLink} op Praktijkplein`, href: `/pitches/?gemeente=${encodeURIComponent(id)}` } : null,
    cases: options.withCases
      ? {
          heading: `Praktijkvoorbeelden met ${name}`,
          items: cases.map(caseItem),
          empty: cases.length === 0 ? `Er staat nog geen praktijkvoorbeeld van ${name} op Praktijkplein.` : null,
          all: { text: `Meer over ${name} op Praktijkplein`, href: `/organisaties/${encodeURIComponent(id)}/` },
        }
      : null,
  };
}
