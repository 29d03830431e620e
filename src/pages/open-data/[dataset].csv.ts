/** A public list as a CSV file for a spreadsheet, with the list page's filters (src/features/open-data/). */
import { openDataFile } from '#web/open-data-files.ts';

export const prerender = false;

export const GET = openDataFile('csv');
