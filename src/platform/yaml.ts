/**
 * The one YAML reader and writer for content files (frontmatter, organisations.yaml,
 * sources.yaml), on the `yaml` package's Document API.
 *
 * Reading: the build parses frontmatter with Astro's own js-yaml 4 (YAML 1.2, its default
 * schema). `readYaml` reads with the YAML 1.2 core schema plus timestamps, which is that same
 * schema for everything our files hold: plain, single- and double-quoted scalars, block and flow
 * lists and maps, booleans, numbers and dates (a bare 2026-11-22 is a Date in both). What js-yaml
 * adds beyond that (!!binary, !!set, !!omap, `<<` merges) no content file uses, and
 * tests/unit/yaml.test.ts reads every content file with both parsers and compares.
 *
 * Writing: `yamlText` turns data into YAML the way the hand-written files look: text in double
 * quotes on one line (a newline, `---` or a tag inside stays text and can never end the
 * frontmatter or add a key), vocabulary ids bare, lists of ids on one line as [a, b], other lists
 * one item per line, dates as YYYY-MM-DD, comments above a key. A value YAML would read as
 * something else (true, null, 12, 2026-01-01, "a: b") is quoted, whatever the style says.
 */
import { Document, isPair, isScalar, isSeq, parse, visit, type Pair, type Scalar } from 'yaml';

/** The schema the build's js-yaml reads with, as `yaml` options (see the module comment). */
const schema = (): { schema: 'core'; customTags: ['timestamp'] } => ({ schema: 'core', customTags: ['timestamp'] });

/** Parses YAML text as the build does; throws on a syntax error or a duplicate key, as the build would. */
export function readYaml(text: string): unknown {
  return parse(text, { ...schema(), uniqueKeys: true });
}

/** How `yamlText` writes values, by the key they stand under (at any depth). */
export interface YamlStyle {
  /** Keys whose strings (and list items) are vocabulary ids or names: written bare where YAML allows. */
  plain?: readonly string[];
  /** Keys whose lists are written on one line: [a, b]. Other lists get one item per line. */
  flow?: readonly string[];
  /**
   * Comment lines above a key, by its path ("title", "pitch.closedOn"). User text in a comment
   * must be one line: callers pass it through `oneLine` (domain/names.ts).
   */
  comments?: Readonly<Record<string, readonly string[]>>;
}

/** The key a scalar or list stands under: its own pair's key, or that of the list it is an item of. */
function keyAbove(path: readonly unknown[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i];
    if (isPair(node) && isScalar(node.key)) return String(node.key.value);
  }
  return null;
}

/** The comment text `yaml` writes as `# line` for each line. */
const commentText = (lines: readonly string[]) => lines.map((line) => ` ${line}`).join('\n');

/**
 * A map (or a list of maps) as YAML text ending in a newline; undefined values are left out.
 * Pure and deterministic: the same data gives the same bytes, so an unchanged form saves an
 * unchanged file.
 */
export function yamlText(data: Record<string, unknown> | readonly Record<string, unknown>[], style: YamlStyle = {}): string {
  const plain = new Set(style.plain ?? []);
  const flow = new Set(style.flow ?? []);
  const doc = new Document(data, { ...schema(), keepUndefined: false });
  visit(doc, {
    Pair(_, pair, path) {
      // Comment lines above a key, found by the dotted path of the maps around it.
      const keys = [...path.filter((node): node is Pair => isPair(node)), pair].map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      const lines = style.comments?.[keys.join('.')];
      if (lines && isScalar(pair.key)) (pair.key as Scalar).commentBefore = commentText(lines);
    },
    Seq(_, seq, path) {
      seq.flow = flow.has(keyAbove(path) ?? '') && seq.items.every((item) => isScalar(item));
    },
    Scalar(key, scalar, path) {
      if (key === 'key' || typeof scalar.value !== 'string') return;
      const under = keyAbove(path);
      scalar.type = under !== null && (plain.has(under) || (flow.has(under) && isSeq(path.at(-1)))) ? 'PLAIN' : 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: a long text stays on one line, as people wrote them; [a, b] without padding.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}
