/**
 * The cookies' names and attributes: HttpOnly, SameSite=Lax, Path=/, and in production Secure
 * with the __Host- prefix (which browsers only accept on HTTPS without a Domain). The session
 * cookie, and the known-device mark (auth/known-device.ts) that outlives sessions.
 */
import type { AstroCookieSetOptions } from 'astro';
import { config } from '#platform/config.ts';
import { INACTIVITY_MS } from './session.ts';

const isProduction = () => config().production;

export function sessionCookieName(production = isProduction()): string {
  return production ? '__Host-praktijkplein_sessie' : 'praktijkplein_sessie';
}

export function sessionCookieOptions(production = isProduction()): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: production, maxAge: Math.floor(INACTIVITY_MS / 1000) };
}

/** How long a browser stays known after the last login there. */
export const KNOWN_DEVICE_DAYS = 180;

export function knownDeviceCookieName(production = isProduction()): string {
  return production ? '__Host-praktijkplein_apparaat' : 'praktijkplein_apparaat';
}

export function knownDeviceCookieOptions(production = isProduction()): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: production, maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60 };
}
