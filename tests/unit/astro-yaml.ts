/**
 * The YAML parser the build reads frontmatter with: Astro's own js-yaml (through
 * @astrojs/internal-helpers), loaded from Astro's dependencies so a test reads a file exactly
 * as `astro build` would, whatever YAML packages the project itself lists.
 */
import { createRequire } from 'node:module';

const fromAstro = createRequire(createRequire(import.meta.url).resolve('@astrojs/internal-helpers/frontmatter'));

/** js-yaml's `load`, as Astro calls it for frontmatter. */
export const astroYamlLoad = (fromAstro('js-yaml') as { load: (text: string) => unknown }).load;

/** The frontmatter of an .mdx text as the build reads it (YAML between the first two `---` lines). */
export function astroFrontmatter(mdx: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?\n)---/.exec(mdx);
  if (!match) throw new Error('geen frontmatter');
  return astroYamlLoad(match[1]!) as Record<string, unknown>;
}
