/**
 * The pages rendered on request, for search engines: published (and closed) pitches, the pitch list, the home page and the organisation pages. The sitemap integration
 * only knows prerendered pages, so this on-demand sitemap is listed in its sitemap index
 * through `customSitemaps` (astro.config.mjs).
 */
import { config } from '#platform/config.ts';
import { pitchesForSitemap } from '#features/marketplace/pitch-feeds.ts';
import { appDatabase } from '#web/app-database.ts';
import { getOrganisations } from '#features/catalog/queries.ts';

export const prerender = false;

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(): Promise<Response> {
  const pitches = await pitchesForSitemap(await appDatabase());
  const urls = pitches.map((pitch) => {
    const loc = new URL(`/pitches/${encodeURIComponent(pitch.id)}/`, new URL(config().siteUrl)).href;
    return `<url><loc>${escapeXml(loc)}</loc><lastmod>${pitch.updatedAt.toISOString()}</lastmod></url>`;
  });
  const site = new URL(config().siteUrl);
  const pages = ['/', '/pitches/', ...[...(await getOrganisations()).keys()].map((id) => `/organisaties/${encodeURIComponent(id)}/`)];
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((path) => `<url><loc>${escapeXml(new URL(path, site).href)}</loc></url>`),
    ...urls,
    '</urlset>',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
