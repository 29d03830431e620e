/**
 * Rendering a draft's body for the preview. Only a body that passed the MDX
 * safety check gets here, and we render it as Markdown, not MDX: nothing is compiled or
 * evaluated, so even a check that missed something could not run code; `{…}`, `<…>` and
 * `import` would show as text. Astro's own Markdown processor (@astrojs/markdown-satteri, the
 * one Astro 7 builds .mdx bodies with) gives the same HTML as the built page: GFM, typographic
 * quotes, heading ids. The check refuses what Markdown and MDX read differently.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { mdxBodyProblems } from './mdx-safety.ts';

let processor: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;

/** The body's HTML, or null when the body is not safe (the caller shows the problems instead). */
export async function renderDraftBody(body: string): Promise<string | null> {
  if (mdxBodyProblems(body).length > 0) return null;
  processor ??= createSatteriMarkdownProcessor();
  const { code } = await (await processor).render(body);
  // Astro's page has no newline after the last block; without trimming, the preview differed by that one character.
  return code.replace(/\n+$/, '');
}
