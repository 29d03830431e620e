// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import precompress from './src/integrations/precompress.ts';
import routeMethods from './src/integrations/route-methods.ts';
import { BODY_LIMIT } from './src/platform/http/body-limit.mjs';
import { buildTimeConfig } from './src/platform/config.ts';

// Content pages are prerendered (the default); account, pitch and filter pages opt out with
// `export const prerender = false`. The adapter runs in middleware mode so server.mjs can add
// compression, caching and security headers to every response, prerendered files included.
export default defineConfig({
  // Canonical links, sitemap and RSS need the public address at build time.
  site: buildTimeConfig().siteUrl,
  // server.mjs refuses bodies over BODY_LIMIT before Astro reads them; the adapter's own limit
  // (1 GiB by default) is the same number, as a second line.
  adapter: node({ mode: 'middleware', bodySizeLimit: BODY_LIMIT }),
  // Pitches are on demand, so the sitemap integration cannot see them: their own sitemap is
  // listed in its index (src/pages/sitemap-pitches.xml.ts).
  // precompress after pagefind: build:done hooks run in this order, and the index's files get copies too.
  integrations: [mdx(), sitemap({ customSitemaps: [new URL('/sitemap-pitches.xml', buildTimeConfig().siteUrl).href] }), pagefind(), precompress(), routeMethods()],
  // Nothing uses Astro sessions (ours live in the database); without this the Node adapter
  // turns on a filesystem session driver per instance.
  session: false,
  // The site has no astro:assets images: the adapter's /_image endpoint answers 404.
  image: { endpoint: { route: '/_image', entrypoint: './src/web/image-endpoint-off.ts' } },
  security: { checkOrigin: true },
  // Never inline scripts or styles: the Content-Security-Policy allows only files from 'self'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
