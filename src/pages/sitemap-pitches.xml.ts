/**
 * Published (and closed) pitches for search engines (issue 7, item 10). The sitemap
 * integration only knows prerendered pages, so this on-demand sitemap is listed in its
 * sitemap index through `customSitemaps` (astro.config.mjs).
 */
import { config } from '../server/config.ts';
import type { APIContext } from 'astro';
import { pitchesForSitemap } from '../marketplace/pitch-feeds.ts';
import { appDatabase } from '../server/app-database.ts';

export const prerender = false;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(context: APIContext): Promise<Response> {
  const pitches = await pitchesForSitemap(await appDatabase());
  const urls = pitches.map((pitch) => {
    const loc = new URL(`/pitches/${encodeURIComponent(pitch.id)}/`, new URL(config().siteUrl)).href;
    return `<url><loc>${escapeXml(loc)}</loc><lastmod>${pitch.updatedAt.toISOString()}</lastmod></url>`;
  });
  const listUrl = new URL('/pitches/', new URL(config().siteUrl)).href;
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    `<url><loc>${escapeXml(listUrl)}</loc></url>`,
    ...urls,
    '</urlset>',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
