/**
 * Home of refused form posts kept for one page load (POST/Redirect/GET): a browser that posts
 * a form and is refused is sent back to the page's own address, and that page load shows what
 * was typed and the messages. The state lives in the database (every instance sees it), under
 * the SHA-256 of a random secret that only the browser's short-lived cookie holds, bound to the
 * page's path, for at most FORM_REPLAY_MS, and is deleted when shown. Passwords and one-time
 * tokens are never stored (the caller leaves them out). See docs/decisions/refused-post-redirect.md.
 */
import type { AstroCookieSetOptions } from 'astro';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { formReplays } from '#db/schema.ts';
import { config } from '#platform/config.ts';
import { randomSecret, sha256Hex } from '#platform/auth/crypto.ts';

/** How long a refused post waits for its page load: the redirect follows at once; ten minutes covers a slow phone. */
export const FORM_REPLAY_MS = 10 * 60_000;

/** What a page needs to show a refused post again. */
export interface FormReplay {
  actionName: string;
  /** Astro's serialized action result (what `setActionResult` takes). */
  result: unknown;
  /** The typed values, in form order, without passwords and tokens. */
  values: [string, string][];
}

export function formReplayCookieName(production = config().production): string {
  return production ? '__Host-praktijkplein_formulier' : 'praktijkplein_formulier';
}

export function formReplayCookieOptions(production = config().production): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: production, maxAge: Math.floor(FORM_REPLAY_MS / 1000) };
}

/** Keeps a refused post for `path`; answers the secret for the cookie. An earlier one of the same browser (`previous`) goes. */
export async function keepFormReplay(db: Database, path: string, replay: FormReplay, previous: string | undefined, now = Date.now()): Promise<string> {
  const secret = randomSecret(32);
  await db.batch([
    db.delete(formReplays).where(eq(formReplays.id, sha256Hex(previous ?? ''))),
    db.insert(formReplays).values({
      id: sha256Hex(secret),
      // Hashed: a page opened from an e-mail link has its one-time token in the address.
      path: sha256Hex(path),
      actionName: replay.actionName,
      result: JSON.stringify(replay.result),
      formValues: JSON.stringify(replay.values),
      expiresAt: now + FORM_REPLAY_MS,
    }),
  ]);
  return secret;
}

/** Takes (reads and deletes) the refused post the cookie's secret names, if it belongs to `path` and has not expired. */
export async function takeFormReplay(db: Database, secret: string, path: string, now = Date.now()): Promise<FormReplay | null> {
  const [row] = await db
    .delete(formReplays)
    .where(and(eq(formReplays.id, sha256Hex(secret)), eq(formReplays.path, sha256Hex(path)), gt(formReplays.expiresAt, now)))
    .returning();
  if (!row) return null;
  try {
    const values = JSON.parse(row.formValues) as unknown;
    const pairs = Array.isArray(values) ? values.filter((pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') : [];
    return { actionName: row.actionName, result: JSON.parse(row.result) as unknown, values: pairs };
  } catch {
    return null;
  }
}

/** Retention: refused posts nobody came back for. */
export function deleteExpiredFormReplays(db: Database, now = Date.now()) {
  return db.delete(formReplays).where(lt(formReplays.expiresAt, now));
}
