/**
 * A source that content may cite (content/sources/sources.yaml): a record the repository
 * holds, saying what the text is, who published it, when it is from, what weight it carries,
 * what it supports and where to read it. Dates come from the text only; where the text gives
 * none, the field says `onbekend` rather than a guess.
 *
 * The first sources are texts the editors were given as files; their ids are those file names
 * (`….txt`) and stay so, because frontmatter cites them. A source added in the editor gets an
 * id like a page address, and says where to read it: a web address or a description.
 */
import { z } from 'astro/zod';
import { sourceKindIds } from '#features/catalog/source-kinds.ts';

/** A date as the text gives it, or `onbekend`. */
export const sourceDateSchema = z.union([
  z.literal('onbekend'),
  z.strictObject({
    /** In the text's own terms, e.g. "donderdag 21 maart". */
    text: z.string().min(3),
    /** For <time datetime>: YYYY-MM-DD, YYYY-MM, YYYY, or a yearless --MM-DD when the text names no year. */
    // MM-DD is the form the W3C validator accepts for a day without a year.
    iso: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2})$/, 'gebruik JJJJ-MM-DD, JJJJ-MM, JJJJ of MM-DD').optional(),
    /** What the text leaves out, e.g. "jaartal niet genoemd". */
    note: z.string().optional(),
  }),
]);

/** The event a report is about: when, where, who hosted, organised and took part. */
export const sourceEventSchema = z.strictObject({
  name: z.string().min(5),
  date: sourceDateSchema,
  /** Only when the text names it. */
  place: z.string().optional(),
  /** Who received the participants (the text's "te gast bij …"). */
  hosts: z.array(z.string().min(2)).min(1),
  organisers: z.array(z.string().min(2)).default([]),
  /** Groups and named people, with the role the text gives them. */
  participants: z.array(z.string().min(2)).min(1),
});

/** A topic of the text the site leaves out on purpose, and why. */
export const sourceLeftOutSchema = z.strictObject({
  /** The topic in a few words, e.g. "Sekswerk". */
  topic: z.string().min(3).max(120),
  /** Why the site has no page on it, in plain Dutch. */
  reason: z.string().min(10).max(300),
});

export const sourceSchema = z.strictObject({
  /** What frontmatter cites: lower-case words joined by hyphens (the older ones end in .txt). */
  id: z.string().max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.txt)?$/, 'kleine letters, cijfers en streepjes, zoals "verslag-werkconferentie-2026"'),
  title: z.string().min(3),
  publisher: z.string().min(3),
  kind: z.enum(sourceKindIds),
  /** When the text itself was written or published; usually `onbekend`. */
  date: sourceDateSchema,
  /** What this source supports on the site, in one or two sentences. */
  supports: z.string().min(20).max(600),
  /** What the text leaves open that readers will ask about (no author, no party named). */
  note: z.string().optional(),
  event: sourceEventSchema.optional(),
  /** Where to read the text on the web. */
  url: z.url({ protocol: /^https?$/, error: 'een volledig webadres, zoals https://www.voorbeeld.nl/verslag' }).max(500).optional(),
  /** Where to read it when it is not on the web, e.g. "Gedrukt verslag, op te vragen bij de organisator". */
  location: z.string().min(10).max(300).optional(),
  /**
   * Topics in the text that the site leaves out on purpose, each with the reason (usually: it is
   * not about municipalities and employers working together on inclusive work). The source's
   * page lists them, so a reader who knows the text sees the gap is a choice, not an oversight.
   */
  leftOut: z.array(sourceLeftOutSchema).optional(),
});

export type SourceData = z.infer<typeof sourceSchema>;
export type SourceDate = z.infer<typeof sourceDateSchema>;
