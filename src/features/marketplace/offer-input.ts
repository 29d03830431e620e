/**
 * The offer form ("Ik doe mee") as one zod schema with Dutch messages: the
 * action parses with it, the use cases take its output type, and tests parse with it too, so
 * what the form accepts and what the database gets can never drift apart.
 * Optional fields are `nullish`: Astro's form parser hands an empty or missing field to a
 * schema wrapped in a transform as null, not undefined.
 */
import { z } from 'astro/zod';
import { helpKinds } from '#domain/help-kinds.ts';
import { amsterdamDate } from '#domain/amsterdam-time.ts';
import { dateField } from '#platform/date-field.ts';
import { optionalTextField as optionalText } from '#platform/text-field.ts';

/** Longest "support" text (a buddy, a job coach …): a few sentences. */
export const SUPPORT_MAX = 1000;
/** Longest message to the pitch owner. */
export const MESSAGE_MAX = 2000;
/** Most places one employer can offer on one pitch: more is a typo, not an offer. */
export const PLACES_MAX = 1000;

/** The fields of the offer form, shared by the signed-in form and the register-in-flow form. */
export const offerFields = {
  /** Kinds of help offered: at least one, each from the vocabulary (a crafted value is refused). */
  helpKinds: z
    .array(z.enum(helpKinds.ids, { error: 'Kies een soort hulp uit de lijst.' }), { error: 'Kies minstens één soort hulp.' })
    .min(1, 'Kies minstens één soort hulp.')
    .max(helpKinds.ids.length, 'Kies een soort hulp uit de lijst.')
    .transform((ids) => [...new Set(ids)]),
  /** Places offered: empty, or a whole number from 1 to 1000. */
  places: z
    .string()
    .max(12, `Vul een heel getal in van 1 tot en met ${PLACES_MAX}.`)
    .nullish()
    .transform((value) => value?.trim() ?? '')
    .refine((value) => value === '' || (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= PLACES_MAX), `Vul een heel getal in van 1 tot en met ${PLACES_MAX}, of laat het leeg.`)
    .transform((value) => (value === '' ? null : Number(value))),
  /** From when: empty, or a real calendar day (typed the Dutch way or picked) that is not in the past (in Amsterdam). */
  startsOn: dateField({ check: (day) => (day < amsterdamDate(new Date()) ? 'Deze datum is al voorbij. Kies vandaag of een latere datum.' : undefined) }),
  /** What support the employer brings. */
  support: optionalText(SUPPORT_MAX, `Beschrijf de begeleiding in hoogstens ${SUPPORT_MAX} tekens.`),
  /** A message for the pitch owner (never shown to other employers). */
  message: optionalText(MESSAGE_MAX, `Een bericht mag hoogstens ${MESSAGE_MAX} tekens hebben.`),
  /** May the organisation's name appear on the public pitch page? A checkbox (value "true"): present means yes. */
  showName: z
    .string()
    .max(10)
    .nullish()
    .transform((value) => value === 'true'),
};

/** The offer form as one schema. */
export const offerInput = z.object(offerFields);

/** What the use cases receive: validated, trimmed, empty fields as null. */
export type OfferInput = z.output<typeof offerInput>;

/** Labels of the form's fields, for the page and its error summary. */
export const offerFieldLabels = {
  helpKinds: 'Soort hulp',
  places: 'Aantal plaatsen',
  startsOn: 'Vanaf wanneer',
  support: 'Begeleiding die u meebrengt',
  message: 'Bericht aan de gemeente',
  showName: 'Naam tonen',
} as const satisfies Record<keyof typeof offerFields, string>;
