/**
 * The folder of source texts: the full texts the content's sources were written from. They are
 * not part of the repository (the site never reads them); CI and editors' checkouts have them
 * beside the project as ../shared/sources, or wherever SOURCES_TEXT_DIR points. Tests that
 * compare content with those texts run only where the folder exists, and say so where it does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the source texts are: SOURCES_TEXT_DIR, or ../shared/sources beside the project. */
export const sourceTextsDir = resolve(process.env.SOURCES_TEXT_DIR || join('..', 'shared', 'sources'));

/** Are the source texts here? */
export const haveSourceTexts = existsSync(sourceTextsDir);

/** Why a check against the texts is skipped here (for the skipped test's title and a warning). */
export const noSourceTexts = `overgeslagen: de brontekstenmap ${sourceTextsDir} ontbreekt (zet SOURCES_TEXT_DIR of leg ../shared/sources naast het project)`;

if (!haveSourceTexts) console.warn(`Vergelijking met de bronteksten ${noSourceTexts}.`);

/** The full text of a source (by its id, a file name in the folder). */
export function sourceText(id: string): string {
  return readFileSync(join(sourceTextsDir, id), 'utf8');
}

/** Does a source's text file exist in the folder? */
export function sourceTextExists(id: string): boolean {
  return existsSync(join(sourceTextsDir, id));
}
