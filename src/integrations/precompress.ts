/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible prerendered file in
 * dist/client after the build, so server.mjs serves static files as they are (sirv picks the
 * copy the browser accepts) instead of compressing the same bytes again on every request.
 * Runs after the Pagefind integration (it comes later in astro.config.mjs), so Pagefind's
 * script and JSON files get copies too; its index fragments are gzip already and are left alone.
 * A copy that would not be smaller than the file is not written (tiny files).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images, fonts and Pagefind's own fragments are compressed already. */
export const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|svg|xml|txt|webmanifest|map|ico|wasm)$/i;

/** The brotli and gzip copies of `body` (best compression: this runs once per build). */
export async function compressedCopies(body: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return { br, gz };
}

/** Compresses every compressible file under `dir`; returns how many files and bytes. */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; brBytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => join(e.parentPath, e.name));
  const total = { files: 0, bytes: 0, brBytes: 0 };
  // A few at a time: brotli at quality 11 is CPU-bound, and the build machine is shared.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const body = await readFile(file);
      const { br, gz } = await compressedCopies(body);
      if (br.length < body.length) await writeFile(`${file}.br`, br);
      if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
      total.files++;
      total.bytes += body.length;
      total.brBytes += Math.min(br.length, body.length);
    }
  };
  await Promise.all([worker(), worker()]);
  return total;
}

export default function precompressIntegration(): AstroIntegration {
  let clientDir = '';
  return {
    name: 'praktijkplein-precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': async ({ logger }) => {
        const start = performance.now();
        const { files, bytes, brBytes } = await precompressDir(clientDir);
        logger.info(`${files} bestanden vooraf gecomprimeerd (${(bytes / 1024).toFixed(0)} → ${(brBytes / 1024).toFixed(0)} KiB brotli) in ${Math.round(performance.now() - start)} ms`);
      },
    },
  };
}
