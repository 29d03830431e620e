/**
 * Pitch Markdown from municipality staff becomes safe HTML (docs/architecture.md): nothing that runs,
 * styles or loads survives, links only go to http(s) or mailto, headings stay below the page's
 * own; and a plain-text excerpt for cards, meta descriptions and search snippets.
 */
import { describe, expect, test } from 'vitest';
import { plainTextExcerpt, renderUserMarkdown, USER_MARKDOWN_MAX_LENGTH } from '#platform/markdown/render-user-markdown.ts';

/** `html` with numeric and the usual named character references decoded, as a browser reads an attribute. */
function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/' };
  return html
    .replace(/&#x([\da-f]+);?/giu, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/gu, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/giu, (whole, name: string) => named[name.toLowerCase()] ?? whole);
}

/** The only tags and attributes user Markdown may produce. */
const ALLOWED_TAGS = ['p', 'br', 'em', 'strong', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'a'];
const ALLOWED_ATTRIBUTES = ['href', 'rel', 'start'];

/** Asserts that `html` carries nothing that runs, styles, loads or navigates to a script. */
function expectHarmless(html: string): void {
  for (const [, tag = '', attributes = ''] of html.matchAll(/<\/?([^\s>/]+)([^>]*)>/gu)) {
    expect(ALLOWED_TAGS).toContain(tag.toLowerCase());
    for (const [, name = '', value = ''] of attributes.matchAll(/([^\s=]+)(?:="([^"]*)")?/gu)) {
      expect(ALLOWED_ATTRIBUTES).toContain(name);
      if (name === 'href') expect(decodeEntities(value)).toMatch(/^(https?:\/\/|mailto:)/u);
    }
  }
  for (const form of [html, decodeEntities(html)]) {
    // Browsers ignore tabs, newlines and leading controls in a scheme: so do we when looking.
    // eslint-disable-next-line no-control-regex -- squeezes out the controls a browser ignores in a scheme
    const squeezed = form.replace(/[\u0000-\u0020]/gu, '').toLowerCase();
    expect(squeezed).not.toMatch(/javascript:|data:|vbscript:/u);
    expect(form).not.toMatch(/<script|<img|<iframe|<svg|<style|<form|<input|<object|<embed|<math|<!--/iu);
    expect(form).not.toMatch(/\son\w+\s*=/iu);
    expect(form).not.toMatch(/style\s*=/iu);
    expect(form).not.toMatch(/\s(class|id|target|src)\s*=/iu);
  }
}

const hostileInputs: [string, string][] = [
  ['een script-tag', '<script>alert(1)</script>'],
  ['een script-tag midden in een zin', 'Hallo <script>alert(1)</script> wereld'],
  ['een img met onerror', '<img src=x onerror=alert(1)>'],
  ['een iframe', '<iframe src="https://evil.example"></iframe>'],
  ['een svg met onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['math', '<math><mtext><script>alert(1)</script></mtext></math>'],
  ['object en embed', '<object data="x.swf"></object><embed src="x.swf">'],
  ['een style-blok', '<style>body { display: none }</style>'],
  ['een link naar javascript:', '[x](javascript:alert(1))'],
  ['een link naar JaVaScRiPt:', '[x](JaVaScRiPt:alert(1))'],
  ['een link naar data:', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['een link naar vbscript:', '[x](vbscript:msgbox(1))'],
  ['een link met spatie voor javascript:', '[x]( javascript:alert(1))'],
  ['een link met tab als entiteit in het schema', '[x](java&#x09;script:alert(1))'],
  ['een link met het schema als entiteiten', '[x](&#106;&#97;vascript&colon;alert(1))'],
  ['een link met een stuurteken ervoor', '[x](&#1;javascript:alert(1))'],
  ['een referentielink naar javascript:', '[x][1]\n\n[1]: javascript:alert(1)'],
  ['een verkorte referentielink naar javascript:', '[x]\n\n[x]: <JavaScript:alert(1)> "titel"'],
  ['een autolink naar javascript:', '<javascript:alert(1)>'],
  ['een autolink naar data:', '<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>'],
  ['een autolink naar vbscript: met hoofdletters', '<VBScript:msgbox(1)>'],
  ['een html-link naar javascript:', '<a href="javascript:alert(1)">klik</a>'],
  ['een html-link met entiteiten', '<a href="&#106;avascript:alert(1)">klik</a>'],
  ['een div met style', '<div style="position:fixed;inset:0">tekst</div>'],
  ['een p met onclick', '<p onclick=alert(1)>tekst</p>'],
  ['een span met class en id', 'a <span class="x" id="y">b</span> c'],
  ['een Markdown-afbeelding', '![x](https://evil.example/a.png)'],
  ['een afbeelding als referentie', '![x][plaatje]\n\n[plaatje]: https://evil.example/a.png'],
  ['een afbeelding in een link', '[![x](https://evil.example/a.png)](https://example.nl)'],
  ['een formulier', '<form action="https://evil.example"><input name="wachtwoord"><button>OK</button></form>'],
  ['een html-commentaar', 'voor <!-- <script>alert(1)</script> --> na'],
  ['een attribuut dat uit de href breekt', '[x](<https://example.nl" onmouseover="alert(1)>)'],
  ['een aanhalingsteken in het pad van een geldige link', '[x](<https://example.nl/" onmouseover="alert(1)>)'],
  ['een titel die uit het attribuut breekt', '[x](https://example.nl "a\\" onmouseover=\\"alert(1)")'],
  ['een codeblok met taal-klasse', '```"><script>alert(1)</script>\nx\n```'],
];

describe('vijandige Markdown wordt onschadelijk', () => {
  test.each(hostileInputs)('%s', (_what, markdown) => {
    expectHarmless(renderUserMarkdown(markdown));
  });

  test('een geweigerde link houdt zijn woorden, zonder link', () => {
    expect(renderUserMarkdown('[lees meer](javascript:alert(1))')).toBe('<p>lees meer</p>');
    expect(renderUserMarkdown('[x][1]\n\n[1]: javascript:alert(1)')).toBe('<p>x</p>');
  });

  test('een geweigerde autolink verdwijnt helemaal: zijn woorden zijn het adres', () => {
    expect(renderUserMarkdown('zie <javascript:alert(1)>')).toBe('<p>zie </p>');
  });

  test('een relatieve link wordt gewone tekst (alleen http:, https: en mailto:)', () => {
    expect(renderUserMarkdown('[pad](/beheer) en [x](//evil.example)')).toBe('<p>pad en x</p>');
  });

  test('ruwe HTML valt weg, de tekst eromheen blijft', () => {
    expect(renderUserMarkdown('Hallo <b onclick="x">wereld</b>!')).toBe('<p>Hallo wereld!</p>');
    expect(renderUserMarkdown('<div>\nblok\n</div>\n\nAlinea')).toBe('<p>Alinea</p>');
  });

  test('het woord javascript: in gewone tekst blijft onschuldige tekst, zonder link', () => {
    const html = renderUserMarkdown('Typ nooit javascript:alert(1) in de adresbalk.');
    expect(html).toBe('<p>Typ nooit javascript:alert(1) in de adresbalk.</p>');
  });
});

describe('wat een pitch mag', () => {
  test('koppen zakken twee niveaus: de pagina heeft h1 en h2', () => {
    expect(renderUserMarkdown('# Een')).toBe('<h3>Een</h3>');
    expect(renderUserMarkdown('## Twee')).toBe('<h4>Twee</h4>');
    expect(renderUserMarkdown('### Drie')).toBe('<h5>Drie</h5>');
    expect(renderUserMarkdown('###### Zes')).toBe('<h5>Zes</h5>');
    expect(renderUserMarkdown('Setext\n===\n\nTwee\n---')).toBe('<h3>Setext</h3>\n<h4>Twee</h4>');
    expect(renderUserMarkdown('<h1>ruw</h1>\n\n# a\n## b')).not.toMatch(/<h[12][\s>]/u);
  });

  test('een gewone https-link blijft, met rel en zonder target', () => {
    expect(renderUserMarkdown('Zie [de regeling](https://www.example.nl/regeling?jaar=2026#kosten).')).toBe(
      '<p>Zie <a href="https://www.example.nl/regeling?jaar=2026#kosten" rel="nofollow noopener noreferrer">de regeling</a>.</p>',
    );
  });

  test('mailto-links, autolinks en referentielinks werken', () => {
    expect(renderUserMarkdown('<info@gemeente.example>')).toBe('<p><a href="mailto:info@gemeente.example" rel="nofollow noopener noreferrer">info@gemeente.example</a></p>');
    expect(renderUserMarkdown('<https://example.nl>')).toBe('<p><a href="https://example.nl/" rel="nofollow noopener noreferrer">https://example.nl</a></p>');
    expect(renderUserMarkdown('[hier][r]\n\n[r]: HTTPS://Example.NL/a "titel"')).toBe('<p><a href="https://example.nl/a" rel="nofollow noopener noreferrer">hier</a></p>');
  });

  test('lijsten, nadruk en citaten', () => {
    expect(renderUserMarkdown('- *een*\n- **twee**\n\n3. drie\n4. vier')).toBe(
      '<ul>\n<li><em>een</em></li>\n<li><strong>twee</strong></li>\n</ul>\n<ol start="3">\n<li>drie</li>\n<li>vier</li>\n</ol>',
    );
    expect(renderUserMarkdown('> Wij zoeken\n> een werkgever')).toBe('<blockquote>\n<p>Wij zoeken<br>\neen werkgever</p>\n</blockquote>');
  });

  test('alinea’s en regeleinden: één Enter is een nieuwe regel, een lege regel een nieuwe alinea', () => {
    expect(renderUserMarkdown('Gemeente Voorbeeld\nPostbus 1\n\nTweede alinea')).toBe('<p>Gemeente Voorbeeld<br>\nPostbus 1</p>\n<p>Tweede alinea</p>');
    expect(renderUserMarkdown('een  \ntwee\\\ndrie')).toBe('<p>een<br>\ntwee<br>\ndrie</p>');
  });

  test('code is gewone tekst in code en pre, zonder klasse', () => {
    expect(renderUserMarkdown('Gebruik `<b>` niet.\n\n```html\n<p class="x">a & b</p>\n```')).toBe(
      '<p>Gebruik <code>&#x3C;b></code> niet.</p>\n<pre><code>&#x3C;p class="x">a &#x26; b&#x3C;/p>\n</code></pre>',
    );
  });

  test('een afbeelding wordt haar alt-tekst', () => {
    expect(renderUserMarkdown('![Foto van het team](https://example.nl/team.jpg)')).toBe('<p>Foto van het team</p>');
  });

  test('Nederlandse tekens blijven heel', () => {
    expect(renderUserMarkdown('Coöperatie ’t Hoekje: ideeën, café, naïef — ruïne')).toBe('<p>Coöperatie ’t Hoekje: ideeën, café, naïef — ruïne</p>');
  });

  test('< in tekst wordt ontsnapt', () => {
    expect(renderUserMarkdown('Kosten < 500 euro & 3<4')).toBe('<p>Kosten &#x3C; 500 euro &#x26; 3&#x3C;4</p>');
  });

  test('lege invoer geeft lege uitvoer', () => {
    expect(renderUserMarkdown('')).toBe('');
    expect(renderUserMarkdown('  \n\n ')).toBe('');
  });
});

describe('grenzen', () => {
  test(`alles na ${USER_MARKDOWN_MAX_LENGTH} tekens valt weg`, () => {
    expect(renderUserMarkdown('x'.repeat(USER_MARKDOWN_MAX_LENGTH + 5000))).toBe(`<p>${'x'.repeat(USER_MARKDOWN_MAX_LENGTH)}</p>`);
  });

  test('afkappen splitst geen teken dat uit twee UTF-16-eenheden bestaat', () => {
    const html = renderUserMarkdown(`${'x'.repeat(USER_MARKDOWN_MAX_LENGTH - 1)}😀`);
    expect(html).toBe(`<p>${'x'.repeat(USER_MARKDOWN_MAX_LENGTH - 1)}</p>`);
  });

  test('diep nesten laat de stack niet overlopen', () => {
    expect(() => renderUserMarkdown('> '.repeat(10_000) + 'x')).not.toThrow();
    expect(() => renderUserMarkdown('- '.repeat(10_000) + 'x')).not.toThrow();
    expect(() => plainTextExcerpt('> '.repeat(10_000) + 'x')).not.toThrow();
  });

  test('dezelfde invoer geeft dezelfde uitvoer', () => {
    const markdown = '# Kop\n\nTekst met [link](https://example.nl) en *nadruk*.';
    expect(renderUserMarkdown(markdown)).toBe(renderUserMarkdown(markdown));
  });
});

describe('platte tekst als uittreksel', () => {
  test('zonder opmaak, witruimte samengevoegd, blokken gescheiden door een spatie', () => {
    expect(plainTextExcerpt('# Kop\n\nEen **alinea** met [link](https://x.nl) en `code`.\n\n- een\n- twee\n\n> citaat')).toBe(
      'Kop Een alinea met link en code. een twee citaat',
    );
    expect(plainTextExcerpt('een\\\ntwee   drie\n\tvier')).toBe('een twee drie vier');
  });

  test('ruwe HTML en commentaar vallen weg, entiteiten worden tekens', () => {
    expect(plainTextExcerpt('<script>alert(1)</script>\n\nTekst <!-- geheim --> &amp; meer')).toBe('Tekst & meer');
  });

  test('afbeeldingen laten hun alt-tekst achter, linkdefinities niets', () => {
    expect(plainTextExcerpt('![Foto](https://x.nl/a.jpg) [x][1]\n\n[1]: https://x.nl')).toBe('Foto x');
  });

  test('korte tekst blijft heel, zonder …', () => {
    expect(plainTextExcerpt('Wij zoeken een werkgever.', 200)).toBe('Wij zoeken een werkgever.');
    expect(plainTextExcerpt('precies tien', 12)).toBe('precies tien');
  });

  test('lange tekst wordt op een woordgrens afgekapt met …', () => {
    const text = 'Wij zoeken een werkgever die twee kandidaten een basisbaan wil bieden in de groenvoorziening.';
    const excerpt = plainTextExcerpt(text, 40);
    expect(excerpt).toBe('Wij zoeken een werkgever die twee…');
    expect([...excerpt].length).toBeLessThanOrEqual(40);
    expect(plainTextExcerpt('woord '.repeat(20), 12)).toBe('woord woord…');
    expect(plainTextExcerpt('een, twee, drie, vier', 12)).toBe('een, twee…');
  });

  test('één heel lang woord wordt hard afgekapt', () => {
    expect(plainTextExcerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  test('tekens tellen als tekens: ë en emoji worden niet gesplitst', () => {
    expect(plainTextExcerpt('ëëëëëëëëëë', 5)).toBe('ëëëë…');
    expect(plainTextExcerpt('😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });

  test('standaard hoogstens 200 tekens', () => {
    expect([...plainTextExcerpt('woord '.repeat(100))].length).toBeLessThanOrEqual(200);
    expect(plainTextExcerpt('woord '.repeat(100)).endsWith('woord…')).toBe(true);
  });

  test('een onzinnige maximale lengte is een programmeerfout', () => {
    expect(() => plainTextExcerpt('x', 0)).toThrow(RangeError);
    expect(() => plainTextExcerpt('x', 2.5)).toThrow(RangeError);
  });
});
