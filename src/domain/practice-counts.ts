/**
 * Practices and plans, counted apart. A case whose evidence is an ambition from an election
 * programme, or whose status is a proposal, describes what someone wants to do, not something
 * that happens in that place. Wherever cases are counted per place (the practice map's markers
 * and lists), plans must not swell the number of places "where practices happen": the markers
 * count practices only, and plans are named apart.
 */
import type { CaseStatus, EvidenceKind } from './facets.ts';

/** What the count reads of a case. */
export interface PlanFacts {
  evidence: EvidenceKind;
  status: CaseStatus;
}

/** A plan: a programme's ambition, or a proposal (whatever its source). */
export function isPlan(item: PlanFacts): boolean {
  return item.evidence === 'ambitie' || item.status === 'voornemen';
}

export interface PracticeCount {
  /** Cases that happen (or happened) in the place. */
  practices: number;
  /** Ambitions and proposals for the place. */
  plans: number;
}

/** Practices and plans among `items`. */
export function countPracticesAndPlans<T>(items: readonly T[], factsOf: (item: T) => PlanFacts): PracticeCount {
  let plans = 0;
  for (const item of items) if (isPlan(factsOf(item))) plans++;
  return { practices: items.length - plans, plans };
}

/** "1 praktijkvoorbeeld" / "3 praktijkvoorbeelden". */
export function practicesText(n: number): string {
  return `${n} ${n === 1 ? 'praktijkvoorbeeld' : 'praktijkvoorbeelden'}`;
}

/** "1 plan" / "2 plannen". */
export function plansText(n: number): string {
  return `${n} ${n === 1 ? 'plan' : 'plannen'}`;
}

/** "3 praktijkvoorbeelden, 2 plannen"; a part that is zero is left out (both zero: "0 praktijkvoorbeelden"). */
export function practicesAndPlansText(count: PracticeCount): string {
  if (count.plans === 0) return practicesText(count.practices);
  if (count.practices === 0) return plansText(count.plans);
  return `${practicesText(count.practices)}, ${plansText(count.plans)}`;
}
