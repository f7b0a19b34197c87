import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { createSite, SAMPLE_SITE, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

const FILE = 'src/content/pages/work/typo.md';
const FIXED = '---\nlayout: work_page\ntitle: Typo Inc\ndata: work\npermalink: /work/typo\n---\n\nBody.\n';
const BROKEN = FIXED.replace('permalink:', 'descripton: A typo.\npermalink:');
const DATA = `${readFileSync(join(SAMPLE_SITE, 'src', 'data', 'work.yml'), 'utf8')}\nTypo Inc:\n  summary: A page with a mistake\n  page: typo\n`;
/** Each round breaks and fixes the page once, with requests in flight: each is one more chance for the race. */
const ROUNDS = 5;

/**
 * A page fixed in `astro dev` while the browser keeps asking for it. A request that reads the content
 * from before the fix while `astro dev` loads it again can leave the old content in use, and the page
 * missing until a restart. Whether a request falls in that moment is chance, so the test gives it many:
 * requests in flight through every fix, in several rounds of breaking and fixing the page. Each step
 * waits on what matters (the page gone, the page back), never on a clock; a page that never comes back
 * fails the test at the test's own timeout.
 */
describe('astro dev, with requests in flight while a page is fixed', () => {
  let site: Site;
  let dev: DevServer;

  beforeAll(async () => {
    site = await createSite('dev-refresh', { files: { [FILE]: BROKEN, 'src/data/work.yml': DATA } });
    dev = await startDevServer(site);
  });

  beforeEach(() => onTestFailed(() => console.log(`astro dev printed:\n${dev?.output() ?? '(not started)'}`)));

  afterAll(async () => {
    await dev?.stop();
  });

  it('serves the page once it is fixed, every time', async () => {
    const url = new URL('work/typo', dev.url).href;
    const status = () =>
      fetch(url).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      );
    expect(await status()).toBe(500);
    for (let round = 1; round <= ROUNDS; round++) {
      if (round > 1) {
        await writeFile(join(site.root, FILE), BROKEN);
        // Broken again: the page is gone once the checks and the content have caught up.
        let gone = false;
        while (!gone) gone = (await status()) !== 200;
      }
      // Three readers keep asking, one request after another, until one is served the page.
      let served = false;
      const keepAsking = async () => {
        while (!served) if ((await status()) === 200) served = true;
      };
      const askers = [keepAsking(), keepAsking(), keepAsking()];
      await writeFile(join(site.root, FILE), FIXED);
      await Promise.all(askers);
      expect(served, `round ${round}`).toBe(true);
    }
  });
});
