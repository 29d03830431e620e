/**
 * The fragment of one follow on the settings page (/account/volgen/#volg-sector-logistiek), so
 * the page opens at the follow whose choice was just saved. Kinds and values are ids (slugs).
 */
import type { Follow } from '#domain/follows.ts';

export function followAnchor(follow: Follow): string {
  return `volg-${follow.kind}-${follow.value}`.replace(/[^a-z0-9-]/gi, '-');
}
