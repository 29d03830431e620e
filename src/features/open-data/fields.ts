/**
 * The kinds of field a row schema is built from, each with its Dutch header (`title`) and what it
 * holds (`description`) in one call, so no field can miss them. Kept to the flat values a CSV cell
 * can hold (dataset.ts `FlatValue`).
 */
import { z } from 'astro/zod';

/** Text. */
export const text = (title: string, description: string) => z.string().meta({ title, description });

/** Text, or null where there is none. */
export const optionalText = (title: string, description: string) => z.string().nullable().meta({ title, description });

/** A list of texts: an array in JSON, one cell joined with " | " in CSV. */
export const texts = (title: string, description: string) => z.array(z.string()).meta({ title, description });

/** A whole number of zero or more. */
export const count = (title: string, description: string) => z.number().int().nonnegative().meta({ title, description });

/** A whole number of zero or more, or null where none is known. */
export const optionalCount = (title: string, description: string) => z.number().int().nonnegative().nullable().meta({ title, description });

/** Yes or no: true/false in JSON, "ja"/"nee" in CSV. */
export const yesNo = (title: string, description: string) => z.boolean().meta({ title, description });

/** A calendar day, YYYY-MM-DD. */
export const day = (title: string, description: string) => z.iso.date().meta({ title, description });

/** A calendar day, YYYY-MM-DD, or null. */
export const optionalDay = (title: string, description: string) => z.iso.date().nullable().meta({ title, description });

/** An instant with its offset from UTC (ISO 8601, Amsterdam time: 2027-03-21T14:00:00+01:00). */
export const instant = (title: string, description: string) => z.iso.datetime({ offset: true }).meta({ title, description });

/** An instant as above, or null. */
export const optionalInstant = (title: string, description: string) => z.iso.datetime({ offset: true }).nullable().meta({ title, description });

/** An absolute web address. */
export const address = (title: string, description: string) => z.url().meta({ title, description });

/** An absolute web address, or null. */
export const optionalAddress = (title: string, description: string) => z.url().nullable().meta({ title, description });

/** One of a closed set of words. */
export const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values, title: string, description: string) => z.enum(values).meta({ title, description });

/** The identifier every row starts with: stable, the last part of its API address. */
export const id = (description: string) => text('Id', description);

/** The item's own page on Praktijkplein. */
export const siteAddress = (what: string) => address('Adres', `De pagina van ${what} op Praktijkplein.`);

/** The mark on made-up rows of a trial install (docs/decisions/demo-marks.md). */
export const demo = () =>
  yesNo('Demo', 'Ja: verzonnen voorbeeldgegevens van een proefinstallatie, geen echte gegevens. Titels en namen van zulke rijen eindigen ook op "(demo)".');
