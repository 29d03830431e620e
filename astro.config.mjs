// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import { buildTimeConfig } from './src/server/config.ts';

// Content pages are prerendered (the default); account, pitch and filter pages opt out with
// `export const prerender = false`. The adapter runs in middleware mode so server.mjs can add
// compression, caching and security headers to every response, prerendered files included.
export default defineConfig({
  // Canonical links, sitemap and RSS need the public address at build time.
  site: buildTimeConfig().siteUrl,
  adapter: node({ mode: 'middleware' }),
  integrations: [mdx(), sitemap(), pagefind()],
  security: { checkOrigin: true },
  // Never inline scripts or styles: the Content-Security-Policy allows only files from 'self'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
