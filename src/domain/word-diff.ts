/**
 * What changed between two short texts, word by word (a longest-common-subsequence diff over
 * words), for a curator who reads a resubmitted pitch. Plain
 * TypeScript, no I/O. Texts longer than MAX_TOKENS words come back as one removal and one
 * addition: a pitch stays far below it.
 */

/** A piece of the compared text: unchanged, only in the old text, or only in the new one. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

import { sequenceDiff } from './sequence-diff.ts';

const MAX_TOKENS = 3000;

/**
 * Words, each with the white space after it (and any leading white space on its own), so the
 * parts join back to the texts and a lone space never ties two changes together.
 */
function tokens(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

/** The parts that turn `before` into `after`; neighbouring parts of one kind are joined. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    if (before) push('removed', before);
    if (after) push('added', after);
    return parts;
  }
  for (const step of sequenceDiff(a, b, 'removed-first')) push(step.kind, step.item);
  return parts;
}
