/**
 * The open data's rate limits, one way for the API, the downloads and the catalogue: a token from
 * the bucket of the request's network; when it is empty, how long to wait, as the Retry-After
 * header (RFC 9110 §10.2.3, whole seconds) and as the Dutch sentence the refusal ends with. Each
 * caller says the rest in its own format (a problem for the API, plain text for a file).
 */
import type { Deps } from '#platform/context.ts';
import { consume, type LimitName } from '#platform/auth/rate-limit.ts';

export interface OverLimit {
  headers: { 'Retry-After': string };
  /** "Probeer het over 8 seconden opnieuw." */
  tryAgain: string;
}

/** Takes a token of `limit` for the request's network; undefined when there was one. */
export async function overLimit(deps: Deps, limit: LimitName): Promise<OverLimit | undefined> {
  const result = await consume(deps.db, limit, deps.ip);
  if (result.allowed) return undefined;
  const seconds = Math.ceil(result.retryAfterMs / 1000);
  return { headers: { 'Retry-After': String(seconds) }, tryAgain: `Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.` };
}
