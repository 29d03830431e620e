/**
 * A small queue in front of argon2. Each hash takes ~19 MiB and a libuv
 * worker thread for tens of milliseconds; 200 logins at once took every worker thread, and
 * with them the file reads that serve even static pages, for seconds. At most
 * `config().hashConcurrency` hashes (default 2) run at once per process; the rest wait in
 * order, so a login storm slows logins, not the rest of the site.
 */
import { config } from '#platform/config.ts';

/** A counting semaphore: `run` starts a task when a slot is free, otherwise queues it (FIFO). */
export interface HashQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly running: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/** A queue that runs at most `limit` tasks at once. */
export function createHashQueue(limit: number): HashQueue {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`hash queue limit must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next task, so `running` never drops below the limit
    // while tasks wait (no newcomer can slip in between).
    if (next) next();
    else running--;
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const start = () => {
        let result: Promise<T>;
        try {
          result = Promise.resolve(task());
        } catch (error) {
          result = Promise.reject(error);
        }
        return result.finally(release);
      };
      if (running < limit) {
        running++;
        return start();
      }
      return new Promise<T>((resolve, reject) => waiting.push(() => start().then(resolve, reject)));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

let shared: HashQueue | undefined;

/** The process's queue, sized from configuration on first use. */
export function hashQueue(): HashQueue {
  shared ??= createHashQueue(config().hashConcurrency);
  return shared;
}

/** For tests: drop the shared queue so the next use reads configuration again. */
export function resetHashQueueForTests(): void {
  shared = undefined;
}
