/**
 * The outcome answers' first address, kept for links and bookmarks made before the open data:
 * they now live at /open-data/resultaten.csv, with the same filters and a permanent redirect.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const GET: APIRoute = (context) => context.redirect(`/open-data/resultaten.csv${context.url.search}`, 301);
