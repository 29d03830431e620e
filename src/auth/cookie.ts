/**
 * The session cookie's name and attributes: HttpOnly, SameSite=Lax, Path=/, and in production
 * Secure with the __Host- prefix (which browsers only accept on HTTPS without a Domain).
 */
import type { AstroCookieSetOptions } from 'astro';
import { config } from '../server/config.ts';
import { INACTIVITY_MS } from './session.ts';

const isProduction = () => config().production;

export function sessionCookieName(production = isProduction()): string {
  return production ? '__Host-praktijkplein_sessie' : 'praktijkplein_sessie';
}

export function sessionCookieOptions(production = isProduction()): AstroCookieSetOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: production, maxAge: Math.floor(INACTIVITY_MS / 1000) };
}
