/**
 * The plain-language rule (#domain/plain-language.ts) as the editor applies it to a summary:
 * advice beside the summary field and on the publish step, never a refused save. A case's
 * summary is checked as it is; an instrument's summary explains the instrument, so jargon in
 * its title counts as explained there.
 */
import { plainLanguageFindings } from '#domain/plain-language.ts';
import type { ContentKind } from '#domain/content-editing.ts';

/** The findings for the summary in a case or instrument form (any other kind has none). */
export function summaryAdvice(kind: ContentKind, form: object): string[] {
  if (kind !== 'case' && kind !== 'instrument') return [];
  const { summary, title } = form as { summary?: unknown; title?: unknown };
  if (typeof summary !== 'string' || !summary.trim()) return [];
  const defines = kind === 'instrument' && typeof title === 'string' ? title : undefined;
  return plainLanguageFindings(summary, { defines }).map((finding) => finding.message);
}

/** The heading over the findings, beside the field and on the publish step. */
export const summaryAdviceTitle = 'Let op: de samenvatting is nog niet in gewone taal (B1)';
