import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './site.ts';

/** The rules every page is held to: WCAG 2.2 A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Where this test worker serves axe-core from, started by the first page that asks. */
let served: Promise<string> | undefined;

/**
 * axe-core served by its own address, with a cache lifetime: Chromium then fetches and compiles it
 * once for all the pages of a tab, where a script's text sent with each page (`addScriptTag({ path })`)
 * is sent, parsed and compiled again each time, about 0.2 s of processor time a page.
 */
function axeUrl(): Promise<string> {
  served ??= new Promise((resolve) => {
    const script = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'));
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' });
      response.end(script);
    });
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/axe.min.js`));
    server.unref();
  });
  return served;
}

/** Loads axe-core into the page: a tab that bypasses the page's CSP, which rightly refuses it. */
export async function addAxe(page: Page): Promise<void> {
  await page.addScriptTag({ url: await axeUrl() });
}

export interface AxeFindings {
  /** One line per rule broken: its id, impact and the elements. */
  violations: string[];
  /** Elements of the page's body whose text has a colour the owner set in a style attribute, and fails contrast. */
  ownColours: string[];
}

/**
 * axe-core's verdict on the page as it is shown now. Text the owner coloured with a style attribute
 * is the owner's choice, not the layout's: no colour reads at 4.5:1 on both the light and the dark
 * background, so it fails in one scheme; the build warns about it, and it is reported apart.
 */
export function axeFindings(page: Page): Promise<AxeFindings> {
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const ownColour = (id: string, target: string) => id === 'color-contrast' && Boolean(document.querySelector(target)?.closest('[data-page-body] [style]'));
    return {
      violations: results.violations.flatMap((v) => {
        const targets = v.nodes.map((node) => node.target.join(' ')).filter((target) => !ownColour(v.id, target));
        return targets.length > 0 ? [`${v.id} (${String(v.impact)}): ${targets.join(', ')}`] : [];
      }),
      ownColours: results.violations.flatMap((v) => v.nodes.map((node) => node.target.join(' ')).filter((target) => ownColour(v.id, target))),
    };
  }, AXE_TAGS);
}
