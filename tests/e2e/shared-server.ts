/**
 * The shared server of this test worker. The e2e project runs test files side by side, one per
 * worker, and server-setup.ts starts one server per worker, so a file only ever meets the files
 * that ran before it in the same worker, as when the whole run had one server.
 */
import { inject } from 'vitest';
import type { SharedServer } from './server-setup.ts';

export function sharedServer(): SharedServer {
  const servers = inject('servers');
  // Vitest numbers its workers from 1 to maxWorkers.
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return servers[(worker - 1) % servers.length]!;
}
