/**
 * The live screen's event stream without a server: it sends the first state
 * at once, then only when the state changed (a moved marker alone sends nothing), ends after a
 * final state, and ends when the server begins to shut down or the client goes away. Polls run
 * on a fake clock, so nothing here waits for real time.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { eventStream, formatEvent } from '#features/live/event-stream.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

interface State {
  count: number;
  status: 'open' | 'ended';
}

/** A stream over a state the test changes, and everything it has sent so far. */
function follow(initial: State, options: { stop?: AbortSignal[] } = {}) {
  let state = initial;
  let marker = 1;
  let reads = 0;
  const stream = eventStream<State>({
    event: 'stand',
    marker: async () => String(marker),
    read: async () => {
      reads++;
      return state;
    },
    isFinal: (s) => s.status === 'ended',
    stop: options.stop ?? [],
    pollMs: 1000,
    heartbeatMs: 15_000,
    retryMs: 2000,
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let sent = '';
  let done = false;
  void (async () => {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        done = true;
        return;
      }
      sent += decoder.decode(chunk.value);
    }
  })();
  return {
    set(next: State, moveMarker = true) {
      state = next;
      if (moveMarker) marker++;
    },
    moveMarkerOnly: () => marker++,
    sent: () => sent,
    events: () => sent.split('\n\n').filter((block) => block.startsWith('event: stand')).map((block) => JSON.parse(block.split('data: ')[1]!) as State),
    done: () => done,
    reads: () => reads,
    cancel: () => reader.cancel(),
  };
}

describe('de stroom van het livescherm', () => {
  test('zegt eerst hoe snel opnieuw te verbinden en stuurt meteen de stand', async () => {
    const s = follow({ count: 0, status: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    expect(s.sent().startsWith('retry: 2000\n\n')).toBe(true);
    expect(s.events()).toEqual([{ count: 0, status: 'open' }]);
    await s.cancel();
  });

  test('stuurt alleen een nieuwe stand; een verschoven markering zonder andere stand stuurt niets', async () => {
    const s = follow({ count: 0, status: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(s.reads(), 'zonder nieuwe markering wordt de stand niet gelezen').toBe(1);
    s.moveMarkerOnly();
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.reads()).toBe(2);
    expect(s.events()).toHaveLength(1);
    s.set({ count: 1, status: 'open' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.events()).toEqual([
      { count: 0, status: 'open' },
      { count: 1, status: 'open' },
    ]);
    await s.cancel();
  });

  test('houdt de verbinding levend met een commentaarregel', async () => {
    const s = follow({ count: 0, status: 'open' });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(s.sent()).toContain(': verbonden\n\n');
    await s.cancel();
  });

  test('stopt na de eindstand van een afgelopen sessie', async () => {
    const s = follow({ count: 2, status: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    s.set({ count: 2, status: 'ended' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(s.events().at(-1)).toEqual({ count: 2, status: 'ended' });
    expect(s.done()).toBe(true);
  });

  test('stopt zodra de server begint te stoppen, en leest daarna niets meer', async () => {
    const shutdown = new AbortController();
    const s = follow({ count: 0, status: 'open' }, { stop: [shutdown.signal] });
    await vi.advanceTimersByTimeAsync(0);
    shutdown.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.done()).toBe(true);
    const reads = s.reads();
    s.set({ count: 5, status: 'open' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(s.reads()).toBe(reads);
    expect(vi.getTimerCount(), 'geen timer blijft lopen').toBe(0);
  });

  test('ruimt zijn timers op als de kijker weggaat', async () => {
    const s = follow({ count: 0, status: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    await s.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('een gebeurtenis met regeleinden krijgt per regel een data-veld', () => {
    expect(formatEvent('stand', 'a\nb')).toBe('event: stand\ndata: a\ndata: b\n\n');
  });
});
