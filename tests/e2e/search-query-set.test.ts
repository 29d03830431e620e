/**
 * The query set (content/search-queries.yaml): what newcomers type, each with the page that must
 * be among the first five of its part of the results page (the knowledge base, the pitches or
 * the organisations: the page shows them as separate ranked lists). Run twice: against the
 * search page without JavaScript (the server's answer, as a browser without JavaScript gets it)
 * and as-you-type with JavaScript, where the knowledge base must also come back in the same
 * order as without. A typo may reach its page through "Bedoelde u …?"; every query finds
 * something (the zero-result rate over the set is 0).
 *
 * On a server of its own with the demo data only: on the shared server, pitches other test files
 * make ("… Poelenbrug …") are newer than the demo pitch a query expects, and pushed it out of the
 * first five in some orders of the files.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { rmSync } from 'node:fs';
import { loadQuerySet, type SearchQueryEntry } from '#features/search/query-set.ts';
import { seedDemoData } from '../../scripts/demo-data.ts';
import { connectBrowser, openPage } from './browser.ts';
import { startServer, type OwnServer } from './own-server.ts';
import { freshDatabase } from './shared-database-support.ts';

const queries = loadQuerySet('content/search-queries.yaml');
type Section = 'knowledge' | 'pitches' | 'organisations';
const sectionOf = (url: string): Section => (url.startsWith('/pitches/') ? 'pitches' : url.startsWith('/organisaties/') ? 'organisations' : 'knowledge');

let browser: Browser;
let server: OwnServer;
let database: Awaited<ReturnType<typeof freshDatabase>>;
const baseURL = () => server.baseURL;
beforeAll(async () => {
  browser = await connectBrowser();
  // The demo data as `npm run seed` adds it, and nothing else.
  database = await freshDatabase('zoekvragen');
  await seedDemoData(database.handle.db, 'geen-wachtwoord');
  server = await startServer(database.url, { PUBLISHING: 'off' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  server?.kill();
  database?.handle.close();
  if (database) rmSync(database.dir, { recursive: true, force: true });
});

/** The links of each part of a results page, in page order, from its HTML. */
function sectionsOf(html: string): Record<Section, string[]> {
  const links = (section: Section) => {
    const part = new RegExp(`data-section="${section}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
    return [...part.matchAll(/<h3 class="utrecht-heading-3"><a class="utrecht-link" href="([^"]+)"/g)].map((match) => match[1]!);
  };
  return { knowledge: links('knowledge'), pitches: links('pitches'), organisations: links('organisations') };
}

const unescape = (text: string) => text.replaceAll('&amp;', '&');

type Answer = { sections: Record<Section, string[]>; corrected?: Record<Section, string[]> };
const serverAnswers = new Map<string, Promise<Answer>>();

/** The server's answer to a query (no JavaScript): the parts, and the page "Bedoelde u" leads to. Asked once per query. */
function withoutJavaScript(query: string): Promise<Answer> {
  let answer = serverAnswers.get(query);
  if (!answer) {
    answer = (async () => {
      const html = await (await fetch(`${baseURL()}/zoeken/?q=${encodeURIComponent(query)}`)).text();
      const suggestion = /Bedoelde u: <a class="utrecht-link" href="([^"]+)"/.exec(html)?.[1];
      const corrected = suggestion ? sectionsOf(await (await fetch(`${baseURL()}${unescape(suggestion)}`)).text()) : undefined;
      return { sections: sectionsOf(html), corrected };
    })();
    serverAnswers.set(query, answer);
  }
  return answer;
}

function found(entry: SearchQueryEntry, answer: Answer): boolean {
  const section = sectionOf(entry.expect);
  const direct = answer.sections[section].slice(0, 5).includes(entry.expect);
  const viaSuggestion = entry.kind === 'typfout' && (answer.corrected?.[section] ?? []).slice(0, 5).includes(entry.expect);
  return direct || viaSuggestion;
}

describe('the query set', () => {
  test(`without JavaScript: all ${queries.length} queries find their page in the top 5, none finds nothing`, async () => {
    const misses: string[] = [];
    const empty: string[] = [];
    for (const entry of queries) {
      const answer = await withoutJavaScript(entry.query);
      if (!found(entry, answer)) misses.push(`${entry.kind}: "${entry.query}" → ${entry.expect} (kennisbank: ${answer.sections.knowledge.slice(0, 5).join(', ')})`);
      const anything = (sections?: Record<Section, string[]>) => Object.values(sections ?? {}).some((links) => links.length > 0);
      if (!anything(answer.sections) && !anything(answer.corrected)) empty.push(entry.query);
    }
    expect(misses).toEqual([]);
    expect(empty).toEqual([]);
  });

  test('as-you-type with JavaScript: the same pages in the same order, and every query finds its page', async () => {
    const misses: string[] = [];
    const different: string[] = [];
    // Three pages side by side, a third of the set each: each query waits for the typing pause anyway.
    const shares = [0, 1, 2].map((share) => queries.filter((_, i) => i % 3 === share));
    await Promise.all(
      shares.map(async (half) => {
        const { context, page } = await openPage(browser);
        await page.goto(`${baseURL()}/zoeken/`);
        const field = page.getByLabel('Zoekterm');
        for (const entry of half) {
          await field.fill(entry.query);
          // The status names what was typed once the answer for it is on the page.
          await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toContain(`“${entry.query}”`);
          const typed = sectionsOf(await page.locator('[data-search-sections]').evaluate((element) => element.outerHTML.replaceAll(/ data-astro-cid-\w+/g, '')));
          const server = await withoutJavaScript(entry.query);
          for (const section of ['knowledge', 'organisations', 'pitches'] as const) {
            if (typed[section].join(' ') !== server.sections[section].join(' ')) {
              different.push(`"${entry.query}" (${section}): typing ${typed[section].slice(0, 5).join(', ')} / server ${server.sections[section].slice(0, 5).join(', ')}`);
            }
          }
          if (!found(entry, { sections: typed, corrected: server.corrected })) misses.push(`${entry.kind}: "${entry.query}" → ${entry.expect}`);
        }
        await context.close();
      }),
    );
    expect(different).toEqual([]);
    expect(misses).toEqual([]);
  });
});
