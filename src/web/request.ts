/**
 * What a request tells the app about the outside world: the client's address for per-IP
 * limits, and the dependencies (database, public origin, IP) every use case receives.
 * The public origin always comes from configuration, never from the request's Host header.
 */
import type { Deps } from '#platform/context.ts';
import { appDatabase } from './app-database.ts';
import { config } from '#platform/config.ts';

/**
 * The client's address for per-IP limits. Behind a reverse proxy every request comes from the
 * proxy, so with TRUST_PROXY=1 the address the proxy appended to X-Forwarded-For is used.
 */
export function clientIp(request: Request, socketAddress: string): string {
  if (config().trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
    if (forwarded && forwarded.length > 0) return forwarded[forwarded.length - 1]!;
  }
  return socketAddress;
}

/** The part of an Astro context (page or action) that use cases need. */
interface RequestLike {
  request: Request;
  clientAddress: string;
}

export async function depsFor(context: RequestLike): Promise<Deps> {
  return { db: await appDatabase(), origin: config().siteUrl, ip: clientIp(context.request, context.clientAddress) };
}
