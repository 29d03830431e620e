/**
 * Request bodies are small or refused: the site has forms and no uploads,
 * so 64 KiB is plenty. server.mjs refuses a body that declares a larger Content-Length before
 * reading a byte, and reads any other body (chunked ones included) into a buffer that stops
 * at the limit. Astro then gets the whole, small body as `req.body`; it never reads the socket
 * itself, so a refused body can never be read or re-read further down (form-state.ts).
 * The Node adapter's own `bodySizeLimit` (astro.config.mjs) is set to the same number as a
 * second line. Plain JavaScript because server.mjs loads it directly, outside the Astro build.
 */

/** The largest request body accepted, in bytes. */
export const BODY_LIMIT = 64 * 1024;

/** Methods whose body is read and passed on (GET and HEAD bodies are ignored, as Astro does). */
export function carriesBody(method) {
  return method !== 'GET' && method !== 'HEAD';
}

/**
 * True when the request announces a body over the limit, so it can be refused unread.
 * @param {import('node:http').IncomingMessage} req @param {number} limit
 */
export function declaresTooLarge(req, limit = BODY_LIMIT) {
  const length = req.headers['content-length'];
  return length !== undefined && Number(length) > limit;
}

/**
 * Reads the body as it streams, counting bytes; stops reading at the limit.
 * @param {import('node:http').IncomingMessage} req @param {number} limit
 * @returns {Promise<{ ok: true, body: Buffer } | { ok: false, reason: 'too-large' | 'aborted' }>}
 */
export function readBoundedBody(req, limit = BODY_LIMIT) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const finish = (/** @type {any} */ result) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      resolve(result);
    };
    const onData = (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) {
        // Stop pulling from the socket; the caller answers 413 and closes the connection.
        req.pause();
        chunks.length = 0;
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}
