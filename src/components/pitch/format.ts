/** How pitch pages write a calendar day: "30 september 2026" (a YYYY-MM-DD day, no time zone shift). */
import { formatDate } from '#platform/texts/nl.ts';

export function formatDay(day: string): string {
  // Noon UTC is the same calendar day in Europe/Amsterdam, whatever the offset.
  return formatDate(new Date(`${day}T12:00:00Z`));
}
