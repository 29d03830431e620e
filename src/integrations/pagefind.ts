/**
 * Builds the Pagefind index over the prerendered HTML (dist/client) after every build.
 * Fails the build loudly on any indexing error, and always closes the indexer process.
 * Search language comes from each page's <html lang="nl">.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  let clientDir: string | undefined;
  return {
    name: 'praktijkplein-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = fileURLToPath(config.build.client);
      },
      'astro:build:done': async ({ logger }) => {
        if (!clientDir) throw new Error('Pagefind: de map met de gebouwde site is onbekend');
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind kon geen index maken: ${createErrors.join('; ')}`);
          const { errors, page_count } = await index.addDirectory({ path: clientDir });
          if (errors.length > 0) throw new Error(`Pagefind-fouten: ${errors.join('; ')}`);
          if (page_count === 0) throw new Error('Pagefind vond geen pagina’s om te indexeren');
          const written = await index.writeFiles({ outputPath: join(clientDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind-fouten: ${written.errors.join('; ')}`);
          logger.info(`${page_count} pagina’s geïndexeerd in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
