/**
 * The site's own words as the checks against the source texts read them: the content files
 * (cases, instruments, organisations, sources) as text units with their line, the page
 * texts of .astro files and the string literals of the demo seeds; and the shared normalisation
 * (words, numbers, quoted phrases) that the checks compare with. Reads files only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A piece of text and where it starts: file, line, and its offset in the file (for the line of a word inside it). */
export interface TextUnit {
  file: string;
  line: number;
  /** The frontmatter or YAML key it is the value of ("" for body text and string literals). */
  key: string;
  text: string;
  /** The record it belongs to in a YAML list (organisations, sources); "" elsewhere. */
  record: string;
}

/** The line (1-based) of `offset` in a unit whose text starts on `line`. */
export function lineAt(unit: TextUnit, offset: number): number {
  let line = unit.line;
  for (let i = 0; i < offset && i < unit.text.length; i++) if (unit.text[i] === '\n') line++;
  return line;
}

/** A YAML scalar as text: the quotes of "…" and '…' taken off (they are YAML's, not quotation marks). */
function yamlScalar(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"');
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v === '>-' || v === '>' || v === '|' || v === '|-') return '';
  return v;
}

/**
 * The text units of YAML (a frontmatter or a .yaml file): one per value, with a folded value's
 * lines joined. `firstLine` is the line of the YAML's first line in the file.
 */
export function yamlUnits(file: string, yaml: string, firstLine: number): TextUnit[] {
  const units: TextUnit[] = [];
  let record = '';
  let current: TextUnit | null = null;
  yaml.split('\n').forEach((raw, i) => {
    const line = firstLine + i;
    if (!raw.trim() || /^\s*#/.test(raw)) {
      current = null;
      return;
    }
    const recordStart = /^- id:\s*(\S+)/.exec(raw);
    if (recordStart) record = recordStart[1]!;
    const keyed = /^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(raw);
    const item = /^\s*-\s+(.*)$/.exec(raw);
    if (keyed) {
      current = { file, line, key: keyed[1]!, text: yamlScalar(keyed[2] ?? ''), record };
      units.push(current);
    } else if (item) {
      // A list item under the last key (participants, outcomes, organisers).
      const key = current ? (current as TextUnit).key : '';
      current = { file, line, key, text: yamlScalar(item[1]!), record };
      units.push(current);
    } else if (current) {
      // A folded or wrapped value goes on.
      const unit: TextUnit = current;
      unit.text += `${unit.text ? '\n' : ''}${raw.trim()}`;
    }
  });
  return units;
}

/** An .mdx file's units: its frontmatter values, then every line of its body. */
export function mdxUnits(file: string): TextUnit[] {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const units = match ? yamlUnits(file, match[1]!, 2) : [];
  const bodyStart = match ? match[0].split('\n').length : 1;
  const body = match ? text.slice(match[0].length) : text;
  body.split('\n').forEach((raw, i) => {
    if (raw.trim()) units.push({ file, line: bodyStart + i, key: '', text: raw, record: '' });
  });
  return units;
}

/** A .yaml file's units. */
export function yamlFileUnits(file: string): TextUnit[] {
  return yamlUnits(file, readFileSync(file, 'utf8'), 1);
}

/** Link targets and web addresses are no text: `[tekst](/adres/)` keeps "tekst". */
export function withoutAddresses(text: string): string {
  return text.replace(/\]\([^)\s]*\)/g, ']').replace(/\bhttps?:\/\/\S+/g, ' ').replace(/\bwww\.\S+/g, ' ');
}

/** Every file under a folder whose name matches. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

// ——— Words and numbers ———

/** Lower case, without accents, only letters and digits: what "the same words" compares. */
export function normalWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words of a text with their offsets (same normalisation as normalWords). */
export function wordsWithOffsets(text: string): { word: string; offset: number }[] {
  const out: { word: string; offset: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = m[0].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (word) out.push({ word, offset: m.index });
  }
  return out;
}

/**
 * The numbers in a text with two or more digits, written the same way: thousands without a
 * separator ("2.000" and "2000" are 2000), a decimal comma kept ("1,5"). A range "2022–2026"
 * is two numbers.
 */
export function numbersIn(text: string): { number: string; offset: number }[] {
  const out: { number: string; offset: number }[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const number = m[0].replace(/\.(?=\d{3}(?!\d))/g, '').replace(/[.,]$/, '');
    if (number.replace(/\D/g, '').length >= 2) out.push({ number, offset: m.index });
  }
  return out;
}

/** Number words in a source count as their digits: the report's "tien werkgevers" supports "10 werkgevers". */
const numberWords: Record<string, string> = {
  tien: '10', elf: '11', twaalf: '12', dertien: '13', veertien: '14', vijftien: '15', zestien: '16', zeventien: '17', achttien: '18', negentien: '19',
  twintig: '20', dertig: '30', veertig: '40', vijftig: '50', zestig: '60', zeventig: '70', tachtig: '80', negentig: '90', honderd: '100', duizend: '1000',
};

/** Every number a source text gives, in digits or (tien to duizend) in words. */
export function numbersOfSource(text: string): Set<string> {
  const found = new Set(numbersIn(text).map((n) => n.number));
  for (const word of normalWords(text)) if (numberWords[word]) found.add(numberWords[word]);
  return found;
}

// ——— Quoted phrases ———

const pairs: Record<string, string> = { '„': '”"“', '“': '”', '"': '"', '‘': '’', "'": "'’", '”': '”', '«': '»' };

/**
 * The quoted phrases in a text: „…", “…”, "…", ‘…’, '…'. An apostrophe inside a word (zo'n,
 * programma's) opens or closes nothing: a quote opens after a space, a bracket or the start,
 * and closes before a space, punctuation or the end.
 */
export function quotedPhrases(text: string): { phrase: string; start: number; end: number }[] {
  const out: { phrase: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text[i]!;
    const closers = pairs[open];
    const before = i === 0 ? ' ' : text[i - 1]!;
    if (!closers || !/[\s([{—–\-/:>]/.test(before) || !text[i + 1] || /\s/.test(text[i + 1]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    let closedAt = -1;
    while (j < text.length && j - i < 400 && !(text[j] === '\n' && text[j + 1] === '\n')) {
      const after = text[j + 1] ?? ' ';
      if (closers.includes(text[j]!) && !/\s/.test(text[j - 1]!) && !/[\p{L}\p{N}]/u.test(after)) {
        closedAt = j;
        break;
      }
      j++;
    }
    if (closedAt < 0) {
      i++;
      continue;
    }
    out.push({ phrase: text.slice(i + 1, closedAt), start: i, end: closedAt + 1 });
    i = closedAt + 1;
  }
  return out;
}

// ——— Page texts and seeds ———

/** A string literal or text node with its offset in the file. */
export interface Segment {
  text: string;
  offset: number;
}

/**
 * The string literals of TypeScript (quotes, template parts), skipping comments. A regular
 * expression literal may confuse it; the texts this reads have few, and a confused stretch
 * only hides words, it invents none.
 */
export function stringLiterals(code: string, base = 0): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < code.length && code[j] !== c && code[j] !== '\n') {
        if (code[j] === '\\') {
          text += code[j + 1] ?? '';
          j += 2;
        } else text += code[j++];
      }
      out.push({ text, offset: base + i + 1 });
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      let start = j;
      while (j < code.length && code[j] !== '`') {
        if (code[j] === '\\') j += 2;
        else if (code[j] === '$' && code[j + 1] === '{') {
          out.push({ text: code.slice(start, j), offset: base + start });
          let depth = 1;
          j += 2;
          while (j < code.length && depth > 0) {
            if (code[j] === '{') depth++;
            else if (code[j] === '}') depth--;
            j++;
          }
          start = j;
        } else j++;
      }
      out.push({ text: code.slice(start, j), offset: base + start });
      i = j + 1;
    } else i++;
  }
  return out.filter((s) => /\p{L}/u.test(s.text));
}

/** Replace a stretch by spaces (newlines kept), so offsets and lines stay right. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * The visible text of an .astro file: its template's text between tags, and the string
 * literals in its frontmatter and in the template's {expressions} (where much of the Dutch is).
 * Scripts, styles, comments and attribute values are left out.
 */
export function astroText(source: string): Segment[] {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(source);
  const out: Segment[] = fm ? stringLiterals(fm[1]!, 4) : [];
  const start = fm ? fm[0].length : 0;
  let template = source.slice(start).replace(/<(script|style)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, blank);
  // The expressions: their string literals count, their code does not.
  let depth = 0;
  let exprStart = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '{') {
      if (depth === 0) exprStart = i;
      depth++;
    } else if (template[i] === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        const expr = template.slice(exprStart, i + 1);
        // JSX inside an expression: its text nodes are visible too.
        for (const m of expr.matchAll(/>([^<>{}]*\p{L}[^<>{}]*)</gu)) out.push({ text: m[1]!, offset: start + exprStart + m.index + 1 });
        out.push(...stringLiterals(expr.replace(/>[^<>{}]*</g, blank), start + exprStart));
        template = template.slice(0, exprStart) + blank(expr) + template.slice(i + 1);
      }
    }
  }
  // What is left: tags (attributes are not read) and the text between them.
  // A tag ends a text node: it becomes spaces and one "|", which no text node contains here.
  const text = template.replace(/<[^>]*>/g, (tag) => `${blank(tag).slice(1)}|`);
  let at = 0;
  for (const piece of text.split('|')) {
    if (/\p{L}/u.test(piece)) out.push({ text: piece, offset: start + at });
    at += piece.length + 1;
  }
  return out;
}

/** The line (1-based) of an offset in a file's text. */
export function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source[i] === '\n') line++;
  return line;
}
