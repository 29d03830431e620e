/**
 * Home of the process's lifecycle: background work the app starts (mail
 * delivery, retention) and resources it opens (the database client) are registered here, so a
 * graceful shutdown on SIGTERM can let the work finish and then close the resources.
 *
 * server.mjs loads this file from source while the app's copy is bundled into dist/server, so a
 * process holds two copies of the module. The state therefore lives on globalThis under a
 * registered symbol: both copies see one state.
 */

interface LifecycleState {
  /** Set once shutdown has begun: no new background work starts. */
  stopping: boolean;
  /** Background work under way (each settles, never rejects). */
  work: Set<Promise<void>>;
  /** Run once, last, in the order registered. */
  closers: Array<() => unknown>;
  /** Aborted when shutdown begins: long-lived responses (live screens' event streams) end on it. */
  shutdown?: AbortController;
}

const KEY = Symbol.for('praktijkplein.lifecycle');

function state(): LifecycleState {
  const holder = globalThis as typeof globalThis & { [KEY]?: LifecycleState };
  holder[KEY] ??= { stopping: false, work: new Set(), closers: [] };
  return holder[KEY];
}

/**
 * Aborted as soon as the server begins to stop (server.mjs calls `beginShutdown` before it closes
 * the listener): a response that would never end by itself, such as a live screen's event stream,
 * listens to it and ends, so the graceful stop does not wait the full grace period for it.
 */
export function shutdownSignal(): AbortSignal {
  const current = state();
  current.shutdown ??= new AbortController();
  return current.shutdown.signal;
}

/** Tells long-lived responses to end now (first step of a graceful stop). */
export function beginShutdown(): void {
  const current = state();
  current.shutdown ??= new AbortController();
  current.shutdown.abort();
}

/** True once shutdown has begun. */
export function isStopping(): boolean {
  return state().stopping;
}

/**
 * Starts background work unless the process is stopping, and lets shutdown wait for it. Work
 * refused here is not lost: it is mail or clean-up that the database still holds, and the next
 * run (this instance's successor or another instance) does it.
 */
export function runInBackground(start: () => Promise<unknown>): void {
  const current = state();
  if (current.stopping) return;
  const tracked: Promise<void> = Promise.resolve()
    .then(start)
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => current.work.delete(tracked));
  current.work.add(tracked);
}

/** Registers a resource to close when the process stops (the database client). */
export function closeOnShutdown(close: () => unknown): void {
  state().closers.push(close);
}

/**
 * Stops background work: nothing new starts, and what runs gets up to `graceMs` to finish.
 * Returns true when everything finished in time.
 */
export async function stopBackgroundWork(graceMs: number): Promise<boolean> {
  const current = state();
  current.stopping = true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
    timer.unref();
  });
  // Wait until the set is empty: a piece of work removes itself only once it has settled.
  const drained = (async () => {
    while (current.work.size > 0) await Promise.all([...current.work]);
    return true as const;
  })();
  try {
    return await Promise.race([drained, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes what was registered, newest first; a failure to close one never stops the others. */
export async function closeResources(): Promise<void> {
  const closers = state().closers.splice(0).reverse();
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      console.error(JSON.stringify({ msg: 'Afsluiten mislukt', error: error instanceof Error ? error.message : String(error) }));
    }
  }
}
