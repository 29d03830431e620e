/**
 * What a host site chooses for an embed, and the one snippet that shows it: the embed's own
 * address reads its choices from the query (`?stijl=neutraal&met=praktijkvoorbeelden`), and the
 * organisation's page (a municipality's or an employer's) offers the snippet for the same
 * choices, so both always agree.
 * An unknown value falls back to the default instead of an error page: the snippet sits on
 * someone else's site, where a typo should still show the pitches (the preview shows the look).
 */
import { z } from 'astro/zod';
import { EMBED_PATH_PREFIX } from '#platform/http/headers.mjs';

export const embedStyles = ['praktijkplein', 'neutraal'] as const;
export type EmbedStyle = (typeof embedStyles)[number];

/** The query of an embed address (and of the choice form on the organisation's page). */
export const embedQuerySchema = z.object({
  /** `praktijkplein`: the site's colours; `neutraal`: the host's background, the device's font, no colours of ours. */
  stijl: z.enum(embedStyles).catch('praktijkplein'),
  /** `praktijkvoorbeelden`: also the municipality's case studies, under its open pitches (an employer's embed always has them). */
  met: z.enum(['praktijkvoorbeelden']).optional().catch(undefined),
});

export interface EmbedOptions {
  style: EmbedStyle;
  withCases: boolean;
}

export const defaultEmbedOptions: EmbedOptions = { style: 'praktijkplein', withCases: false };

/** The choices in a query string; anything unknown is the default. */
export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
  const query = embedQuerySchema.parse({ stijl: params.get('stijl') ?? undefined, met: params.get('met') ?? undefined });
  return { style: query.stijl, withCases: query.met === 'praktijkvoorbeelden' };
}

/** `?stijl=neutraal&met=praktijkvoorbeelden`, or '' for the defaults (the shortest address that says the choice). */
export function embedQuery(options: EmbedOptions): string {
  const params = new URLSearchParams();
  if (options.style !== defaultEmbedOptions.style) params.set('stijl', options.style);
  if (options.withCases) params.set('met', 'praktijkvoorbeelden');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The organisations that have an embed, and the word for each in its address (`/embed/werkgever/<id>/`). */
export const embedKinds = { municipality: 'gemeente', employer: 'werkgever' } as const;
export type EmbedKind = keyof typeof embedKinds;

/** Whose embed: the id as in /organisaties/<id>/ (and ?gemeente=<id>), and the name its texts use. */
export interface EmbedSubject {
  kind: EmbedKind;
  id: string;
  name: string;
}

/**
 * The choices that mean something for this kind: only a municipality's embed has the choice of
 * adding its practices (an employer's always shows them), so `met` never reaches an employer's code.
 */
function optionsFor(kind: EmbedKind, options: EmbedOptions): EmbedOptions {
  return kind === 'municipality' ? options : { ...options, withCases: false };
}

/** The embed's path. */
export function embedPath(subject: Pick<EmbedSubject, 'kind' | 'id'>, options: EmbedOptions): string {
  return `${EMBED_PATH_PREFIX}${embedKinds[subject.kind]}/${encodeURIComponent(subject.id)}/${embedQuery(optionsFor(subject.kind, options))}`;
}

/** The frame's name for a screen reader, on the host's page; the same words as the embed's headings. */
export function embedFrameTitle(subject: Omit<EmbedSubject, 'id'>, options: EmbedOptions): string {
  if (subject.kind === 'employer') return `Praktijkvoorbeelden en pitches met ${subject.name} (Praktijkplein)`;
  return options.withCases
    ? `Open pitches en praktijkvoorbeelden van gemeente ${subject.name} (Praktijkplein)`
    : `Open pitches van gemeente ${subject.name} (Praktijkplein)`;
}

/** Frame heights that show a few items without scrolling on a laptop; the editor may change them. */
export const EMBED_HEIGHT = { oneList: 600, twoLists: 900 } as const;

/** The suggested height: two lists (a municipality's with practices, every employer's) get the taller frame. */
export function embedHeight(kind: EmbedKind, options: EmbedOptions): number {
  return kind === 'employer' || options.withCases ? EMBED_HEIGHT.twoLists : EMBED_HEIGHT.oneList;
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The HTML a web editor pastes: an iframe with a title (WCAG 4.1.2), full width by its style and
 * a fixed height (an iframe cannot grow with its content without a script on the host),
 * loaded lazily. Width by `style` keeps the markup valid; a CMS that strips styles leaves the
 * browser's 300 px, which still fits a phone.
 */
export function embedSnippet(siteUrl: string, subject: EmbedSubject, options: EmbedOptions): string {
  const src = new URL(embedPath(subject, options), siteUrl).href;
  return `<iframe src="${attribute(src)}" title="${attribute(embedFrameTitle(subject, options))}" height="${embedHeight(subject.kind, options)}" loading="lazy" style="width: 100%; border: 0;"></iframe>`;
}

/**
 * How long a browser or proxy may keep an embed before asking again: a new or closed pitch (or
 * an employer's new named offer) shows on the host's site within this time, while a busy page of the host costs the server one
 * request per visitor per five minutes at most (and the page cache answers it).
 */
export const EMBED_MAX_AGE_MS = 5 * 60_000;
export const embedCacheControl = `public, max-age=${EMBED_MAX_AGE_MS / 1000}`;
