/** MDX from the editor cannot run code: hostile bodies are refused, with the line named. */
import { describe, expect, test } from 'vitest';
import { mdxBodyProblems, mdxProblemsText } from '#features/editor/mdx-safety.ts';
import { renderDraftBody } from '#features/editor/preview.ts';
import { CASE_BODY_TEMPLATE } from '#features/editor/case-form.ts';

const ENGLISH = /\b(Unexpected|expected|character|Invalid)\b/;

describe('MDX-veiligheid', () => {
  test('gewone Markdown en het sjabloon met de vier kopjes mogen', () => {
    expect(mdxBodyProblems(CASE_BODY_TEMPLATE)).toEqual([]);
    expect(mdxBodyProblems('## Kop\n\nTekst met **vet**, _schuin_ en [een link](https://voorbeeld.nl).\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\nAccolades als teken: \\{ en \\}.')).toEqual([]);
  });

  const hostile: [string, string, number][] = [
    ['import', 'Eerst tekst.\n\nimport fs from "node:fs"', 3],
    ['export', 'export const x = process.exit()', 1],
    ['expressie', 'Tekst\n\n{process.exit()}', 3],
    ['expressie in een zin', 'Er zijn {1 + 1} banen.', 1],
    ['img met onerror', '<img src="x" onerror="alert(1)" />', 1],
    ['script', 'a\n\n<script>alert(1)</script>', 3],
    ['style', '<style>{"body{display:none}"}</style>', 1],
    ['JSX-spread', '<Banner {...props} />', 1],
    ['expressie in een attribuut', '<a href={"javascript:alert(1)"}>klik</a>', 1],
    ['HTML-commentaar dat een expressie verbergt', 'tekst\n\n<!-- {process.exit()} -->', 3],
    ['frontmatter in de tekst', '---\ntitle: "Gekaapt"\n---\n\nTekst', 1],
    ['javascript-link', '[klik](javascript:alert(1))', 1],
    ['data-afbeelding', '![x](data:text/html;base64,PHNjcmlwdD4=)', 1],
    // The MDX build imports a relative image address: this would read a file at build time.
    ['afbeelding met een relatief adres (de build importeert het bestand)', 'Tekst\n\n![logo](../../../.env?raw)', 3],
    ['afbeelding naast de tekst', '![x](./a.png)', 1],
    ['afbeelding via een verwijzing', '![logo][l]\n\n[l]: ../../geheim.txt', 1],
    ['link zonder protocol naar een andere site', '[klik](//elders.example/)', 1],
    ['onbekend onderdeel', 'Tekst\n\n<Grafiek data="x" />', 3],
    ['fragment', '<>tekst</>', 1],
    ['ingesprongen code (voorbeeld en site lezen het anders)', 'Tekst\n\n    niet code op de site', 3],
  ];
  test.each(hostile)('%s wordt geweigerd, met de regel erbij', (_name, body, line) => {
    const problems = mdxBodyProblems(body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(line);
    const text = mdxProblemsText(problems);
    expect(text).toMatch(new RegExp(`^Regel ${line}: `));
    expect(text).not.toMatch(ENGLISH);
  });

  test('de regel telt mee met de frontmatter erboven', () => {
    expect(mdxBodyProblems('a\n\n{x}', 20)[0]!.line).toBe(23);
  });

  test('het voorbeeld voert niets uit: een geweigerde tekst geeft geen HTML, een goede alleen opmaak', async () => {
    expect(await renderDraftBody('{process.exit()}')).toBeNull();
    expect(await renderDraftBody('<script>alert(1)</script>')).toBeNull();
    const html = await renderDraftBody('## De situatie\n\nHet werkt "goed".');
    expect(html).toContain('<h2 id="de-situatie">De situatie</h2>');
    // Typographic quotes, as the build makes them (the same Astro Markdown processor).
    expect(html).toContain('“goed”');
  });
});
