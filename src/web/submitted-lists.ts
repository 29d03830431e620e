/**
 * The checkbox lists of a posted form (target groups, sectors, kinds of help): readFormState
 * keeps one value per name, so a form with groups of checkboxes reads the lists here.
 */
import type { AstroGlobal } from 'astro';

/** Every value per name of `names` in the posted form (or the refused post brought back after its redirect); empty otherwise. */
export async function submittedLists(Astro: AstroGlobal, names: readonly string[]): Promise<Record<string, string[]>> {
  const replay = Astro.locals.formReplay;
  if (replay) return Object.fromEntries(names.map((name) => [name, replay.filter(([key]) => key === name).map(([, value]) => value)]));
  if (Astro.request.method !== 'POST') return {};
  try {
    const form = await Astro.request.clone().formData();
    return Object.fromEntries(names.map((name) => [name, form.getAll(name).filter((value): value is string => typeof value === 'string')]));
  } catch {
    // The body could not be read again: the boxes start empty, the text fields are kept.
    return {};
  }
}
