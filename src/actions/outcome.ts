/**
 * What a form action answers, in one shape every page understands: where to go on success,
 * or a status with a form-level message and/or messages per field.
 */
import type { ActionAPIContext } from 'astro:actions';
import { isProduction } from '../auth/cookie.ts';
import { retryAfterText } from '../auth/rate-limit.ts';
import { appDatabase } from '../server/app-database.ts';
import type { Deps } from '../accounts/deps.ts';

export type FormOutcome =
  | { ok: true; redirect: string }
  | { ok: false; status: number; message?: string; fields?: Record<string, string> };

export const redirectTo = (redirect: string): FormOutcome => ({ ok: true, redirect });

export const fieldErrors = (fields: Record<string, string>, status = 422): FormOutcome => ({ ok: false, status, fields });

export const formError = (message: string, status = 400): FormOutcome => ({ ok: false, status, message });

export const rateLimited = (retryAfterMs: number): FormOutcome =>
  formError(`U heeft het te vaak achter elkaar geprobeerd. Probeer het ${retryAfterText(retryAfterMs)} opnieuw.`, 429);

export const notSignedIn = (): FormOutcome => formError('U bent niet (meer) ingelogd. Log opnieuw in en probeer het nog eens.', 401);

export const forbidden = (): FormOutcome => formError('U mag dit niet doen met uw account.', 403);

/**
 * The public origin for links in e-mail. Never the request's Host header in production:
 * a forged Host would otherwise put an attacker's domain in a password-reset link.
 */
export function siteOrigin(url: URL): string {
  const configured = process.env.SITE_URL;
  if (configured) return new URL(configured).origin;
  if (isProduction()) throw new Error('SITE_URL moet in productie zijn ingesteld');
  return url.origin;
}

/**
 * The client's address for per-IP limits. Behind a reverse proxy every request comes from the
 * proxy, so with TRUST_PROXY=1 the address the proxy appended to X-Forwarded-For is used.
 */
export function clientIp(request: Request, socketAddress: string): string {
  if (process.env.TRUST_PROXY === '1') {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
    if (forwarded && forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  return socketAddress;
}

export async function depsFor(context: ActionAPIContext): Promise<Deps> {
  return { db: await appDatabase(), origin: siteOrigin(context.url), ip: clientIp(context.request, context.clientAddress) };
}
