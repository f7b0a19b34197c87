/**
 * Debian's Chromium, as the audit and the browser tests launch it: never a downloaded browser.
 * `CHROMIUM_PATH` points elsewhere when needed.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * No sandbox (the machines run as root), no GPU, and no traffic of Chromium's own (updates, sync,
 * QUIC probes): the machine may be offline, and every page it opens is local.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];
