/**
 * The live screen's updates as Server-Sent Events: an event `stand` with the
 * screen's state whenever it changes in the database (src/features/live/event-stream.ts), until the
 * session ends, the screen goes away or the server stops. Public like the screen itself; an
 * unknown session answers 404 (EventSource then stops asking). With `?scherm=<screen key>` the
 * stream takes a slot reserved for the session's screen (src/features/live/stream-slots.ts).
 */
import type { APIRoute } from 'astro';
import { eventStream } from '#features/live/event-stream.ts';
import { liveMarker, liveSnapshot } from '#features/live/live-tally.ts';
import { appDatabase } from '#web/app-database.ts';
import { shutdownSignal } from '#platform/lifecycle.ts';
import { clientIp } from '#web/request.ts';
import { takeStreamSlot } from '#features/live/stream-slots.ts';
import { screenKeyMatches } from '#features/live/live-codes.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, request, clientAddress, url }) => {
  const db = await appDatabase();
  const id = params.id ?? '';
  const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };
  if (!(await liveMarker(db, id))) return new Response('Deze live sessie bestaat niet.', { status: 404, headers: plain });
  // The screen opened with its key (only the curator hands it out) keeps a reserved slot.
  const release = takeStreamSlot(clientIp(request, clientAddress), screenKeyMatches(id, url.searchParams.get('scherm')) ? id : undefined);
  // EventSource retries after `retry:`; the screen without updates still shows the count on reload.
  if (!release) return new Response('Te veel open verbindingen vanaf dit adres. Sluit andere schermen of probeer het zo opnieuw.', { status: 429, headers: { ...plain, 'Retry-After': '30' } });
  const body = eventStream({
    onClose: release,
    event: 'stand',
    marker: () => liveMarker(db, id),
    read: () => liveSnapshot(db, id),
    isFinal: (state) => state.status === 'ended',
    stop: [request.signal, shutdownSignal()],
    onError: (error) => console.error(JSON.stringify({ level: 'error', msg: 'Live stroom: lezen mislukt', error: error instanceof Error ? error.message : String(error) })),
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: no proxy (and not server.mjs's compression) may buffer or zip the events.
      'Cache-Control': 'no-store, no-transform',
      // nginx and some other proxies buffer responses unless told otherwise.
      'X-Accel-Buffering': 'no',
    },
  });
};
