/**
 * Production server: static files from dist/client (compressed, cached by hash) and Astro's
 * on-demand pages through the Node adapter in middleware mode, with security headers on
 * every response. The adapter's standalone server does neither (DESIGN.md §4b).
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';
import { cacheControlFor, setSecurityHeaders } from './src/server/headers.mjs';
import { ConfigError, config } from './src/server/config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Configuration is checked before anything listens: a bad or missing setting stops here
// with a message that names it, instead of failing the first form post.
let settings;
try {
  settings = config();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { production, port, host } = settings;

const { handler: astro } = await import(new URL('./dist/server/entry.mjs', import.meta.url).href);

const compress = compression();
const assets = sirv(`${root}dist/client`, {
  etag: true,
  extensions: ['html'],
  setHeaders(res, pathname) {
    res.setHeader('Cache-Control', cacheControlFor(pathname));
  },
});

const server = http.createServer((req, res) => {
  setSecurityHeaders(res, { production });
  compress(req, res, () => {
    // Requests that change state never go to static files.
    if (req.method !== 'GET' && req.method !== 'HEAD') return astro(req, res);
    assets(req, res, () => {
      res.setHeader('Cache-Control', 'no-cache');
      astro(req, res);
    });
  });
});

server.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
    console.error(`Poort ${port} is al in gebruik. Stop de andere server, of start met een andere poort: PORT=4322 npm start`);
  } else {
    console.error(`De server kon niet starten: ${error.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  console.log(`Praktijkplein draait op http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
