/**
 * How many live streams one client may hold open on this instance. Each open stream reads the
 * database once a second: without a cap, anyone who knows a session's address could open
 * hundreds and load the database. A projector holds one; a room of curators a few.
 * In memory on purpose: it is a guard of this process's own work, not shared state.
 */
export const MAX_STREAMS_PER_CLIENT = 20;
export const MAX_STREAMS_TOTAL = 500;

const perClient = new Map<string, number>();
let total = 0;

/** Takes a slot for `client`; returns its release (call once), or null when the client or the instance is full. */
export function takeStreamSlot(client: string): (() => void) | null {
  const held = perClient.get(client) ?? 0;
  if (held >= MAX_STREAMS_PER_CLIENT || total >= MAX_STREAMS_TOTAL) return null;
  perClient.set(client, held + 1);
  total += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    total -= 1;
    const now = (perClient.get(client) ?? 1) - 1;
    if (now <= 0) perClient.delete(client);
    else perClient.set(client, now);
  };
}
