/** The cases on the site as the editor lists them: id and title from the files in content/cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot, mdxIds } from './content-files.ts';
import { parseMdxFile } from './frontmatter.ts';

/** Every case file with its title, by title. */
export function caseList(): { id: string; title: string }[] {
  return mdxIds('cases')
    .map((id) => ({ id, title: String(parseMdxFile(readFileSync(join(contentRoot, 'cases', `${id}.mdx`), 'utf8'))?.data.title ?? id) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}
