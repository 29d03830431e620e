/**
 * Answers a public page from the page cache in server.mjs, before Astro sees the request.
 * A hit through Astro still cost a Request object, the middleware chain and a Response streamed
 * back into Node's response; answered here it costs what a static file does, which is what lets
 * on-demand public pages keep up with prerendered ones under load (npm run bench). Misses, and
 * anything that is not plainly a public page for a visitor without a session, go on to Astro,
 * whose middleware renders and stores the page (src/middleware.ts, src/platform/page-cache.ts).
 * A hit starts no housekeeping (the request-driven jobs): any other on-demand request does, and
 * queued mail has its own timer (src/features/jobs/mail-loop.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheable, cachedAnswer } from '#platform/page-cache.ts';
import { sessionCookieName } from '#platform/auth/cookie.ts';
import { formReplayCookieName } from '#platform/form-replay-store.ts';
import { appDatabase } from './app-database.ts';

/** Does the Cookie header carry this cookie? (A false yes only sends the request on to Astro.) */
const carries = (cookies: string, name: string) => cookies.includes(`${name}=`);

/** True when the request was answered from the cache. */
export async function answeredFromPageCache(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  // Only plain paths: anything the URL parser might read as another host is Astro's to judge.
  if ((method !== 'GET' && method !== 'HEAD') || !target.startsWith('/') || target.startsWith('//')) return false;
  // A session, or a refused form's values waiting to be shown again, make the page personal.
  const cookies = req.headers.cookie;
  if (cookies && (carries(cookies, sessionCookieName()) || carries(cookies, formReplayCookieName()))) return false;
  let answer;
  try {
    const url = new URL(target, 'http://praktijkplein.invalid');
    if (!cacheable({ method }, url, false)) return false;
    const db = await appDatabase();
    answer = await cachedAnswer(db, url, { method, ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] });
  } catch {
    // An address the parser refuses, or a database that is not ready: Astro answers, with its own error page if need be.
    return false;
  }
  if (!answer) return false;
  // Sent whole with its length, as a static file is, rather than chunked.
  if (answer.body) answer.headers['content-length'] = String(answer.body.byteLength);
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body ?? undefined);
  return true;
}
