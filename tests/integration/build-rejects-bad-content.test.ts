/**
 * The real content pipeline (astro sync) on a copy of the project with one broken file:
 * it must fail and name the file and the field, so a curator knows what to fix.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function copyProject(): string {
  const target = mkdtempSync(join(tmpdir(), 'praktijkplein-content-'));
  for (const entry of ['content', 'src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(entry, join(target, entry), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(target, 'node_modules'), 'dir');
  return target;
}

function sync(cwd: string) {
  return spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
}

describe('de build weigert foute inhoud', () => {
  test('een onbekend instrument in een praktijkvoorbeeld noemt bestand en veld', () => {
    dir = copyProject();
    const file = join(dir, 'content/cases/postnl-pakketsorteercentra.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^instruments: .*$/m, 'instruments: [wondermiddel]'));
    const result = sync(dir);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('postnl-pakketsorteercentra');
    expect(output).toContain('instruments.0: "wondermiddel" staat niet in de lijst instrumenten');
  });

  test('een praktijkvoorbeeld zonder bron noemt bestand en veld', () => {
    dir = copyProject();
    const file = join(dir, 'content/cases/zwolle-regelluw-werken.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^sources: .*$/m, 'sources: []'));
    const result = sync(dir);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('zwolle-regelluw-werken');
    expect(output).toContain('sources: noem minstens één bron');
  });

  test('een uitspraak van een onbekende gemeente in een instrument noemt bestand en veld', () => {
    dir = copyProject();
    const file = join(dir, 'content/instruments/basisbaan.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/municipality: utrecht/, 'municipality: gotham'));
    const result = sync(dir);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('basisbaan');
    expect(output).toMatch(/stances\.\d+\.municipality: onbekende gemeente "gotham"/);
  });
});
