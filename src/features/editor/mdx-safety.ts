/**
 * Home of the rule "MDX from the editor cannot run code". A body typed in the
 * browser becomes an .mdx file that the build compiles to JavaScript, so anything MDX treats as
 * code (import/export, {expressions}, JSX with expression or spread attributes) would run at
 * build time. We parse the body with the build's own MDX parser (Sätteri, which Astro 7 uses for
 * .mdx) and walk the tree with an allow-list: Markdown nodes, and JSX only for the components
 * the site offers in MDX, with literal attributes. The content uses none today, so the list is
 * empty; a component added to the site goes into ALLOWED_COMPONENTS with its attributes.
 *
 * The preview renders the same body as plain Markdown (src/features/editor/preview.ts), so we also parse
 * it that way and refuse what Markdown would read differently from MDX (raw HTML, indented code):
 * what passes looks the same in the preview as on the built page.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';

/** Components a body may use, with the attributes each may carry (literal strings only). */
export const ALLOWED_COMPONENTS: Readonly<Record<string, readonly string[]>> = {};

/** Markdown node types a body may contain (CommonMark and GFM; nothing that carries code). */
const MARKDOWN_NODES = new Set([
  'root', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'code', 'blockquote',
  'list', 'listItem', 'link', 'linkReference', 'definition', 'thematicBreak', 'break',
  'table', 'tableRow', 'tableCell', 'footnoteDefinition', 'footnoteReference',
]);

/**
 * Link addresses: the web, mail, telephone, this site's paths and anchors. Never javascript:
 * or data:, and never protocol-relative (//elders.example). Images are refused altogether
 * (see describe): the build turns a relative image address into an import of that file.
 */
const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#|\.{1,2}\/)/i;

export interface MdxProblem {
  line: number;
  message: string;
}

interface Node {
  type: string;
  position?: { start?: { line?: number } };
  children?: Node[];
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  url?: string;
  lang?: string | null;
  value?: string;
}

const lineOf = (node: Node, offset: number) => (node.position?.start?.line ?? 1) + offset;

/** What a node of a refused type is, in the words a curator understands. */
function describe(node: Node): string {
  switch (node.type) {
    case 'mdxjsEsm':
      return '"import" en "export" zijn niet toegestaan: een tekst mag geen code laden of uitvoeren.';
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return 'Accolades { } zijn niet toegestaan: MDX voert wat ertussen staat uit als code. Schrijf ze als \\{ en \\} als u ze als teken bedoelt.';
    case 'yaml':
    case 'toml':
      return 'Een blok tussen --- hoort niet in de tekst: de gegevens bovenaan komen uit het formulier.';
    case 'image':
    case 'imageReference':
      // The MDX build imports a relative image address as a file (any file the build can read):
      // the site has no images in its texts, so none are accepted.
      return 'Afbeeldingen kunnen niet in de tekst: de site toont geen afbeeldingen bij praktijkvoorbeelden. Beschrijf wat erop staat, of link naar de afbeelding met [tekst](https://…).';
    case 'html':
      return 'HTML is niet toegestaan in de tekst: gebruik Markdown (## voor een kopje, ** voor vet, [tekst](adres) voor een link).';
    default:
      return `Dit onderdeel (${node.type}) is niet toegestaan in de tekst.`;
  }
}

function checkJsx(node: Node, offset: number, problems: MdxProblem[]) {
  const name = node.name ?? '';
  const allowed = Object.hasOwn(ALLOWED_COMPONENTS, name) ? ALLOWED_COMPONENTS[name]! : null;
  if (!allowed) {
    const what = name === '' ? 'Een fragment <> </>' : /^[a-z]/.test(name) ? `HTML-code <${name}>` : `Het onderdeel <${name}>`;
    problems.push({ line: lineOf(node, offset), message: `${what} is niet toegestaan in de tekst. Gebruik Markdown; de site biedt ${Object.keys(ALLOWED_COMPONENTS).length === 0 ? 'geen eigen onderdelen in de tekst' : `alleen ${Object.keys(ALLOWED_COMPONENTS).map((c) => `<${c}>`).join(', ')}`}.` });
    return;
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || !attribute.name || !allowed.includes(attribute.name) || /^on/i.test(attribute.name)) {
      problems.push({ line: lineOf(node, offset), message: `<${name}> mag alleen ${allowed.length ? allowed.join(', ') : 'geen eigenschappen'} hebben, met een gewone tekst tussen aanhalingstekens.` });
    }
  }
}

function walkMdx(node: Node, offset: number, problems: MdxProblem[]) {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') checkJsx(node, offset, problems);
  else if (!MARKDOWN_NODES.has(node.type)) problems.push({ line: lineOf(node, offset), message: describe(node) });
  if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url && !SAFE_URL.test(node.url.trim())) {
    problems.push({ line: lineOf(node, offset), message: `Het adres "${node.url.slice(0, 60)}" is niet toegestaan: gebruik een adres dat begint met https://, mailto: of /.` });
  }
  for (const child of node.children ?? []) walkMdx(child, offset, problems);
}

/** Markdown's reading of the same text: raw HTML and indented code (MDX has neither) would preview differently. */
function walkMarkdown(node: Node, source: string[], offset: number, problems: MdxProblem[]) {
  if (node.type === 'html') problems.push({ line: lineOf(node, offset), message: describe(node) });
  if (node.type === 'code') {
    const first = source[(node.position?.start?.line ?? 1) - 1] ?? '';
    if (!/^\s{0,3}(```|~~~)/.test(first)) {
      problems.push({ line: lineOf(node, offset), message: 'Een regel die met vier spaties begint, wordt op de site gewone tekst maar in het voorbeeld code. Haal de spaties aan het begin weg, of zet code tussen ``` en ```.' });
    }
  }
  for (const child of node.children ?? []) walkMarkdown(child, source, offset, problems);
}

/** "12:5: Unexpected character …" from the parser → the line and a Dutch sentence (the parser's words kept for the curious). */
function parseProblem(error: unknown, offset: number): MdxProblem {
  const text = String((error as Error)?.message ?? error);
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)$/s.exec(text);
  const line = match ? Number(match[1]) + offset : 1 + offset;
  const detail = (match?.[3] ?? text).split('\n')[0]!.slice(0, 160);
  let hint = 'Controleer < en { op deze regel: MDX leest ze als code.';
  if (/comment/i.test(detail)) hint = 'HTML-commentaar <!-- --> is niet toegestaan in MDX; haal het weg.';
  else if (/link in MDX/i.test(detail)) hint = 'Schrijf een link als [tekst](https://adres), niet tussen < en >.';
  else if (/before name|valid JSX tag|start a name/i.test(detail)) hint = 'Een < leest MDX als het begin van code. Schrijf \\< als u het teken bedoelt.';
  return { line, message: `Deze regel kan de site niet lezen. ${hint}` };
}

/**
 * Every reason the body cannot be published, each with its line in the file; an empty list
 * means it is safe. `lineOffset` is the number of lines above the body in the file (the
 * frontmatter), so the line numbers match the file; pass 0 for lines within the body itself.
 */
export function mdxBodyProblems(body: string, lineOffset = 0): MdxProblem[] {
  const problems: MdxProblem[] = [];
  let tree: Node;
  try {
    // No frontmatter here: a --- block at the top of the body is refused as a node below.
    tree = mdxToMdast(body, { features: { frontmatter: true } }) as Node;
  } catch (error) {
    return [parseProblem(error, lineOffset)];
  }
  walkMdx(tree, lineOffset, problems);
  // Lines MDX already refused need no second word from the Markdown reading.
  const refused = new Set(problems.map((p) => p.line));
  const markdownProblems: MdxProblem[] = [];
  try {
    walkMarkdown(markdownToMdast(body, { features: { frontmatter: false } }) as Node, body.split('\n'), lineOffset, markdownProblems);
  } catch (error) {
    markdownProblems.push(parseProblem(error, lineOffset));
  }
  problems.push(...markdownProblems.filter((p) => !refused.has(p.line)));
  const seen = new Set<string>();
  return problems
    .filter((p) => (seen.has(`${p.line}|${p.message}`) ? false : (seen.add(`${p.line}|${p.message}`), true)))
    .sort((a, b) => a.line - b.line);
}

/** The problems as one Dutch text for the field (at most five, then "en nog N"). */
export function mdxProblemsText(problems: readonly MdxProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `Regel ${p.line}: ${p.message}`);
  if (problems.length > 5) shown.push(`En nog ${problems.length - 5} andere plaatsen.`);
  return shown.join(' ');
}
