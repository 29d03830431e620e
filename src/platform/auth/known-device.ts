/**
 * Home of the known-device mark: after a successful login the browser keeps a cookie that proves
 * "the owner signed in here before". It lets that browser pass the per-account login limit, so
 * guessing from many networks can slow down strangers' attempts without locking the owner out
 * of their own devices. The mark is derived from the account's password hash
 * (salted, never sent anywhere), so it needs no table and no server secret, and a changed
 * password retires every mark at once.
 */
import { constantTimeEqualHex, sha256Hex } from './crypto.ts';

/** The mark for this account as it is now. */
export function knownDeviceMark(userId: string, passwordHash: string): string {
  return sha256Hex(`praktijkplein-known-device:${userId}:${passwordHash}`);
}

/** Does the browser's mark belong to this account (compared in constant time)? */
export function isKnownDevice(mark: string | undefined, userId: string, passwordHash: string): boolean {
  if (!mark || !/^[0-9a-f]{64}$/.test(mark)) return false;
  return constantTimeEqualHex(mark, knownDeviceMark(userId, passwordHash));
}
