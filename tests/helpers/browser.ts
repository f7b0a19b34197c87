import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.mjs';

export { CHROMIUM_PATH };
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
    args: CHROMIUM_FLAGS,
  });
}

/** The prefix of the console error the page's own listener writes for each `securitypolicyviolation` event. */
export const CSP_VIOLATION = 'CSP violation:';

/**
 * Runs in every document before its own markup: reports each Content-Security-Policy violation on the
 * console, with what was refused and the directive that refused it. Chromium logs its own refusals
 * as console errors too; the event also catches what it words differently or reports only once.
 * DevTools injects this script, so the page's `script-src 'none'` does not block it.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error(${JSON.stringify(CSP_VIOLATION)} + ' ' + event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') + (event.sample ? ' "' + event.sample + '"' : '') + ' at line ' + event.lineNumber);
});`;

export interface WatchOptions {
  /** The status the page itself is served with: 404 for the site's 404 page. Everything it loads must be 200. */
  status?: number;
  /** Count console warnings as problems too (the visitor pages have none). */
  warnings?: boolean;
}

/**
 * Collects everything that goes wrong on a page from now on, one line each: console errors (CSP
 * refusals among them), uncaught exceptions, failed requests and error responses. Call it before
 * `page.goto`; read the array after the page has loaded.
 */
export async function watchPage(page: Page, { status = 200, warnings = false }: WatchOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript({ content: REPORT_CSP_VIOLATIONS });
  const isPageItself = (url: string) => url === page.url() || url === page.mainFrame().url();
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && !(warnings && type === 'warning')) return;
    // Chromium logs a page served with an error status; the 404 page is meant to be one.
    if (status !== 200 && isPageItself(message.location().url) && message.text().includes(`status of ${status}`)) return;
    problems.push(`console ${type}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    const expected = response.request().isNavigationRequest() && response.request().frame() === page.mainFrame() ? status : 200;
    if (response.status() >= 400 && response.status() !== expected) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}
