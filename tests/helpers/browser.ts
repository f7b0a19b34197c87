import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. `CHROMIUM_PATH` points elsewhere when needed. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

/**
 * Browser tests skip only when no Chromium is found, and say so; with `CI` set a missing Chromium
 * is a failure, so CI can never pass without running them.
 */
export function browserTestsAvailable(): boolean {
  if (hasChromium) return true;
  if (process.env['CI']) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH} and CI is set. Install it: apt-get install -y chromium`);
  }
  console.warn(`\n  Browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium\n`);
  return false;
}

/** Headless Chromium with the flags this machine needs (no sandbox as root, no GPU, no network chatter). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}
