/**
 * A Server-Sent Events stream that follows the database: it polls a cheap
 * marker every second, reads the full state only when the marker moved, and sends an event only
 * when that state differs from the last one sent. The database is the only source of truth, so
 * a screen on one instance sees a write made through another. A comment line every 15 s keeps
 * proxies from closing a quiet connection; `retry:` tells EventSource how soon to reconnect.
 *
 * It stops when the client goes away (the adapter cancels the body), when the request is
 * aborted, when `isFinal` says the state will not change again (an ended session: sent, then
 * closed), and when the server begins to shut down (`stop`), so a graceful SIGTERM is not held
 * up by screens that would otherwise stay connected for ever: they reconnect to the next instance.
 */

export interface EventStreamOptions<T> {
  /** A cheap marker of the state (null: the subject is gone; the stream ends). */
  marker: () => Promise<string | null>;
  /** The full state to send. */
  read: () => Promise<T | null>;
  /** True when no later state can differ (then the stream ends after sending it). */
  isFinal?: (state: T) => boolean;
  /** The event's name, for `addEventListener` on the client. */
  event: string;
  /** Signals that end the stream: the request's, and the server's shutdown. */
  stop: AbortSignal[];
  pollMs?: number;
  heartbeatMs?: number;
  /** What EventSource waits before reconnecting after the stream ends. */
  retryMs?: number;
  /** Where a failed poll is reported (the next poll tries again). */
  onError?: (error: unknown) => void;
  /** Called once when the stream ends, for whatever reason (to free what it held). */
  onClose?: () => void;
}

/** Polling every second keeps the screen within the two seconds the issue asks for. */
export const POLL_MS = 1000;
export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 2000;

const encoder = new TextEncoder();

/** One event in the wire format: each line of the data gets its own `data:` field. */
export function formatEvent(event: string, data: string): string {
  return `event: ${event}\n${data
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;
}

/** The response body of an event stream; see the module comment for when it ends. */
export function eventStream<T>(options: EventStreamOptions<T>): ReadableStream<Uint8Array> {
  const { pollMs = POLL_MS, heartbeatMs = HEARTBEAT_MS, retryMs = RETRY_MS } = options;
  let closed = false;
  let poller: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let lastMarker: string | null | undefined;
  let lastSent: string | undefined;
  const cleanups: Array<() => void> = [];

  const finish = () => {
    if (closed) return false;
    closed = true;
    clearTimeout(poller);
    clearInterval(heartbeat);
    for (const cleanup of cleanups.splice(0)) cleanup();
    options.onClose?.();
    return true;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const end = () => {
        if (finish()) controller.close();
      };
      for (const signal of options.stop) {
        if (signal.aborted) return end();
        signal.addEventListener('abort', end, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', end));
      }

      /** One round: read the marker; when it moved, read the state and send it if it changed. */
      const poll = async () => {
        try {
          const marker = await options.marker();
          if (closed) return;
          if (marker === null) return end();
          if (marker !== lastMarker) {
            const state = await options.read();
            if (closed) return;
            if (state === null) return end();
            lastMarker = marker;
            const data = JSON.stringify(state);
            if (data !== lastSent) {
              lastSent = data;
              write(formatEvent(options.event, data));
            }
            if (options.isFinal?.(state)) return end();
          }
        } catch (error) {
          options.onError?.(error);
        }
        if (!closed) poller = setTimeout(poll, pollMs);
      };

      write(`retry: ${retryMs}\n\n`);
      heartbeat = setInterval(() => write(': verbonden\n\n'), heartbeatMs);
      void poll();
    },
    cancel() {
      // The client went away (the Node adapter cancels the body when the connection closes).
      finish();
    },
  });
}
