/** The cases on the site as the editor lists them: id and title from the files in content/cases. */
import { mdxIds, readContentFile } from '#platform/content-store.ts';
import { parseMdxFile } from './frontmatter.ts';

/** Every case file with its title, by title. */
export function caseList(): { id: string; title: string }[] {
  return mdxIds('cases')
    .map((id) => ({ id, title: String(parseMdxFile(readContentFile(`cases/${id}.mdx`)?.text ?? '')?.data.title ?? id) }))
    .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}
