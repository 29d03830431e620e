/**
 * The items every embed lists (a municipality's and an employer's): a pitch or a practice, its
 * title linked to its page on Praktijkplein and a short summary, made the same way whoever's
 * site shows it. A demo pitch carries the marks of `#domain/demo-marks.ts`. Plain TypeScript.
 */
import { demoPitchNotice, withDemoMark } from '#domain/demo-marks.ts';
import { withoutEmailAddresses } from '#features/open-data/public-text.ts';

/** At most this many pitches and cases per list: a frame of about 600 px and the size budget (15 KB) hold them. */
export const EMBED_PITCH_LIMIT = 5;
export const EMBED_CASE_LIMIT = 5;

/** What the embed reads of a pitch (a PitchCardView has it). */
export interface EmbedPitchInput {
  id: string;
  title: string;
  excerpt: string;
  closingDate: string;
  demo: boolean;
}

/** What the embed reads of a case (a CaseView has it). */
export interface EmbedCaseInput {
  id: string;
  title: string;
  summary: string;
}

export interface EmbedLink {
  text: string;
  href: string;
}

export interface EmbedItem {
  title: string;
  href: string;
  summary: string;
  /** For a pitch, in bold under it: until when one can respond ("Reageren kan tot en met 30 juni 2027"), or that it closed. */
  status?: string;
  /** That a demo pitch is made up and not the municipality's. */
  demoNotice?: string;
}

/** A pitch as an item; `status` says where it stands for this embed's readers. */
export function pitchItem(pitch: EmbedPitchInput, municipalityName: string, status: string): EmbedItem {
  return {
    title: withDemoMark(pitch.title, pitch.demo),
    href: `/pitches/${encodeURIComponent(pitch.id)}/`,
    // Shown on another organisation's site, beyond any later edit here: as open data, without e-mail addresses.
    summary: withoutEmailAddresses(pitch.excerpt),
    status,
    ...(pitch.demo ? { demoNotice: demoPitchNotice(municipalityName) } : {}),
  };
}

/** A practice as an item. */
export function caseItem(item: EmbedCaseInput): EmbedItem {
  return { title: item.title, href: `/praktijkvoorbeelden/${encodeURIComponent(item.id)}/`, summary: item.summary };
}
