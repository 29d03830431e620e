/**
 * Home of the longest-common-subsequence walk behind the site's diffs (words in a resubmitted
 * pitch, lines in the publication history). Plain TypeScript, no I/O; quadratic, so callers cap
 * their input.
 */

/** One step from the old sequence to the new: kept, only in the old, or only in the new. */
export interface SequenceStep<T> {
  kind: 'same' | 'removed' | 'added';
  item: T;
}

/**
 * The steps that turn `a` into `b`. Where removing first and adding first are equally short,
 * `tie` says which comes first: "was 20, now 24" reads old-first, a line table added-first.
 */
export function sequenceDiff<T>(a: readonly T[], b: readonly T[], tie: 'removed-first' | 'added-first'): SequenceStep<T>[] {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const steps: SequenceStep<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      steps.push({ kind: 'same', item: a[i]! });
      i++;
      j++;
    } else if (tie === 'removed-first' ? i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!) : !(j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!))) {
      steps.push({ kind: 'removed', item: a[i++]! });
    } else {
      steps.push({ kind: 'added', item: b[j++]! });
    }
  }
  return steps;
}
