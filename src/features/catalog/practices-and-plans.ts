/**
 * Cases as pages list them: practices and plans apart (`isPlan`, domain/practice-counts.ts), so
 * a programme's ambition or a pitched request never reads as something that is done. The
 * instruments index, an instrument page, an organisation page and the home page's highlights
 * use these; the map counts through `practiceAreas`. Plain TypeScript over anything shaped like a CaseView.
 */
import { countPracticesAndPlans, plansText, practicesText, splitPracticesAndPlans, type PlanFacts, type PracticeCount } from '#domain/practice-counts.ts';
import type { FacetedCase } from '#domain/case-filter.ts';
import { relatedCases } from '#domain/related.ts';

/** What these helpers read of a case (a CaseView has it). */
export interface ListedCase {
  instruments: readonly string[];
  entry: { data: PlanFacts };
}

const factsOf = (item: ListedCase): PlanFacts => item.entry.data;

/** Practices and plans among `cases`, each list in the order given. */
export function practicesAndPlans<T extends ListedCase>(cases: readonly T[]): { practices: T[]; plans: T[] } {
  return splitPracticesAndPlans(cases, factsOf);
}

/** How many of `cases` are practices and how many plans: the home page's link to all cases says both. */
export function practiceAndPlanCount(cases: readonly ListedCase[]): PracticeCount {
  return countPracticesAndPlans(cases, factsOf);
}

/**
 * The home page's "Uitgelichte praktijkvoorbeelden": featured cases that are practices. A plan
 * marked as featured stays off that list, because the heading promises practices.
 */
export function featuredPractices<T extends { entry: { data: PlanFacts & { featured: boolean } } }>(cases: readonly T[]): T[] {
  return splitPracticesAndPlans(cases.filter((c) => c.entry.data.featured), (c) => c.entry.data).practices;
}

/**
 * A case page's related cases, practices and plans apart: the page heads them "Verwante
 * praktijkvoorbeelden" and "Verwante plannen", so a programme's ambition is not listed as a
 * practice. Ranked as `relatedCases` ranks them, at most `limit` of each.
 */
export function relatedPracticesAndPlans<T extends ListedCase & FacetedCase>(current: FacetedCase, all: readonly T[], limit = 3): { practices: T[]; plans: T[] } {
  const { practices, plans } = practicesAndPlans(relatedCases(current, all, all.length));
  return { practices: practices.slice(0, limit), plans: plans.slice(0, limit) };
}

/** The cases that name an instrument, practices and plans apart. */
export function casesWithInstrument<T extends ListedCase>(cases: readonly T[], instrumentId: string): { practices: T[]; plans: T[] } {
  return practicesAndPlans(cases.filter((c) => c.instruments.includes(instrumentId)));
}

/** How many practices and plans name an instrument. */
export function instrumentUse(cases: readonly ListedCase[], instrumentId: string): PracticeCount {
  return countPracticesAndPlans(cases.filter((c) => c.instruments.includes(instrumentId)), factsOf);
}

/**
 * The instruments index's line: "Gebruikt in 1 praktijkvoorbeeld. Genoemd in 2 plannen." A plan
 * does not use an instrument, it names one.
 */
export function instrumentUseText(count: PracticeCount): string {
  const practices = count.practices > 0 ? `Gebruikt in ${practicesText(count.practices)}.` : 'Nog geen praktijkvoorbeeld in de bronnen.';
  return count.plans > 0 ? `${practices} Genoemd in ${plansText(count.plans)}.` : practices;
}
