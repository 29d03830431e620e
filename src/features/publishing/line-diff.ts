/**
 * What changed in a file, line by line, for the publication history: the
 * lines removed and added (a longest-common-subsequence diff; content files are small), cut
 * to a readable number. Plain TypeScript, no dependency.
 */

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
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        i++;
        j++;
      } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
        all.push({ kind: 'added', text: b[j++]! });
      } else {
        all.push({ kind: 'removed', text: a[i++]! });
      }
    }
  }
  return { lines: all.slice(0, max), more: Math.max(0, all.length - max) };
}
