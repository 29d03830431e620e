/**
 * An optional free text of a form (a message, a note, a reason) as one zod field: trimmed, empty
 * becomes null, and at most `max` characters as people count them (an emoji is one). Astro's
 * form parser hands an empty or missing field to a schema wrapped in a transform as null, hence
 * `nullish`. The raw length is capped first, so a huge post is refused before it is walked.
 */
import { z } from 'astro/zod';

export function optionalTextField(max: number, tooLong: string) {
  return z
    .string()
    .max(max * 2, tooLong)
    .nullish()
    .transform((value) => value?.trim() ?? '')
    .refine((value) => [...value].length <= max, tooLong)
    .transform((value) => (value === '' ? null : value));
}
