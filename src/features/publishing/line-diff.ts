/**
 * What changed in a file, line by line, for the publication history: the
 * lines removed and added (a longest-common-subsequence diff; content files are small), cut
 * to a readable number. Plain TypeScript, no dependency.
 */

import { sequenceDiff } from '#domain/sequence-diff.ts';

/** One changed line: removed from the old text or added in the new one. */
export interface DiffLine {
  kind: 'removed' | 'added';
  text: string;
}

/** The changed lines, at most `max`, and how many more there were. */
export interface LineDiff {
  lines: DiffLine[];
  more: number;
}

/** Texts longer than this many lines are compared as "replaced" (the table would be too big). */
const MAX_LINES = 2000;

/** Removed and added lines between two texts (null: no file). */
export function lineDiff(before: string | null, after: string | null, max = 40): LineDiff {
  const a = before === null ? [] : before.split('\n');
  const b = after === null ? [] : after.split('\n');
  const all: DiffLine[] = [];
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    all.push(...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text })));
  } else {
    for (const step of sequenceDiff(a, b, 'added-first')) if (step.kind !== 'same') all.push({ kind: step.kind, text: step.item });
  }
  return { lines: all.slice(0, max), more: Math.max(0, all.length - max) };
}
