/**
 * The real content pipeline (astro sync) on a copy of the project with one broken file:
 * it must fail and name the file and the field, so a curator knows what to fix. One copy for
 * the file; each case breaks one file and puts it back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, type ProjectCopy } from './project-copy.ts';

let copy: ProjectCopy;
beforeAll(() => {
  copy = copyProject('content');
});
afterEach(() => copy.restore());
afterAll(() => copy?.remove());

/** Breaks one file of the copy and runs astro sync on it. */
function syncWith(path: string, change: (text: string) => string) {
  const before = copy.read(path);
  const after = change(before);
  expect(after, 'de test breekt het bestand echt').not.toBe(before);
  copy.write(path, after);
  return copy.sync();
}

describe('de build weigert foute inhoud', () => {
  test('een onbekend instrument in een praktijkvoorbeeld noemt bestand en veld', () => {
    const result = syncWith('content/cases/postnl-pakketsorteercentra.mdx', (text) => text.replace(/^instruments: .*$/m, 'instruments: [wondermiddel]'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('postnl-pakketsorteercentra');
    expect(result.output).toContain('instruments.0: "wondermiddel" staat niet in de lijst instrumenten');
  });

  test('een praktijkvoorbeeld zonder bron noemt bestand en veld', () => {
    const result = syncWith('content/cases/zwolle-regelluw-werken.mdx', (text) => text.replace(/^sources: .*$/m, 'sources: []'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('zwolle-regelluw-werken');
    expect(result.output).toContain('sources: noem minstens één bron');
  });

  test('een uitspraak van een onbekende gemeente in een instrument noemt bestand en veld', () => {
    const result = syncWith('content/instruments/basisbaan.mdx', (text) => text.replace(/municipality: utrecht/, 'municipality: gotham'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('basisbaan');
    expect(result.output).toMatch(/stances\.\d+\.municipality: onbekende gemeente "gotham"/);
  });
});
