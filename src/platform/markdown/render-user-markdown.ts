/**
 * Home of user Markdown: pitch texts written by municipality staff become safe HTML here, and
 * plain text for cards, meta descriptions and search snippets (docs/architecture.md: pitch Markdown goes
 * through a sanitiser; the strict CSP forbids inline scripts and styles, so nothing of the sort
 * may come out of user text).
 *
 * Libraries: the syntax-tree utilities of the unified collective (syntax-tree/*, maintained,
 * ESM, typed, synchronous, no DOM): mdast-util-from-markdown (micromark, a CommonMark parser)
 * → mdast-util-to-hast → hast-util-sanitize (GitHub's sanitiser model, here with our own
 * allow-list) → hast-util-to-html. No string of HTML exists until the last step, so the
 * sanitiser works on the tree that is serialised, not on HTML it must parse again (no parser
 * differential as with `marked` + `sanitize-html`, and no postcss or htmlparser2 added).
 * Two of the four were already installed for Astro's Shiki; the unified processor and the
 * remark/rehype plugin wrappers add nothing we need. Sätteri (Astro 7's own Markdown, 0.x,
 * native) has no sanitiser.
 *
 * What comes out (the allow-list, checked again by the sanitiser): p, br, em, strong, ul, ol
 * (start), li, blockquote, code, pre, h3–h5, and a with an absolute http:, https: or mailto:
 * href plus rel="nofollow noopener noreferrer". Headings are demoted (# → h3, ## → h4, deeper →
 * h5): the page owns h1 and h2. A single line break in the text is a line break on the page,
 * as people who type in a text box expect. Raw HTML and comments are dropped, images become
 * their alt text, other Markdown (rules, tables) is left out or stays text; no class, id or
 * style attribute survives.
 *
 * Cost: micromark is quadratic on pathological nesting (measured here: 18,000 characters of
 * nested `*` or `> - ` take 3–5 s; ordinary text of that length takes milliseconds). Render when
 * a text is saved and store the HTML, not on every request.
 */
import type { ElementContent, Element, Properties, RootContent, Root as HastRoot } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Heading, Image, ImageReference, Nodes as MdastNodes, Root as MdastRoot, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast, type Handlers } from 'mdast-util-to-hast';

/**
 * Longest Markdown rendered, in UTF-16 code units. The form refuses longer text earlier; here
 * the rest is cut off silently (defence in depth against a huge input).
 */
export const USER_MARKDOWN_MAX_LENGTH = 20_000;

/**
 * Deepest nesting kept (quotes in lists in quotes…; emphasis counts too). The tree tools recurse,
 * so 10,000 nested `>` would overflow the stack and fail the page; deeper content is dropped.
 */
const MAX_DEPTH = 32;

/** The only schemes a link may have; anything else (javascript:, data:, vbscript:, relative) loses its link. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** User links are not endorsed and get neither the opener nor the referrer. */
const LINK_REL = ['nofollow', 'noopener', 'noreferrer'];

/** The final gate: every key is set, so nothing of hast-util-sanitize's GitHub defaults applies. */
const SCHEMA: Schema = {
  tagNames: ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'a'],
  attributes: {
    a: ['href', ['rel', ...LINK_REL]],
    ol: [['start', /^\d{1,9}$/]],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  ancestors: { li: ['ol', 'ul'] },
  required: {},
  strip: ['script', 'style'],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** How Markdown nodes become HTML where we differ from mdast-util-to-hast's defaults. */
const HANDLERS: Handlers = {
  // Raw HTML (blocks, inline tags, comments) never reaches the page, whatever the options say.
  html: () => undefined,
  heading: (state, node: Heading): Element => ({
    type: 'element',
    tagName: `h${Math.min(node.depth + 2, 5)}`,
    properties: {},
    children: state.all(node),
  }),
  image: (_state, node: Image) => altText(node),
  imageReference: (_state, node: ImageReference) => altText(node),
  // A line break within a paragraph becomes <br>, as for a hard break.
  text: (_state, node: Text) => {
    const [first = '', ...rest] = node.value.split(/[ \t]*(?:\r\n|\r|\n)[ \t]*/u);
    const result: ElementContent[] = [{ type: 'text', value: first }];
    for (const line of rest) result.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, { type: 'text', value: `\n${line}` });
    return result;
  },
};

/** Safe HTML for a user's Markdown (pitch texts): the allow-list in this module's header, nothing else. Synchronous and deterministic. */
export function renderUserMarkdown(markdown: string): string {
  const mdast = parse(markdown);
  const hast = toHast(mdast, { handlers: HANDLERS, allowDangerousHtml: false });
  const checked: HastRoot = { type: 'root', children: hast.type === 'root' ? checkLinks(hast.children) : checkLinks([hast as RootContent]) };
  return toHtml(sanitize(checked, SCHEMA)).trim();
}

/**
 * The text of a user's Markdown without markup, whitespace collapsed to single spaces, at most
 * `maxLength` characters: cut at a word boundary and ended with '…' when longer. Plain text,
 * not HTML: escape it where it goes into HTML (Astro does).
 */
export function plainTextExcerpt(markdown: string, maxLength = 200): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`plainTextExcerpt: maxLength moet een positief geheel getal zijn, niet ${maxLength}`);
  const text = plainText(parse(markdown))
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .trim();
  const characters = [...text];
  if (characters.length <= maxLength) return text;
  const room = characters.slice(0, maxLength - 1).join('');
  // A word that ends at the edge stays; otherwise cut at the last space when that keeps at
  // least half the room; one long word is cut hard.
  const lastSpace = room.lastIndexOf(' ');
  const cut = characters[maxLength - 1] === ' ' || lastSpace < room.length / 2 ? room : room.slice(0, lastSpace);
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** The Markdown tree of `markdown`, clipped in length and depth: CommonMark, no extensions. */
function parse(markdown: string): MdastRoot {
  const tree = fromMarkdown(clip(markdown));
  // Iterative, so the check itself cannot overflow.
  const stack: [MdastNodes, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (!('children' in node)) continue;
    if (depth >= MAX_DEPTH) node.children = [];
    else for (const child of node.children) stack.push([child, depth + 1]);
  }
  return tree;
}

/** `markdown` cut to USER_MARKDOWN_MAX_LENGTH, never in the middle of a surrogate pair. */
function clip(markdown: string): string {
  if (markdown.length <= USER_MARKDOWN_MAX_LENGTH) return markdown;
  const cut = markdown.slice(0, USER_MARKDOWN_MAX_LENGTH);
  return /[\uD800-\uDBFF]$/u.test(cut) ? cut.slice(0, -1) : cut;
}

/** An image's words instead of the image: no images at all in user text. */
function altText(node: Image | ImageReference): ElementContent | undefined {
  return node.alt ? { type: 'text', value: node.alt } : undefined;
}

/**
 * Links resolved (inline, reference, autolink) and checked on the address a browser would
 * follow: WHATWG URL parsing drops leading controls and spaces and the tabs and newlines
 * inside, and lowercases the scheme, so `jAvAsCrIpT:` and `java&#x09;script:` are caught. A
 * refused link keeps its words, unless those words are an address themselves (an autolink).
 */
function checkLinks(children: readonly RootContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'doctype') return [];
    // The cast: satteri's types (the editor's MDX parser) add MDX nodes to hast's unions; this tree comes from plain Markdown and has none.
    if (child.type !== 'element') return [child as ElementContent];
    child.children = checkLinks(child.children);
    if (child.tagName !== 'a') return [child];
    const href = safeHref(child.properties.href);
    if (href === null) return /^\s*[a-z][a-z\d+.-]*:/iu.test(textOf(child)) ? [] : child.children;
    const properties: Properties = { href, rel: [...LINK_REL] };
    return [{ ...child, properties }];
  });
}

/** The normalised absolute address when it may be linked to, else null. */
function safeHref(value: unknown): string | null {
  if (typeof value !== 'string' || !URL.canParse(value)) return null;
  const url = new URL(value);
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** The text inside a hast element. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The words of a Markdown tree: blocks and line breaks become spaces, raw HTML goes, images leave their alt text. */
function plainText(node: MdastNodes): string {
  switch (node.type) {
    case 'html':
    case 'definition':
      return '';
    case 'break':
    case 'thematicBreak':
      return ' ';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    default:
      if (!('children' in node)) return '';
      // Phrasing parents (paragraph, emphasis, link…) join their children; other parents are blocks.
      return (node.children as MdastNodes[]).map((child) => plainText(child) + (isPhrasing(child) ? '' : ' ')).join('');
  }
}

/** Whether a node is inline (phrasing) content, which joins its neighbours without a space. */
function isPhrasing(node: MdastNodes): boolean {
  return ['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference', 'break', 'html'].includes(node.type);
}
