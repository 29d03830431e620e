import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCases } from '#features/catalog/queries.ts';

/** RSS feed of case studies, newest first: practice examples and plans from election programmes alike, so the description names both. */
export async function GET(context: APIContext) {
  const cases = await getCases();
  return rss({
    title: 'Praktijkplein: praktijkvoorbeelden',
    description: "Nieuwe praktijkvoorbeelden van gemeenten en werkgevers, en plannen uit verkiezingsprogramma's.",
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
