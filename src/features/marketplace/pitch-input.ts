/**
 * Home of the pitch form's input: one zod schema with a Dutch message
 * per field, used by the form action (field messages next to each field) and again by the use
 * cases in pitches.ts (which may be called from anywhere). Types are inferred from it.
 * The closing date is checked against "today" in Amsterdam, so the schema is built by
 * `makePitchInput(now)`; `pitchInput` is the one built on the real clock for the action.
 * Whether the municipality is the author's own is the policy's question (pitches.ts), asked
 * with the loaded actor: the schema only checks its shape.
 */
import { z } from 'astro/zod';
import { helpKinds } from '#domain/help-kinds.ts';
import { sectors, targetGroups } from '#domain/facets.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { nameProblem } from '#domain/names.ts';
import { dateField } from '#platform/date-field.ts';

/** Text limits, in characters, shown in the form's hints too. */
export const pitchLimits = {
  title: { min: 5, max: 120 },
  area: { min: 2, max: 120 },
  challenge: { min: 30, max: 5000 },
  ask: { min: 10, max: 3000 },
  peopleSought: { min: 1, max: 10_000 },
} as const;

/** A required text of `min`–`max` characters with Dutch messages ("Vul de titel in."). */
function text(what: string, { min, max }: { min: number; max: number }) {
  return z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .min(1, `Vul ${what} in.`)
    .min(min, `Schrijf bij ${what} minstens ${min} tekens.`)
    .max(max, `Schrijf bij ${what} hoogstens ${max} tekens (nu te lang).`);
}

/** One line of printable text (a name, a role): it goes into e-mail and onto pages. */
const oneLineText = (value: string, ctx: z.RefinementCtx) => {
  const problem = nameProblem(value, 'organisation');
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/**
 * A list of checkbox values from one vocabulary. The base is an array, so Astro reads every
 * checked box of the form (it looks through transforms to the array); none checked is [].
 */
function choices<T extends string>(ids: readonly [T, ...T[]], what: string, min: number) {
  const known = new Set<string>(ids);
  return z
    .array(z.string(), { error: `Kies ${what}.` })
    .transform((values) => [...new Set(values)])
    .superRefine((values, ctx) => {
      const unknown = values.filter((value) => !known.has(value));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `Kies alleen ${what} uit de lijst.` });
      else if (values.length < min) ctx.addIssue({ code: 'custom', message: `Kies minstens één ${what.replace(/^de /, '')}.` });
    })
    .transform((values) => values as T[]);
}

/** An optional one-line text (Astro sends an empty field as undefined because optional is outermost). */
const optionalLine = (max: number, what: string) => z.string().trim().max(max, `Schrijf bij ${what} hoogstens ${max} tekens.`).superRefine(oneLineText).optional();

/** The day one year after `day` (YYYY-MM-DD); 29 February becomes 1 March. */
function oneYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  return next.toISOString().slice(0, 10);
}

/** The pitch form's schema, with "today" taken from `now` (a function, so one schema serves a long-running server). */
export function makePitchInput(now: () => Date = () => new Date()) {
  return z.object({
    title: text('de titel', pitchLimits.title).superRefine(oneLineText),
    /** The municipality pitching: must be the author's own (checked with the actor in pitches.ts). */
    municipality: z.string({ error: 'Kies uw gemeente.' }).trim().min(1, 'Kies uw gemeente.').max(100, 'Kies uw gemeente.'),
    area: text('de wijk of het gebied', pitchLimits.area).superRefine(oneLineText),
    challenge: text('de uitdaging', pitchLimits.challenge),
    ask: text('wat u vraagt', pitchLimits.ask),
    helpKinds: choices(helpKinds.ids, 'de soort hulp', 1),
    targetGroups: choices(targetGroups.ids, 'de doelgroep', 1),
    sectors: choices(sectors.ids, 'de sector', 0),
    // Optional outermost: Astro sends an empty field as undefined, and skips the transform.
    peopleSought: z
      .union([z.string(), z.number()], { error: 'Vul een heel getal in, zoals 10, of laat het veld leeg.' })
      .transform((value, ctx) => {
        const raw = String(value).trim();
        if (raw === '') return undefined;
        if (!/^-?\d+$/.test(raw)) {
          ctx.addIssue({ code: 'custom', message: 'Vul een heel getal in, zoals 10, of laat het veld leeg.' });
          return z.NEVER;
        }
        const count = Number(raw);
        if (count < pitchLimits.peopleSought.min) {
          ctx.addIssue({ code: 'custom', message: 'Vul een aantal van 1 of meer in, of laat het veld leeg als het niet om een aantal gaat.' });
          return z.NEVER;
        }
        if (count > pitchLimits.peopleSought.max) {
          ctx.addIssue({ code: 'custom', message: `Vul een aantal van hoogstens ${pitchLimits.peopleSought.max} in.` });
          return z.NEVER;
        }
        return count;
      })
      .optional(),
    closingDate: dateField({
      required: 'Vul een sluitingsdatum in.',
      check: (day) => {
        const today = amsterdamDate(now());
        if (day < today) return 'De sluitingsdatum ligt in het verleden. Kies vandaag of een latere dag.';
        if (day > oneYearAfter(today)) return 'Kies een sluitingsdatum binnen een jaar vanaf vandaag.';
        return undefined;
      },
    }),
    contactName: z
      .string({ error: 'Vul de naam van de contactpersoon in.' })
      .trim()
      .min(2, 'Vul de naam van de contactpersoon in (minstens 2 tekens).')
      .max(100, 'Een naam mag hoogstens 100 tekens hebben.')
      .superRefine((value, ctx) => {
        const problem = nameProblem(value, 'person');
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    contactRole: optionalLine(100, 'de functie'),
    contactEmail: z
      .string({ error: 'Vul het e-mailadres van de contactpersoon in.' })
      .trim()
      .min(1, 'Vul het e-mailadres van de contactpersoon in.')
      .max(254, 'Dit e-mailadres is te lang.')
      .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.' })),
    contactPhone: z
      .string()
      .trim()
      .max(30, 'Een telefoonnummer heeft hoogstens 30 tekens.')
      .regex(/^(\+?[\d\s()-]{6,30})?$/, 'Vul een telefoonnummer in met alleen cijfers, spaties, + en -, zoals 075 655 1234.')
      .optional(),
  });
}

/** The schema on the real clock: the form action's input. */
export const pitchInput = makePitchInput();

/** What the form sends (strings and string lists). */
export type PitchFormInput = z.input<typeof pitchInput>;
/** A valid pitch text, as the use cases store it. */
export type PitchFields = z.output<typeof pitchInput>;

/** The form's field names, in form order (for the error summary and tests). */
export const pitchFieldNames = Object.keys(pitchInput.shape) as (keyof PitchFields)[];

/** Labels of the fields, for the error summary. */
export const pitchFieldLabels: Record<keyof PitchFields, string> = {
  title: 'Titel',
  municipality: 'Gemeente',
  area: 'Wijk of gebied',
  challenge: 'De uitdaging',
  ask: 'Wat u vraagt van werkgevers',
  helpKinds: 'Soort hulp',
  targetGroups: 'Doelgroepen',
  sectors: 'Sectoren',
  peopleSought: 'Aantal mensen of plaatsen',
  closingDate: 'Sluitingsdatum',
  contactName: 'Naam contactpersoon',
  contactRole: 'Functie contactpersoon',
  contactEmail: 'E-mailadres contactpersoon',
  contactPhone: 'Telefoonnummer contactpersoon',
};

/**
 * Parses input against the schema on `now`: the fields, or the first Dutch message per field.
 * Used by the use cases, so a caller that skipped the action's check is still refused.
 */
export function parsePitchInput(input: unknown, now: Date): { ok: true; fields: PitchFields } | { ok: false; fields: Record<string, string> } {
  const parsed = makePitchInput(() => now).safeParse(input);
  if (parsed.success) return { ok: true, fields: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}
