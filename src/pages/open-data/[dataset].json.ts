/** A public list as a JSON document with its licence and source, with the list page's filters (src/features/open-data/). */
import type { APIRoute } from 'astro';
import { openDataFile } from '#web/open-data-download.ts';

export const prerender = false;

export const GET: APIRoute = (context) => openDataFile(context, 'json');
