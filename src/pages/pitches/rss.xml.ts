/**
 * RSS feed of newly published pitches: all, or one municipality's with
 * `?gemeente=<id>`. On demand, because pitches live in the database.
 */
import { config } from '#platform/config.ts';
import { getRssString } from '@astrojs/rss';
import type { APIContext } from 'astro';
import { pitchesForFeed } from '#features/marketplace/pitch-feeds.ts';
import { pitchPlaces } from '#features/marketplace/pitch-list.ts';
import { appDatabase } from '#web/app-database.ts';
import { demoPitchNotice, pitchFeedText, withDemoMark } from '#domain/demo-marks.ts';

export const prerender = false;

export async function GET(context: APIContext): Promise<Response> {
  const municipalityId = context.url.searchParams.get('gemeente') ?? undefined;
  const municipality = municipalityId === undefined ? undefined : pitchPlaces().byMunicipality.get(municipalityId);
  if (municipalityId !== undefined && !municipality) {
    return new Response('Deze gemeente kennen we niet. Zie /pitches/rss.xml voor alle pitches.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const items = await pitchesForFeed(await appDatabase(), { municipalityId });
  // A feed of demo pitches only (a trial install) must not be titled as the municipality's own.
  const channel = pitchFeedText(items, municipality?.name);
  const body = await getRssString({
    title: channel.title,
    description: channel.description,
    site: new URL(config().siteUrl),
    customData: '<language>nl-nl</language>',
    items: items.map((item) => ({
      title: withDemoMark(item.title, item.demo),
      // A demo item says so before anything else: a feed reader shows the start of the text only.
      description: item.demo ? `${demoPitchNotice(item.municipalityName)} ${item.area}. ${item.summary}` : `Gemeente ${item.municipalityName}, ${item.area}. ${item.summary}`,
      pubDate: item.publishedAt,
      link: `/pitches/${encodeURIComponent(item.id)}/`,
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
