/**
 * Facts carry over from the sources, sentences do not: no sentence of the site's own text shares
 * a run of 12 or more words with a sentence of a source, except inside quotation marks.
 * Words are compared lower case, without accents and punctuation ("mbo-diploma" is "mbo diploma"
 * on both sides). A failure names the file, the line and the shared words.
 *
 * Read are: the content (cases, instruments, organisation and source descriptions), the page
 * texts (the text between tags and the string literals of src/pages and src/components .astro
 * files) and the demo seeds' string literals (scripts/demo-*.ts, scripts/seed.ts).
 * Every source sentence's 12-word runs go in one Map first; each text is then one pass of lookups.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { haveSourceTexts, noSourceTexts, sourceText, sourceTextExists } from '../source-texts.ts';
import { astroText, filesUnder, lineAt, lineOf, mdxUnits, quotedPhrases, stringLiterals, withoutAddresses, wordsWithOffsets, yamlFileUnits, type TextUnit } from '../content-text.ts';
import { loadSourceRecords } from '#features/catalog/sources.ts';

const run = 12;

/** A source text's sentences: split at . ! ? and at line ends (headings, list items). */
function sourceSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}

/** Every 12-word run of a source sentence, with the source it is from. */
function sourceRuns(): Map<string, string> {
  const runs = new Map<string, string>();
  for (const source of loadSourceRecords()) {
    if (!sourceTextExists(source.id)) continue;
    for (const sentence of sourceSentences(sourceText(source.id))) {
      const words = wordsWithOffsets(sentence).map((w) => w.word);
      for (let i = 0; i + run <= words.length; i++) runs.set(words.slice(i, i + run).join(' '), source.id);
    }
  }
  return runs;
}

/**
 * The runs a text shares with the sources: quoted phrases and sentence ends break a run.
 * Each finding is "line: “shared words” (source)"; `lineOfOffset` turns an offset into a line.
 */
function sharedRuns(text: string, runs: Map<string, string>, lineOfOffset: (offset: number) => number): { line: number; words: string; source: string }[] {
  let own = text;
  // A quotation becomes a sentence end (same length, so offsets stay right).
  for (const q of quotedPhrases(text)) own = own.slice(0, q.start) + '. '.padEnd(q.end - q.start, ' ') + own.slice(q.end);
  const found: { line: number; words: string; source: string }[] = [];
  let offset = 0;
  for (const sentence of own.split(/(?<=[.!?;:]\s+)/)) {
    const words = wordsWithOffsets(sentence);
    let i = 0;
    while (i + run <= words.length) {
      const source = runs.get(words.slice(i, i + run).map((w) => w.word).join(' '));
      if (!source) {
        i++;
        continue;
      }
      // Extend the run as far as it keeps matching the sources.
      let end = i + run;
      while (end < words.length && runs.has(words.slice(end - run + 1, end + 1).map((w) => w.word).join(' '))) end++;
      found.push({ line: lineOfOffset(offset + words[i]!.offset), words: words.slice(i, end).map((w) => w.word).join(' '), source });
      i = end;
    }
    offset += sentence.length;
  }
  return found;
}

const show = (file: string, f: { line: number; words: string; source: string }) => `${file}:${f.line}: “${f.words}” (${f.source})`;

describe.skipIf(!haveSourceTexts)(`geen zinnen bijna letterlijk uit de bronnen${haveSourceTexts ? '' : ` (${noSourceTexts})`}`, () => {
  const runs = haveSourceTexts ? sourceRuns() : new Map<string, string>();
  const ofUnits = (units: TextUnit[]) => units.flatMap((unit) => sharedRuns(withoutAddresses(unit.text), runs, (offset) => lineAt(unit, offset)).map((f) => show(unit.file, f)));
  const ofSegments = (file: string, segments: (source: string) => { text: string; offset: number }[]) => {
    const source = readFileSync(file, 'utf8');
    return segments(source).flatMap((s) => sharedRuns(s.text, runs, (offset) => lineOf(source, s.offset + offset)).map((f) => show(file, f)));
  };

  test('de bronnen geven genoeg om mee te vergelijken', () => {
    expect(runs.size).toBeGreaterThan(1000);
  });

  test.each(['cases', 'instruments'])('content/%s', (dir) => {
    expect(filesUnder(`content/${dir}`, /\.mdx$/).flatMap((file) => ofUnits(mdxUnits(file)))).toEqual([]);
  });

  test('content/organisations en content/sources', () => {
    expect([...ofUnits(yamlFileUnits('content/organisations/organisations.yaml')), ...ofUnits(yamlFileUnits('content/sources/sources.yaml'))]).toEqual([]);
  });

  test('de teksten van de pagina’s (src/pages, src/components)', () => {
    const files = [...filesUnder('src/pages', /\.astro$/), ...filesUnder('src/components', /\.astro$/)];
    expect(files.flatMap((file) => ofSegments(file, astroText))).toEqual([]);
  });

  test('de demodata (scripts/demo-*.ts, scripts/seed.ts)', () => {
    const files = [...filesUnder('scripts', /^demo-.*\.ts$/), 'scripts/seed.ts'];
    expect(files.flatMap((file) => ofSegments(file, (source) => stringLiterals(source)))).toEqual([]);
  });
});

describe('hoe teksten gelezen worden', () => {
  test('de zichtbare tekst van een .astro-bestand: tekst tussen tags en de strings in code, geen attributen, scripts of opmaak', () => {
    const source = `---
const notice = 'Het concept is opgeslagen.';
// Een opmerking met zo'n apostrof telt niet.
---
<p class="utrecht-paragraph">Zichtbare tekst {draft ? 'een keuze' : <span>in JSX</span>}.</p>
<script>const verborgen = 'niet zichtbaar';</script>
<style>.x { content: 'ook niet'; }</style>`;
    const texts = astroText(source).map((s) => s.text.replace(/\s+/g, ' ').trim()).join(' | ');
    for (const visible of ['Het concept is opgeslagen.', 'Zichtbare tekst', 'een keuze', 'in JSX']) expect(texts).toContain(visible);
    expect(texts).not.toMatch(/utrecht-paragraph|niet zichtbaar|ook niet|opmerking/);
    const line = astroText(source).find((s) => s.text.includes('een keuze'))!;
    expect(lineOf(source, line.offset)).toBe(5);
  });

  test('een gedeelde reeks van 12 woorden wordt gevonden, ook met andere hoofdletters en leestekens; tussen aanhalingstekens niet', () => {
    const runs = new Map<string, string>();
    const words = 'als onderdeel van het amsterdamse banenpact creeren we 2 000 nieuwe gesubsidieerde basisbanen'.split(' ');
    for (let i = 0; i + run <= words.length; i++) runs.set(words.slice(i, i + run).join(' '), 'bron.txt');
    const at = () => 1;
    expect(sharedRuns('Zo: als onderdeel van het Amsterdamse banenpact creëren we 2.000 nieuwe gesubsidieerde basisbanen!', runs, at)).toEqual([
      { line: 1, words: words.join(' '), source: 'bron.txt' },
    ]);
    expect(sharedRuns('Het programma zegt: "Als onderdeel van het Amsterdamse banenpact creëren we 2.000 nieuwe gesubsidieerde basisbanen."', runs, at)).toEqual([]);
    expect(sharedRuns('Als onderdeel van het Amsterdamse banenpact komen er 2.000 nieuwe gesubsidieerde basisbanen.', runs, at)).toEqual([]);
  });
});
