/**
 * The site's one CSV writer, as Dutch Excel reads it: UTF-8 with a byte order mark, ';' between
 * fields, CRLF rows, RFC 4180 quoting, formula cells defused, and a dataset's rows with their
 * Dutch headers, lists in one cell and yes/no. Each file is read back with the site's own reader.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { csvCell, parseCsv, toCsv } from '#platform/csv.ts';
import { columnsOf, csvValueOf } from '#features/open-data/columns.ts';
import { datasetCsv } from '#features/open-data/output.ts';
import { defineDataset, type AnyOpenDataset } from '#features/open-data/dataset.ts';
import { optionalText, text, texts, yesNo, count } from '#features/open-data/fields.ts';

describe('een CSV-bestand voor Excel', () => {
  test('begint met de byte order mark, scheidt met ";" en eindigt elke regel met CRLF', () => {
    const csv = toCsv(['Naam', 'Plaats'], [['Zoë', 'Súdwest-Fryslân'], ['Jan', 'Den Haag']]);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe('\uFEFFNaam;Plaats\r\nZoë;Súdwest-Fryslân\r\nJan;Den Haag\r\n');
  });

  test('een veld met ";", een aanhalingsteken of een regeleinde staat tussen aanhalingstekens, die verdubbeld', () => {
    expect(csvCell('Coöperatie; "buddy" en\njobcoach')).toBe('"Coöperatie; ""buddy"" en\njobcoach"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell(' spatie voor')).toBe('" spatie voor"');
    expect(csvCell('gewoon, met komma')).toBe('gewoon, met komma');
  });

  test('een cel die een spreadsheet als formule leest, krijgt een apostrof ervoor', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('  =1')).toBe("'  =1");
    expect(csvCell('\0x')).toBe("'\0x");
    expect(csvCell('=HYPERLINK("http://evil.example";"klik")')).toBe(`"'=HYPERLINK(""http://evil.example"";""klik"")"`);
    // Numbers are numbers, not formulas; an empty cell stays empty.
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  test('teruggelezen geeft het bestand dezelfde tekst, Nederlandse tekens en regeleinden in een cel incluis', () => {
    const rows = [
      ['Zoë Çelik-Ünal', 'coöperatie; "één" of twee', 'regel één\r\nregel twee'],
      ['IJsselmonde', 'Fryslân – ’s-Hertogenbosch', '€ 1.000,50'],
    ];
    const read = parseCsv(toCsv(['Naam', 'Tekst', 'Meer'], rows), ';');
    expect(read).toEqual(rows.map(([Naam, Tekst, Meer]) => ({ Naam, Tekst, Meer })));
  });
});

describe('de rijen van een dataset als CSV', () => {
  const row = z.object({
    id: text('Id', 'Het id.'),
    naam: text('Naam', 'De naam.'),
    doelgroepen: texts('Doelgroepen', 'Voor wie.'),
    aantal: count('Aantal', 'Hoeveel.'),
    toelichting: optionalText('Toelichting', 'Meer.'),
    demo: yesNo('Demo', 'Verzonnen.'),
  });
  const dataset = defineDataset({
    name: 'proef',
    title: 'Proef',
    description: 'Een dataset voor deze test.',
    listPath: '/proef/',
    row,
    idOf: (item) => item.id,
    filterParameters: [],
    parseFilters: () => ({ ok: true, filters: {} }),
    queryOf: () => new URLSearchParams(),
    list: async () => [],
    get: async () => undefined,
    lastModified: () => undefined,
  }) as unknown as AnyOpenDataset;

  test('de kopjes komen uit het rijschema; een lijst staat in één cel, ja/nee in het Nederlands, niets als lege cel', () => {
    const csv = datasetCsv(dataset, [
      { id: 'a', naam: '=gevaar', doelgroepen: ['Jongeren', 'Mensen in de bijstand'], aantal: 3, toelichting: null, demo: true },
      { id: 'b', naam: 'Zoë', doelgroepen: [], aantal: 0, toelichting: 'met; puntkomma', demo: false },
    ]);
    expect(csv.split('\r\n')).toEqual(['\uFEFFId;Naam;Doelgroepen;Aantal;Toelichting;Demo', "a;'=gevaar;Jongeren | Mensen in de bijstand;3;;ja", 'b;Zoë;;0;"met; puntkomma";nee', '']);
    expect(parseCsv(csv, ';')[1]).toEqual({ Id: 'b', Naam: 'Zoë', Doelgroepen: '', Aantal: '0', Toelichting: 'met; puntkomma', Demo: 'nee' });
  });

  test('een veld zonder Nederlands kopje of beschrijving is een fout in het schema, geen naamloze kolom', () => {
    expect(() => columnsOf(z.object({ id: z.string() }))).toThrow(/Veld "id" mist/);
    expect(columnsOf(row).map((column) => column.title)).toEqual(['Id', 'Naam', 'Doelgroepen', 'Aantal', 'Toelichting', 'Demo']);
    expect(csvValueOf(false)).toBe('nee');
  });
});
