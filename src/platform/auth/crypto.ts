/** Random secrets, hashing and constant-time comparison, from node:crypto (no primitive is missing). */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** URL-safe random string with `bytes` bytes of entropy. */
export function randomSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two hex digests without leaking where they differ. */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export function newId(): string {
  return randomUUID();
}

/** `<id>.<secret>`: the id finds the row, the secret proves possession (only its hash is stored). */
export interface SplitToken {
  id: string;
  secret: string;
}

const tokenPattern = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export function createSplitToken(): SplitToken & { token: string } {
  const id = randomSecret(16);
  const secret = randomSecret(32); // 256 bits
  return { id, secret, token: `${id}.${secret}` };
}

export function parseSplitToken(token: string | undefined | null): SplitToken | null {
  const match = token ? tokenPattern.exec(token) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}
