/**
 * How many live streams one client may hold open on this instance. Each open stream reads the
 * database once a second: without a cap, anyone who knows a session's address could open
 * hundreds and load the database. A projector holds one; a room of curators a few.
 * In memory on purpose: it is a guard of this process's own work, not shared state.
 *
 * A client counts as its source network (an IPv6 /64, as the rate limits count it: one
 * household or server holds a whole /64). The screen itself, opened with its screen key
 * (./live-codes.ts, which only the curator hands out), takes one of a few slots reserved per
 * session outside both caps, so however many others connect, the projector is never refused.
 */
import { sourceNetwork } from '#platform/auth/rate-limit.ts';

export const MAX_STREAMS_PER_CLIENT = 20;
export const MAX_STREAMS_TOTAL = 500;
/** Reserved per session for streams with the screen key: the projector, a spare screen, a preview. */
export const RESERVED_STREAMS_PER_SESSION = 3;

const perClient = new Map<string, number>();
const reservedPerSession = new Map<string, number>();
let total = 0;

/** Adds `step` to a count in a map, dropping it at zero. */
function count(map: Map<string, number>, key: string, step: 1 | -1): void {
  const next = (map.get(key) ?? 0) + step;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

/** Wraps a release so it runs once. */
function once(release: () => void): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
  };
}

/**
 * Takes a slot for `client`; returns its release (call once), or null when the client's network
 * or the instance is full. `reservedFor`: the session whose screen key the stream carried; it
 * takes one of that session's reserved slots while any is free, else an ordinary one.
 */
export function takeStreamSlot(client: string, reservedFor?: string): (() => void) | null {
  if (reservedFor !== undefined && (reservedPerSession.get(reservedFor) ?? 0) < RESERVED_STREAMS_PER_SESSION) {
    count(reservedPerSession, reservedFor, 1);
    return once(() => count(reservedPerSession, reservedFor, -1));
  }
  const network = sourceNetwork(client);
  if ((perClient.get(network) ?? 0) >= MAX_STREAMS_PER_CLIENT || total >= MAX_STREAMS_TOTAL) return null;
  count(perClient, network, 1);
  total += 1;
  return once(() => {
    total -= 1;
    count(perClient, network, -1);
  });
}
