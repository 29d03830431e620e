/** A public list as a JSON document with its licence and source, with the list page's filters (src/features/open-data/). */
import { openDataFile } from '#web/open-data-files.ts';

export const prerender = false;

export const GET = openDataFile('json');
