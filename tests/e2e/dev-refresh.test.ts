import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, SAMPLE_SITE, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

const FILE = 'src/content/pages/work/typo.md';
const FIXED = '---\nlayout: work_page\ntitle: Typo Inc\ndata: work\npermalink: /work/typo\n---\n\nBody.\n';
const DATA = `${readFileSync(join(SAMPLE_SITE, 'src', 'data', 'work.yml'), 'utf8')}\nTypo Inc:\n  summary: A page with a mistake\n  page: typo\n`;

/**
 * A page fixed in `astro dev` while the browser keeps asking for it. Requests that read the content
 * from before the fix could leave it in use, and the page missing until a restart (a race, so not every
 * run shows it), before `astro dev` was made to load its content again once the fix settled.
 */
describe('astro dev, with requests in flight while a page is fixed', () => {
  let site: Site;
  let dev: DevServer;

  beforeAll(async () => {
    site = await createSite('dev-refresh', { files: { [FILE]: FIXED.replace('permalink:', 'descripton: A typo.\npermalink:'), 'src/data/work.yml': DATA } });
    dev = await startDevServer(site);
  });

  afterAll(async () => {
    await dev?.stop();
  });

  it('serves the page once it is fixed', async () => {
    const url = new URL('work/typo', dev.url).href;
    expect((await fetch(url)).status).toBe(500);
    let asking = true;
    const keepAsking = async () => {
      while (asking) {
        await fetch(url)
          .then((response) => response.text())
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const askers = [keepAsking(), keepAsking(), keepAsking()];
    await writeFile(join(site.root, FILE), FIXED);
    await dev.waitFor('All pages are valid.');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    asking = false;
    await Promise.all(askers);
    await expect
      .poll(async () => (await fetch(url)).status, { timeout: 10_000, interval: 250 })
      .toBe(200);
  });
});
