/**
 * Home of the API's page cursors. A cursor names the last row of the page before, so the next
 * page starts right after that row wherever it now stands: a row published meanwhile at the top
 * of a newest-first list moves no page boundary, and a walk sees every row once. It is signed
 * together with the dataset and the filters it was made for (platform/auth/signed.ts), so a
 * cursor that was changed, or used with other filters, is refused as a whole, never half-read.
 * Clients treat it as opaque: only the `next` link's address is promised.
 */
import { signedTag, tagMatches } from '#platform/auth/signed.ts';

const PURPOSE = 'open-data-api-v1-cursor';
/** Longer than any cursor we make (ids are short); anything longer is refused unread. */
export const MAX_CURSOR_LENGTH = 600;

const signedText = (dataset: string, filterKey: string, lastId: string) => `${dataset}\n${filterKey}\n${lastId}`;

/** The cursor for the page after the row `lastId`, in `dataset` with the filters `filterKey`. */
export function makeCursor(dataset: string, filterKey: string, lastId: string): string {
  return `${Buffer.from(lastId, 'utf8').toString('base64url')}.${signedTag(PURPOSE, signedText(dataset, filterKey, lastId))}`;
}

/** The row id a cursor points after, or undefined when it is not one of ours for this dataset and these filters. */
export function readCursor(cursor: string, dataset: string, filterKey: string): string | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/.exec(cursor);
  if (!match) return undefined;
  const lastId = Buffer.from(match[1]!, 'base64url').toString('utf8');
  // Only the one spelling we make: base64 has spare bits, and a cursor is refused as a whole when changed.
  if (Buffer.from(lastId, 'utf8').toString('base64url') !== match[1]) return undefined;
  return tagMatches(PURPOSE, signedText(dataset, filterKey, lastId), match[2]!) ? lastId : undefined;
}

/** The filters of a query in one order, so the same question gives the same cursor whatever order its parameters came in. */
export function filterKeyOf(params: URLSearchParams): string {
  return new URLSearchParams([...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))).toString();
}
