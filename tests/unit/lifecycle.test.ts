/**
 * The process lifecycle behind the graceful stop (src/platform/lifecycle.ts): background work
 * finishes before resources close, nothing new starts once the stop has begun, and the state is
 * shared by every copy of the module (server.mjs loads it from source, the app from its bundle).
 */
import { describe, expect, test } from 'vitest';
import { closeOnShutdown, closeResources, isStopping, runInBackground, stopBackgroundWork } from '#platform/lifecycle.ts';

describe('stoppen', () => {
  test('lopend werk maakt af, daarna sluit de database; nieuw werk begint niet meer', async () => {
    const events: string[] = [];
    let finish!: () => void;
    runInBackground(async () => {
      events.push('mail begint');
      await new Promise<void>((resolve) => (finish = resolve));
      events.push('mail verstuurd');
    });
    // A failing job never stops the shutdown.
    runInBackground(async () => {
      throw new Error('SMTP weg');
    });
    closeOnShutdown(() => events.push('database dicht'));
    await new Promise((resolve) => setImmediate(resolve));

    const stopped = stopBackgroundWork(5_000).then((done) => {
      events.push(`werk klaar: ${done}`);
      return closeResources();
    });
    expect(isStopping()).toBe(true);
    runInBackground(async () => events.push('te laat begonnen'));
    finish();
    await stopped;
    expect(events).toEqual(['mail begint', 'mail verstuurd', 'werk klaar: true', 'database dicht']);
  });

  test('werk dat niet afkomt houdt het stoppen niet langer op dan de wachttijd', async () => {
    const state = (globalThis as Record<symbol, { stopping: boolean }>)[Symbol.for('praktijkplein.lifecycle')]!;
    state.stopping = false;
    runInBackground(() => new Promise(() => undefined));
    expect(await stopBackgroundWork(50)).toBe(false);
  });

  test('de toestand staat op globalThis, zodat server.mjs en de gebouwde app één toestand delen', () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('praktijkplein.lifecycle')]).toMatchObject({ stopping: true });
  });
});
