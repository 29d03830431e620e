import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCases } from '#features/catalog/queries.ts';

/** RSS feed of case studies, newest first. */
export async function GET(context: APIContext) {
  const cases = await getCases();
  return rss({
    title: 'Praktijkplein: praktijkvoorbeelden',
    description: 'Nieuwe praktijkvoorbeelden van gemeenten en inclusieve werkgevers.',
    site: context.site!,
    customData: '<language>nl-nl</language>',
    items: cases.map((item) => ({
      title: item.title,
      description: item.summary,
      pubDate: item.entry.data.updated ?? item.entry.data.published,
      link: `/praktijkvoorbeelden/${item.id}/`,
    })),
  });
}
