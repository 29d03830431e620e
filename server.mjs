/**
 * Production server: static files from dist/client (compressed at build time, cached by hash) and Astro's
 * on-demand pages through the Node adapter in middleware mode, with security headers on
 * every response. The adapter's standalone server does neither (docs/architecture.md).
 * Before Astro sees a request, the server answers what Astro answers badly:
 * a method the URL does not take gets 405 with `Allow`, a body over 64 KiB gets 413 unread;
 * and it answers a public page kept in the page cache itself, as fast as a static file.
 * Operations: `/healthz` and `/readyz` for load balancers, one JSON log line
 * per request (src/platform/http/request-log.mjs), and a graceful stop on SIGTERM or SIGINT.
 * Publishing: the build served is the live one named by the publishing
 * pointer when there is one (else dist/), and the server follows it without a restart.
 */
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';
import { cacheControlFor, ensureCharset, setSecurityHeaders, staticContentType } from './src/platform/http/headers.mjs';
import { createMethodTable, refusedMethod } from './src/platform/http/methods.mjs';
import { BODY_LIMIT, carriesBody, declaresTooLarge, readBoundedBody } from './src/platform/http/body-limit.mjs';
import { configOrExit } from './src/platform/config.ts';
import { logJson, logRequest } from './src/platform/http/request-log.mjs';
import { appDatabase } from './src/web/app-database.ts';
import { readiness } from './src/web/health.ts';
import { beginShutdown, closeResources, runInBackground, stopBackgroundWork } from './src/platform/lifecycle.ts';
import { pointerStamp, servedBuildDir } from './src/features/publishing/live-build.ts';
import { exemptOneClick } from './src/platform/http/one-click.mjs';
import { startMailLoop } from './src/features/jobs/mail-loop.ts';
import { answeredFromPageCache } from './src/web/cached-pages.ts';
import { clearPageCache } from './src/platform/page-cache.ts';
import { problemHeaders, problemOf } from './src/platform/http/problem.ts';
import { corsHeaders } from './src/platform/http/cors.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// Configuration is checked before anything listens: a bad or missing setting stops here
// with a message that names it, instead of failing the first form post.
const { production, port, host, publishing, siteUrl } = configOrExit();

/**
 * The build being served: Astro's handler, the static files and the method table of one build
 * folder (dist/, or a published build under the state folder: src/features/publishing/live-build.ts).
 * @param {string} dir folder holding client/ and server/
 */
async function loadBuild(dir) {
  const { handler } = await import(pathToFileURL(join(dir, 'server', 'entry.mjs')).href);
  const clientDir = join(dir, 'client');
  // brotli/gzip: the `.br` and `.gz` copies written at build time (src/integrations/precompress.ts),
  // chosen by Accept-Encoding, with `Vary: Accept-Encoding`; nothing static is compressed per request.
  const assets = sirv(clientDir, {
    etag: true,
    brotli: true,
    gzip: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', cacheControlFor(pathname));
      const type = staticContentType(pathname);
      if (type) res.setHeader('Content-Type', type);
    },
  });
  const methods = createMethodTable({ clientDir, routesFile: join(dir, 'server', 'route-methods.json') });
  return { dir, astro: /** @type {http.RequestListener} */ (handler), assets, methods };
}

// Publishing switches builds while the server runs: at start the live build
// named by the pointer, else dist/; then the pointer is looked at (one stat) at most once a
// second, and a new build is imported beside the old one. A request keeps the build it began
// with, so requests under way finish on the old one. Other instances sharing the state folder
// switch the same way. (Node cannot unload modules: each switch keeps the old code in memory,
// a few MB per publication, until the process restarts.)
const { stateDir } = publishing;
const distDir = join(root, 'dist');
let active = await loadBuild(servedBuildDir(stateDir, distDir).dir);
let pointerSeen = pointerStamp(stateDir);
let pointerCheckedAt = Date.now();
/** @type {Promise<void> | null} */
let switching = null;

/** Starts a switch when the pointer changed since it was last seen; cheap enough for every request. */
function followLiveBuild() {
  const now = Date.now();
  if (switching || now - pointerCheckedAt < 1000) return;
  pointerCheckedAt = now;
  const stamp = pointerStamp(stateDir);
  if (stamp === pointerSeen) return;
  pointerSeen = stamp;
  const { dir, id } = servedBuildDir(stateDir, distDir);
  if (dir === active.dir) return;
  switching = loadBuild(dir)
    .then((next) => {
      active = next;
      clearPageCache();
      logJson({ msg: 'Nieuwe build actief', build: id });
    })
    .catch((/** @type {Error} */ error) => logJson({ level: 'error', msg: 'De nieuwe build kon niet worden geladen; de oude blijft actief', error: error.message }))
    .finally(() => {
      switching = null;
    });
}
if (!active.methods.complete) console.warn('route-methods.json ontbreekt: bouw opnieuw (npm run build) om methoden per pagina te controleren.');

// Compression at request time is for on-demand pages only (static files come compressed).
// An event stream (the live screen) is never compressed: `compression` would hold every
// event back until the stream ends (docs/architecture.md). The stream also says `no-transform`.
const compress = compression({
  filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
});

/**
 * A short Dutch answer sent before the request body was read (or while it still streams).
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {number} status @param {string} text @param {Record<string, string>} [headers]
 */
function refuse(req, res, status, text, headers = {}) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
  if (!req.complete) discardRest(req);
}

/**
 * Reads and throws away what the client is still sending, for a short while, then closes.
 * Closing at once with unread bytes makes the kernel reset the connection, and the client may
 * lose the answer it has not read yet (the "lingering close" of Apache and Go). Nothing is
 * kept; past 8 MiB or two seconds the connection is cut.
 * @param {http.IncomingMessage} req
 */
function discardRest(req) {
  const socket = req.socket;
  let discarded = 0;
  const timer = setTimeout(() => socket.destroy(), 2000).unref();
  // When the client sent `Connection: close`, Node ends the connection as soon as the answer
  // is out (socket.destroySoon). Close only our sending side then, and keep discarding.
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
  };
  req.removeAllListeners('data');
  req.on('data', (/** @type {Buffer} */ chunk) => {
    discarded += chunk.length;
    if (discarded > 8 * 1024 * 1024) socket.destroy();
  });
  req.once('end', () => {
    clearTimeout(timer);
    if (!socket.writable) socket.destroy();
  });
  socket.once('close', () => clearTimeout(timer));
  req.resume();
}

/** The open-data API answers every refusal as problem+json, readable from any origin (src/web/open-data-api.ts). */
const isApiPath = (/** @type {string} */ path) => path === '/api/v1' || path.startsWith('/api/v1/');

/**
 * The API's 405: the same problem+json as its other refusals, with CORS headers, so a script on
 * another site reads the reason instead of a network error.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} method @param {string[]} allow
 */
function refuseApiMethod(req, res, method, allow) {
  if (res.headersSent) return res.destroy();
  const problem = problemOf('methode-niet-toegestaan', {
    origin: siteUrl,
    instance: req.url ?? '/',
    detail: `De API is alleen om te lezen: ${method} kan hier niet. Gebruik ${allow.join(', ')}.`,
  });
  res.writeHead(405, { ...corsHeaders(), Allow: allow.join(', '), ...problemHeaders() });
  res.end(JSON.stringify(problem));
  if (!req.complete) discardRest(req);
}

const tooLarge = (/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res) =>
  refuse(req, res, 413, `Dit verzoek is te groot: Praktijkplein neemt hoogstens ${BODY_LIMIT / 1024} KB aan. Formulieren zijn veel kleiner; ga terug en probeer het opnieuw.`);

/** @param {http.IncomingMessage} req */
function pathnameOf(req) {
  const url = req.url ?? '/';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * Method and size checks that need no body: true when the request has been answered.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function refusedEarly(req, res) {
  const method = req.method ?? 'GET';
  const path = pathnameOf(req);
  const allow = refusedMethod(method, active.methods.resourceAt(path));
  if (allow) {
    const shown = method.replace(/[^A-Z-]/gi, '').slice(0, 20);
    if (isApiPath(path)) refuseApiMethod(req, res, shown, allow);
    else refuse(req, res, 405, `Dit adres kan niet met ${shown} worden opgevraagd.`, { Allow: allow.join(', ') });
    return true;
  }
  if (carriesBody(method) && declaresTooLarge(req)) {
    tooLarge(req, res);
    return true;
  }
  return false;
}

/** Set on SIGTERM or SIGINT: connections are closed after their answer, /readyz says 503. */
let shuttingDown = false;

/**
 * `/healthz` (the process answers; no database) and `/readyz` (database reachable, migrations
 * applied: src/web/health.ts), never cached: true when the request has been answered.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function answeredHealth(req, res) {
  const path = pathnameOf(req);
  if (path !== '/healthz' && path !== '/readyz') return false;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    refuse(req, res, 405, 'Dit adres kan alleen worden opgevraagd.', { Allow: 'GET, HEAD' });
    return true;
  }
  const answer = (/** @type {number} */ status, /** @type {string} */ text) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(method === 'HEAD' ? undefined : `${text}\n`);
  };
  if (path === '/healthz') {
    answer(200, 'ok');
  } else if (shuttingDown) {
    answer(503, 'server stopt / shutting down');
  } else {
    readiness().then(
      (state) => answer(state.ready ? 200 : 503, state.ready ? 'ok' : state.reason),
      () => answer(503, 'controle mislukt / check failed'),
    );
  }
  return true;
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
function handle(req, res) {
  // One build for the whole request, also if a switch happens while it runs.
  const { assets, astro } = active;
  if (!carriesBody(req.method ?? 'GET')) {
    return assets(req, res, () => {
      // A public page kept in the page cache is answered here, as fast as a file (src/web/cached-pages.ts).
      answeredFromPageCache(req, res).then((answered) => {
        if (answered) return;
        res.setHeader('Cache-Control', 'no-cache');
        compress(req, res, () => astro(req, res));
      });
    });
  }
  compress(req, res, () => {
    // Requests that change state never go to static files. Astro gets the body whole and
    // small, as req.body, and never reads the socket itself.
    // A mail provider's one-click unsubscribe POST is let past Astro's origin check (src/platform/http/one-click.mjs).
    exemptOneClick(req, pathnameOf(req));
    readBoundedBody(req).then((result) => {
      if (result.ok) {
        Object.assign(req, { body: result.body });
        astro(req, res);
      } else if (result.reason === 'too-large') {
        tooLarge(req, res);
      } else {
        res.destroy();
      }
    });
  });
}

/**
 * What every request gets first: its log line and id, the security headers, and during a
 * shutdown `Connection: close`, so a kept-alive connection ends with this answer.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res
 */
function begin(req, res) {
  logRequest(req, res);
  setSecurityHeaders(res, { production, url: req.url });
  ensureCharset(res);
  if (shuttingDown) res.setHeader('Connection', 'close');
  // A request that was under way when the shutdown began leaves its kept-alive connection idle:
  // close it once the answer is out, so the server can finish closing.
  res.once('close', () => {
    if (shuttingDown) setImmediate(() => server.closeIdleConnections());
  });
}

const server = http.createServer((req, res) => {
  followLiveBuild();
  begin(req, res);
  if (answeredHealth(req, res) || refusedEarly(req, res)) return;
  handle(req, res);
});

// A client that asks before sending (`Expect: 100-continue`, as curl does for large bodies)
// hears 413 or 405 before sending a byte.
server.on('checkContinue', (req, res) => {
  followLiveBuild();
  begin(req, res);
  if (answeredHealth(req, res) || refusedEarly(req, res)) return;
  res.writeContinue();
  handle(req, res);
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
  logJson({ msg: `Praktijkplein draait op http://${host === '0.0.0.0' ? 'localhost' : host}:${port}` });
  // Open and migrate the database now rather than on the first visitor's request; /readyz
  // answers 503 until this has worked (and tries again on each call).
  // Then the mail loop: queued mail goes out when it is due, also when no request comes in
  // (src/features/jobs/mail-loop.ts). A database that is not ready yet starts it on a later try.
  runInBackground(() =>
    appDatabase()
      .then((db) => startMailLoop(db))
      .catch((/** @type {Error} */ error) => logJson({ level: 'error', msg: 'De database is niet klaar', error: error.message })),
  );
});

/** How long requests under way, and then background work, may take after SIGTERM. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Graceful stop (SIGTERM from an orchestrator, SIGINT from Ctrl+C): stop accepting connections,
 * let the requests under way finish (cut after SHUTDOWN_GRACE_MS), let background work (mail
 * delivery, retention) finish, close the database, exit 0. Mail that was not sent stays queued
 * in the database for the next instance. A second signal cuts the remaining connections at once.
 * @param {NodeJS.Signals} signal
 */
async function shutdown(signal) {
  if (shuttingDown) {
    server.closeAllConnections();
    return;
  }
  shuttingDown = true;
  logJson({ msg: 'Server stopt: verzoeken die lopen maken hun antwoord af', signal });
  // Event streams end now (their screens reconnect elsewhere); they would otherwise hold the stop
  // until the grace period runs out.
  beginShutdown();
  let cutConnections = false;
  const cut = setTimeout(() => {
    cutConnections = true;
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  const closed = new Promise((resolve) => server.close(resolve));
  // Kept-alive connections without a request close now; busy ones once their answer is out.
  server.closeIdleConnections();
  await closed;
  clearTimeout(cut);
  const finished = await stopBackgroundWork(SHUTDOWN_GRACE_MS);
  await closeResources();
  logJson({
    msg: 'Server gestopt',
    signal,
    ...(finished ? {} : { unfinished: 'achtergrondwerk' }),
    // Said when requests under way had to be cut off at the end of the grace period.
    ...(cutConnections ? { cut: 'verbindingen afgebroken' } : {}),
  });
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
