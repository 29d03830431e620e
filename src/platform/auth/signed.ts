/**
 * Home of values the server signs for itself and checks later (no row to look up): an
 * HMAC-SHA256 over a purpose and a text, with the APP_SECRET from the configuration, so every
 * instance makes and accepts the same tags. The purpose is part of what is signed, so a tag made
 * for one use never passes for another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '#platform/config.ts';

/** The raw HMAC of `purpose` and `text`. */
export function signedBytes(purpose: string, text: string, secret = config().appSecret): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\n${text}`).digest();
}

/** A URL-safe tag of 22 characters (128 bits) for `text` in `purpose`. */
export function signedTag(purpose: string, text: string, secret?: string): string {
  return signedBytes(purpose, text, secret).toString('base64url').slice(0, 22);
}

/** Whether `tag` is the tag of `text` in `purpose`, compared in constant time. */
export function tagMatches(purpose: string, text: string, tag: string, secret?: string): boolean {
  const expected = Buffer.from(signedTag(purpose, text, secret));
  const given = Buffer.from(tag);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
