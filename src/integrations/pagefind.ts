/**
 * Builds the Pagefind index after every build from the knowledge base's search records
 * (src/pages/pagefind-records.json.ts writes them into the build; this deletes the file once
 * indexed, so it is never served). Not from the built HTML: organisation pages are rendered on
 * demand, and the records carry the Dutch search keys (src/features/search/search-records.ts).
 * Fails the build loudly on any indexing error, and always closes the indexer process.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/** Where the records endpoint lands in the build. */
const RECORDS_FILE = 'pagefind-records.json';

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
          const recordsPath = join(clientDir, RECORDS_FILE);
          const records = JSON.parse(await readFile(recordsPath, 'utf8')) as { url: string; content: string }[];
          await rm(recordsPath);
          if (records.length === 0) throw new Error('Pagefind kreeg geen pagina’s om te indexeren');
          for (const record of records) {
            const { errors } = await index.addHTMLFile({ url: record.url, content: record.content });
            if (errors.length > 0) throw new Error(`Pagefind-fouten bij ${record.url}: ${errors.join('; ')}`);
          }
          const written = await index.writeFiles({ outputPath: join(clientDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind-fouten: ${written.errors.join('; ')}`);
          logger.info(`${records.length} pagina’s geïndexeerd in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
