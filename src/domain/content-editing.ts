/**
 * The vocabulary of the in-browser content editor: which kinds of content it edits,
 * where each kind lives in content/, and the states a draft moves through. Plain TypeScript:
 * the database schema, the editor's use cases and the pages all import it from here.
 */

/** The four kinds of content a curator edits. */
export const contentKinds = ['case', 'instrument', 'organisation', 'source'] as const;
export type ContentKind = (typeof contentKinds)[number];

/** What people call each kind (singular, in running text). */
export const contentKindLabel: Record<ContentKind, string> = {
  case: 'praktijkvoorbeeld',
  instrument: 'instrument',
  organisation: 'organisatie',
  source: 'bron',
};

/**
 * A draft's life: kept while a curator works on it, optionally shown to a colleague for review,
 * then handed to the publish pipeline ('publishing', closed while it builds) and 'published'
 * once live, or back to 'draft' when the build fails (the error shows on the draft); or
 * discarded. Retiring a page is a draft too.
 */
export const draftStatuses = ['draft', 'in-review', 'publishing', 'published', 'discarded'] as const;
export type DraftStatus = (typeof draftStatuses)[number];

/** Drafts that are still open: shown on /beheer/inhoud/ and counted as "also being edited". */
export const openDraftStatuses: readonly DraftStatus[] = ['draft', 'in-review'];

/** What a draft does to its page: write it (new or changed), or take it off the site. */
export const draftActions = ['write', 'retire'] as const;
export type DraftAction = (typeof draftActions)[number];

/** Ids in content/ (file names and URL parts): lower case, digits and hyphens. */
export const contentIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The file (relative to content/) that holds a piece of content. Organisations and sources share one YAML file each. */
export function contentPath(kind: ContentKind, id: string): string {
  switch (kind) {
    case 'case':
      return `cases/${id}.mdx`;
    case 'instrument':
      return `instruments/${id}.mdx`;
    case 'organisation':
      return 'organisations/organisations.yaml';
    case 'source':
      return 'sources/sources.yaml';
  }
}

/** The public address of a piece of content, for links from the editor. */
export function publicPath(kind: ContentKind, id: string): string {
  switch (kind) {
    case 'case':
      return `/praktijkvoorbeelden/${id}/`;
    case 'instrument':
      return `/instrumenten/${id}/`;
    case 'organisation':
      return `/organisaties/${id}/`;
    case 'source':
      return `/bronnen/${id.replace(/\.txt$/, '')}/`;
  }
}
