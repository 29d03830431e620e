/**
 * The one zod field for a date a person types or picks: it reads 1-3-2027, 1 maart 2027, the
 * 2027-03-01 a date picker posts and the other ways in `#domain/typed-date.ts`, and gives the
 * form YYYY-MM-DD, or the parser's Dutch message next to the field. Shared by every form
 * with a date (features' input schemas and actions alike), so all date fields read the same.
 */
import { z } from 'astro/zod';
import { parseTypedDate, TYPED_DATE_EXAMPLE } from '#domain/typed-date.ts';

interface DateFieldOptions {
  /** The message for an empty field; without it the field may stay empty (null). */
  required?: string;
  /** A further rule on the day (not in the past, within a year): its Dutch message, or nothing. */
  check?: (day: string) => string | undefined;
}

/** A required date: YYYY-MM-DD. */
export function dateField(options: DateFieldOptions & { required: string }): z.ZodType<string, string | null | undefined>;
/** An optional date: YYYY-MM-DD, or null when left empty. */
export function dateField(options?: DateFieldOptions): z.ZodType<string | null, string | null | undefined>;
export function dateField({ required, check }: DateFieldOptions = {}): z.ZodType<string | null, string | null | undefined> {
  return z
    .string({ error: `Vul een datum in zoals ${TYPED_DATE_EXAMPLE}.` })
    .max(100, `Vul een datum in zoals ${TYPED_DATE_EXAMPLE}.`)
    .nullish()
    .transform((value, ctx) => {
      const typed = parseTypedDate(value);
      if (!typed.ok) {
        if (typed.reason === 'empty' && !required) return null;
        ctx.addIssue({ code: 'custom', message: typed.reason === 'empty' ? required! : typed.message });
        return z.NEVER;
      }
      const problem = check?.(typed.day);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return typed.day;
    });
}
