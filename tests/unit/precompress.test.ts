import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { precompressDir } from '../../src/integrations/precompress.ts';

const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('tekstbestanden krijgen een brotli- en gzipkopie met dezelfde inhoud; afbeeldingen, Pagefind-fragmenten en kleine bestanden niet', async () => {
  const page = `<!doctype html><title>x</title>${'<p>Praktijkplein</p>'.repeat(200)}`;
  mkdirSync(join(dir, 'a', 'pagefind', 'fragment'), { recursive: true });
  writeFileSync(join(dir, 'a', 'index.html'), page);
  writeFileSync(join(dir, 'a', 'logo.png'), Buffer.alloc(4000, 1));
  writeFileSync(join(dir, 'a', 'pagefind', 'fragment', 'nl_1a2b3c4.pf_fragment'), Buffer.alloc(4000, 2));
  writeFileSync(join(dir, 'tiny.txt'), 'x');
  await precompressDir(dir);
  expect(brotliDecompressSync(readFileSync(join(dir, 'a', 'index.html.br'))).toString()).toBe(page);
  expect(gunzipSync(readFileSync(join(dir, 'a', 'index.html.gz'))).toString()).toBe(page);
  for (const file of ['a/logo.png', 'a/pagefind/fragment/nl_1a2b3c4.pf_fragment', 'tiny.txt']) {
    expect(existsSync(join(dir, `${file}.br`)), file).toBe(false);
    expect(existsSync(join(dir, `${file}.gz`)), file).toBe(false);
  }
});
