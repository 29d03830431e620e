/** What the account flows need from the outside world, so tests can pass their own. */
import type { Database } from '#db/client.ts';

export interface Deps {
  db: Database;
  /** The site's origin, for links in e-mail (e.g. https://praktijkplein.nl). */
  origin: string;
  /** The client's IP address, for per-IP rate limits. */
  ip: string;
  now?: number;
  /** Hashes a new password (argon2id by default); tests pass a counting one to show both paths do the same work. */
  hashPassword?: (password: string) => Promise<string>;
}

export const clock = (deps: Deps) => deps.now ?? Date.now();
