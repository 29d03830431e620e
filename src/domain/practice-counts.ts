/**
 * Practices and plans, counted apart. A plan describes what someone wants or asks to do, not
 * something that happens in that place: a programme's ambition, a proposal, a party's own claim
 * that something was achieved (no other source confirms it), or a request pitched at the
 * conference without known follow-up. Wherever cases are counted or listed per place or per
 * instrument (the practice map, the instruments index, an instrument page, an organisation
 * page), plans must not swell the number of practices: they are counted and listed apart, and
 * each plan shows its evidence badge. Decision record: docs/decisions/plans-off-the-map.md.
 */
import type { CaseStatus, EvidenceKind } from './facets.ts';

/** What the count reads of a case. */
export interface PlanFacts {
  evidence: EvidenceKind;
  status: CaseStatus;
}

/** Statuses that say nothing has happened (yet) as far as the sources show. */
const planStatuses: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['voornemen', 'geclaimd', 'gepitcht']);

/**
 * A plan: a programme's ambition (evidence `ambitie`), a proposal (`voornemen`), a party's claim
 * (`geclaimd`: only the party says it happened) or a pitched request (`gepitcht`: asked for at the
 * conference, no follow-up known). Evidence `pitch` alone does not make a plan: an experiment
 * named in the pitch round that runs (status `lopend`, Zwolle) is a practice.
 */
export function isPlan(item: PlanFacts): boolean {
  return item.evidence === 'ambitie' || planStatuses.has(item.status);
}

/** `items` split into practices and plans, each in its original order. */
export function splitPracticesAndPlans<T>(items: readonly T[], factsOf: (item: T) => PlanFacts): { practices: T[]; plans: T[] } {
  const practices: T[] = [];
  const plans: T[] = [];
  for (const item of items) (isPlan(factsOf(item)) ? plans : practices).push(item);
  return { practices, plans };
}

export interface PracticeCount {
  /** Cases that happen (or happened) in the place. */
  practices: number;
  /** Ambitions, proposals, a party's claims and pitched requests for the place. */
  plans: number;
}

/** Practices and plans among `items`. */
export function countPracticesAndPlans<T>(items: readonly T[], factsOf: (item: T) => PlanFacts): PracticeCount {
  const split = splitPracticesAndPlans(items, factsOf);
  return { practices: split.practices.length, plans: split.plans.length };
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
