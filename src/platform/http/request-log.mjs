/**
 * The request log: one JSON line on stdout per request, written by server.mjs
 * when the response is finished or the connection closed, so static files, Astro pages,
 * refusals and health checks are all in it.
 *
 * A line holds an id (echoed in the `X-Request-Id` response header, so a person can quote it),
 * the method, the path, the status and the duration. It never holds a password, token, cookie or
 * e-mail address: no headers and no bodies are logged, query values are dropped (the names stay:
 * `/zoeken/?q=`), and a path segment that holds an `@` is replaced. Links from e-mails carry
 * their token as `?token=` (src/web/form-state.ts), never in the path, so dropping query
 * values keeps them out; a test follows a whole account flow and searches the log for them.
 */
import { randomUUID } from 'node:crypto';

/** An incoming `X-Request-Id` (from a proxy) is kept only when it is a short, plain token. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** A query parameter's name is logged only when it looks like one of ours (`q`, `terug`, `_action`). */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,31}$/;
const MAX_PATH = 300;

/**
 * The id of a request: the proxy's `X-Request-Id` when it is safe to repeat, else a new UUID.
 * @param {string | string[] | undefined} incoming
 */
export function requestIdFor(incoming) {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/** @param {string} segment */
function safeSegment(segment) {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a malformed escape is logged as sent
  }
  return decoded.includes('@') ? '[e-mail]' : segment;
}

/**
 * The request target as it may be logged: the path with any segment holding an `@` replaced, and
 * the query with its parameter names only (`/zoeken/?q=&sector=`).
 * @param {string | undefined} target the request line's target (`req.url`)
 */
export function loggablePath(target) {
  let url = target ?? '/';
  // An absolute-form target (`GET http://host/path`) is logged by its path alone.
  if (!url.startsWith('/')) {
    try {
      const parsed = new URL(url);
      url = `${parsed.pathname}${parsed.search}`;
    } catch {
      return url === '*' ? '*' : '[ongeldig]';
    }
  }
  const hash = url.indexOf('#');
  if (hash !== -1) url = url.slice(0, hash);
  const question = url.indexOf('?');
  const path = (question === -1 ? url : url.slice(0, question)).split('/').map(safeSegment).join('/');
  let query = '';
  if (question !== -1) {
    const names = url
      .slice(question + 1)
      .split('&')
      .filter(Boolean)
      .map((part) => {
        const name = part.split('=', 1)[0];
        return SAFE_NAME.test(name) ? `${name}=` : '[…]=';
      });
    query = `?${names.join('&')}`;
  }
  const line = `${path}${query}`;
  return line.length > MAX_PATH ? `${line.slice(0, MAX_PATH)}…` : line;
}

/**
 * Writes one JSON line to stdout, with the time first.
 * @param {Record<string, unknown>} fields
 */
export function logJson(fields) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

/**
 * Gives the request its id (also in the `X-Request-Id` response header) and logs one line when the
 * response is done: at `finish`, or at `close` when the client left first (then `aborted: true`).
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function logRequest(req, res) {
  const started = performance.now();
  const id = requestIdFor(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', id);
  let logged = false;
  const done = (/** @type {boolean} */ aborted) => {
    if (logged) return;
    logged = true;
    logJson({
      type: 'request',
      id,
      method: String(req.method ?? '').replace(/[^A-Za-z-]/g, '').slice(0, 20),
      path: loggablePath(req.url),
      status: res.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(aborted ? { aborted: true } : {}),
    });
  };
  res.once('finish', () => done(false));
  res.once('close', () => done(!res.writableFinished));
}
