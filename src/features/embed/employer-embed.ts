/**
 * What an employer's embed says, on the employer's own site: the practices it appears in, and
 * the pitches it takes part in where it agreed to be named, each linked to its page on
 * Praktijkplein. Pitches show open and closed alike, each with where it stands: an employer
 * shows what it took part in, and a pitch that closed is still something it did (the open
 * ones are for the municipality's own embed, whose readers may still respond). A list with
 * nothing in it is left out, and with neither there is one plain sentence. Demo pitches carry
 * every mark of `#domain/demo-marks.ts` (docs/decisions/embeds.md). Plain TypeScript over loaded data.
 */
import { dutchDate } from '#domain/amsterdam-time.ts';
import { employerPitchesHeading } from '#domain/demo-marks.ts';
import { caseItem, EMBED_CASE_LIMIT, EMBED_PITCH_LIMIT, pitchItem, type EmbedCaseInput, type EmbedItem, type EmbedLink, type EmbedPitchInput } from './embed-items.ts';

/** What the employer's embed reads of a pitch (a PitchCardView has it). */
export interface EmployerEmbedPitchInput extends EmbedPitchInput {
  municipalityName: string;
  /** Published and the closing day not ended. */
  open: boolean;
}

export interface EmployerEmbedView {
  /** The document title (the frame's own, shown when the preview opens alone). */
  title: string;
  cases: { heading: string; items: EmbedItem[]; all: EmbedLink } | null;
  pitches: { heading: string; lead: string | null; note: string | null; items: EmbedItem[]; all: EmbedLink } | null;
  /** With neither a practice nor a named pitch. */
  empty: { heading: string; text: string; more: EmbedLink } | null;
}

export interface EmployerEmbedInput {
  employer: { id: string; name: string };
  /** Public pitches that name the employer, newest first, at most EMBED_PITCH_LIMIT. */
  pitches: readonly EmployerEmbedPitchInput[];
  /** The employer's practices (not plans: docs/decisions/plans-off-the-map.md). */
  practices: readonly EmbedCaseInput[];
}

/** Where a pitch stands, under its summary: whose it is and until when one can respond, or that it closed. */
function pitchStatus(pitch: EmployerEmbedPitchInput): string {
  const whose = pitch.demo ? `Over gemeente ${pitch.municipalityName}` : `Gemeente ${pitch.municipalityName}`;
  return pitch.open ? `${whose} · reageren kan tot en met ${dutchDate(pitch.closingDate)}` : `${whose} · gesloten`;
}

/** The embed's content, in Dutch, with demo pitches marked. */
export function employerEmbed({ employer, pitches, practices }: EmployerEmbedInput): EmployerEmbedView {
  const { id, name } = employer;
  const shown = pitches.slice(0, EMBED_PITCH_LIMIT);
  const cases = practices.slice(0, EMBED_CASE_LIMIT);
  const section = employerPitchesHeading(name, shown);
  const page: EmbedLink = { text: `Meer over ${name} op Praktijkplein`, href: `/organisaties/${encodeURIComponent(id)}/` };
  return {
    title: `Praktijkvoorbeelden en pitches met ${name} | Praktijkplein`,
    cases: cases.length > 0 ? { heading: `Praktijkvoorbeelden met ${name}`, items: cases.map(caseItem), all: page } : null,
    pitches:
      shown.length > 0
        ? {
            heading: section.heading,
            lead: shown.some((pitch) => !pitch.demo) ? `In een pitch vraagt een gemeente werkgevers om mee te doen met banen, leerplekken of begeleiding. ${name} doet mee.` : null,
            note: section.note,
            items: shown.map((pitch) => pitchItem(pitch, pitch.municipalityName, pitchStatus(pitch))),
            all: { text: 'Alle pitches van gemeenten op Praktijkplein', href: '/pitches/' },
          }
        : null,
    empty:
      cases.length === 0 && shown.length === 0
        ? { heading: `${name} op Praktijkplein`, text: `Er staat nog geen praktijkvoorbeeld of pitch met ${name} op Praktijkplein.`, more: page }
        : null,
  };
}
