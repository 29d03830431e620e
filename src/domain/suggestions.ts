/**
 * The vocabulary of "Praktijk aandragen of vraag stellen": what kind of
 * message, its states, its limits, and which pages a message may be about. Plain TypeScript:
 * the form, the database enum, the curators' page and the tests read the same lists.
 */

export const suggestionKinds = ['praktijk', 'vraag', 'fout'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** How the form offers each kind. */
export const suggestionKindLabel: Record<SuggestionKind, string> = {
  praktijk: 'Een praktijkvoorbeeld aandragen',
  vraag: 'Een vraag stellen',
  fout: 'Een fout melden',
};

/** How curators see each kind in their list. */
export const suggestionKindShort: Record<SuggestionKind, string> = {
  praktijk: 'Praktijkvoorbeeld',
  vraag: 'Vraag',
  fout: 'Fout',
};

export const suggestionStatuses = ['new', 'handled'] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];

export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 5000;

/** Handled suggestions are removed this many months later (stated on the form and on /over/). */
export const SUGGESTION_RETENTION_MONTHS = 12;

/** Page types a message may be about, by the first part of their path. */
export const aboutPageTypes = {
  praktijkvoorbeelden: 'case',
  instrumenten: 'instrument',
  organisaties: 'organisation',
  pitches: 'pitch',
} as const;
export type AboutPageType = (typeof aboutPageTypes)[keyof typeof aboutPageTypes];

export interface AboutPage {
  type: AboutPageType;
  id: string;
  /** The canonical path, e.g. /praktijkvoorbeelden/postnl-pakketsorteercentra/. */
  path: string;
}

/** Ids as the site makes them: lower-case letters, digits and dashes (slugs, CBS-derived ids, pitch ids). */
const idPattern = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/;

/**
 * Reads `?over=`: only a path on this site to a page of a known type (a case, an instrument, an
 * organisation, a pitch), never a full address, another site, a query or a fragment. Whether
 * that page exists is for the caller (it knows the content); null means "about nothing".
 */
export function parseAboutPath(raw: string | null | undefined): AboutPage | null {
  if (!raw) return null;
  const value = raw.trim();
  if (value.length > 200 || !value.startsWith('/') || value.startsWith('//')) return null;
  const match = value.match(/^\/([a-z]+)\/([^/?#\\]+)\/?$/);
  if (!match) return null;
  const [, section, id] = match;
  if (!Object.hasOwn(aboutPageTypes, section!) || !idPattern.test(id!)) return null;
  const type = aboutPageTypes[section as keyof typeof aboutPageTypes];
  return { type, id: id!, path: `/${section}/${id}/` };
}

/** The link that opens the form about a page. */
export function suggestionFormHref(path: string): string {
  return `/aandragen/?over=${encodeURI(path)}`;
}
