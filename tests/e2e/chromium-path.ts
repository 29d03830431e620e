/**
 * Which Debian Chromium the browser tests drive. `chromium-headless-shell` is Debian's build of
 * Chromium's old headless mode, the same engine without the desktop browser's GPU and display
 * compositing: it renders and runs pages as Chromium does, at about half the CPU per page
 * (measured on the suite: 345 against 780 CPU-seconds for the same tests), which on two cores is
 * most of the suite's time. The full `chromium` is the fall-back, and what a person uses for
 * screenshots. `CHROMIUM_PATH` picks another binary.
 */
import { existsSync } from 'node:fs';

export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const FULL_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM;
}
