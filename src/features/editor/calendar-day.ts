/** Today's date in the Netherlands as YYYY-MM-DD (the default for a new case's "published"). */
export function calendarDay(now: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}
