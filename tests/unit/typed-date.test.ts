import { describe, expect, test } from 'vitest';
import { normaliseTypedDate, parseTypedDate, typedDateProblem } from '#domain/typed-date.ts';
import { dateField } from '#platform/date-field.ts';

const day = (text: string) => {
  const typed = parseTypedDate(text);
  return typed.ok ? typed.day : typed.message;
};

describe('een datum zoals mensen die typen', () => {
  test.each([
    ['1-3-2027'],
    ['01-03-2027'],
    ['1/3/2027'],
    ['01/03/2027'],
    ['1.3.2027'],
    ['1 maart 2027'],
    ['1 Maart 2027'],
    ['1 mrt 2027'],
    ['1 mrt. 2027'],
    ['1-mrt-2027'],
    ['  1  maart  2027 '],
    ['maandag 1 maart 2027'],
    ['2027-03-01'],
    ['2027-3-1'],
  ])('%s is 1 maart 2027', (text) => {
    expect(day(text)).toBe('2027-03-01');
  });

  test.each([
    ['29-2-2028', '2028-02-29'],
    ['31 december 2026', '2026-12-31'],
    ['15 okt 2027', '2027-10-15'],
    ['1 sept 2027', '2027-09-01'],
    ['7 mei 2027', '2027-05-07'],
  ])('%s is %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  test.each([
    ['31-2-2027', '31 februari 2027 bestaat niet: februari 2027 heeft 28 dagen. Kies een andere dag.'],
    ['29-2-2027', '29 februari 2027 bestaat niet: februari 2027 heeft 28 dagen. Kies een andere dag.'],
    ['31 april 2027', '31 april 2027 bestaat niet: april 2027 heeft 30 dagen. Kies een andere dag.'],
    ['2027-02-30', '30 februari 2027 bestaat niet: februari 2027 heeft 28 dagen. Kies een andere dag.'],
    ['0-3-2027', '0 maart 2027 bestaat niet: maart 2027 heeft 31 dagen. Kies een andere dag.'],
  ])('%s bestaat niet, en dat staat er', (text, message) => {
    expect(parseTypedDate(text)).toEqual({ ok: false, reason: 'impossible', message });
  });

  test('maand 13 bestaat niet', () => {
    expect(parseTypedDate('1-13-2027')).toMatchObject({ ok: false, reason: 'impossible', message: expect.stringMatching(/maand 13 bestaat niet/) });
  });

  test.each([['morgen'], ['1 maart'], ['1-3-27'], ['2027'], ['1 marz 2027'], ['1-3/2027'], ['x'.repeat(500)]])('%s is geen datum die we lezen', (text) => {
    const typed = parseTypedDate(text);
    expect(typed.ok).toBe(false);
    expect(typed.ok ? '' : typed.message).toMatch(/1-3-2027 of 1 maart 2027|vier cijfers|kennen we niet als maand/);
  });

  test('een onbekende maand wordt genoemd', () => {
    expect(parseTypedDate('1 marz 2027')).toMatchObject({ ok: false, message: expect.stringMatching(/^"marz" kennen we niet als maand/) });
  });

  test.each([[''], ['   '], [null], [undefined]])('leeg (%j) is leeg', (text) => {
    expect(parseTypedDate(text)).toEqual({ ok: false, reason: 'empty', message: 'Vul een datum in.' });
    expect(typedDateProblem(text ?? '')).toBeUndefined();
  });

  test('normaliseren laat een onleesbare tekst staan zoals getypt, voor de melding', () => {
    expect(normaliseTypedDate(' 1 maart 2027 ')).toBe('2027-03-01');
    expect(normaliseTypedDate(' 31-2-2027 ')).toBe('31-2-2027');
    expect(typedDateProblem('31-2-2027')).toMatch(/bestaat niet/);
  });
});

describe('het datumveld van de formulieren', () => {
  const required = dateField({ required: 'Vul een sluitingsdatum in.', check: (d) => (d < '2027-01-01' ? 'Te vroeg.' : undefined) });
  const optional = dateField();

  test('leest Nederlands en geeft jjjj-mm-dd', () => {
    expect(required.parse('1 maart 2027')).toBe('2027-03-01');
    expect(optional.parse('1-3-2027')).toBe('2027-03-01');
  });

  test('leeg: verplicht geeft de eigen melding, niet verplicht geeft null', () => {
    expect(required.safeParse(null).error?.issues[0]?.message).toBe('Vul een sluitingsdatum in.');
    expect(required.safeParse('').error?.issues[0]?.message).toBe('Vul een sluitingsdatum in.');
    expect(optional.parse(null)).toBeNull();
    expect(optional.parse('  ')).toBeNull();
  });

  test('een onmogelijke dag en de eigen regel geven hun melding', () => {
    expect(required.safeParse('31-2-2027').error?.issues[0]?.message).toMatch(/31 februari 2027 bestaat niet/);
    expect(required.safeParse('1-3-2026').error?.issues[0]?.message).toBe('Te vroeg.');
  });
});
