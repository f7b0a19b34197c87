import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { attribute, parseHtml, select, textOf } from '../helpers/html-tree.ts';
import { createSite, SAMPLE_SITE, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

/**
 * `astro dev` as an owner meets it while editing the sample site, one dev server for the file (a start
 * is seconds of processor time): a page fixed while the browser keeps asking for it, then the sitemap,
 * a post's header, and an editor's file of the moment. The site starts with one broken page, which
 * the first test fixes for good.
 */
const FILE = 'src/content/pages/work/typo.md';
const FIXED = '---\nlayout: work_page\ntitle: Typo Inc\ndata: work\npermalink: /work/typo\n---\n\nBody.\n';
const BROKEN = FIXED.replace('permalink:', 'descripton: A typo.\npermalink:');
const DATA = `${readFileSync(join(SAMPLE_SITE, 'src', 'data', 'work.yml'), 'utf8')}\nTypo Inc:\n  summary: A page with a mistake\n  page: typo\n`;
/** Each round breaks and fixes the page once, with requests in flight: each is one more chance for the race. */
const ROUNDS = 5;

let site: Site;
let dev: DevServer;
const page = (path: string) => fetch(new URL(path, dev.url));

beforeAll(async () => {
  site = await createSite('dev-owner-edits', { files: { [FILE]: BROKEN, 'src/data/work.yml': DATA } });
  dev = await startDevServer(site);
});

beforeEach(() => onTestFailed(() => console.log(`astro dev printed:\n${dev?.output() ?? '(not started)'}`)));

afterAll(async () => {
  await dev?.stop();
});

/**
 * A request that reads the content from before the fix while `astro dev` loads it again can leave the
 * old content in use, and the page missing until a restart. Whether a request falls in that moment is
 * chance, so the test gives it many: requests in flight through every fix, in several rounds of
 * breaking and fixing the page. Each step waits on what matters (the page gone, the page back), never
 * on a clock; a page that never comes back fails the test at the test's own timeout.
 */
describe('astro dev, with requests in flight while a page is fixed', () => {
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

describe('astro dev while the owner edits', () => {
  it('serves /sitemap.xml, listing the pages', async () => {
    const response = await page('sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('xml');
    const locations = select(parseHtml(await response.text()), (element) => element.tagName === 'loc').map((loc) => new URL(textOf(loc)).pathname);
    expect(locations).toEqual(expect.arrayContaining(['/', '/work/', '/work/amazon', '/work/gt', '/blog/', '/kinesis/2018/09/01/enhanced-fan-out.html']));
  });

  it('marks "Blog" in the header as where the visitor is, on a post', async () => {
    const html = await (await page('kinesis/2018/09/01/enhanced-fan-out.html')).text();
    const header = select(parseHtml(html), (element) => element.tagName === 'header')[0];
    const links = select(header!, (element) => element.tagName === 'a' && attribute(element, 'aria-current') !== undefined);
    expect(links.map((link) => [textOf(link).trim(), attribute(link, 'aria-current')])).toEqual([['Blog', 'true']]);
  });

  it('ignores an editor’s file of the moment beside a page (sed -i’s sedXXXXXX) and reports the real mistake alone', async () => {
    const gt = join(site.root, 'src/content/pages/work/gt.md');
    const text = await readFile(gt, 'utf8');
    const temp = join(site.root, 'src/content/pages/work/sedKzga9D');
    // sed -i writes the new text to a file of its own first; here it stays while the page changes.
    await writeFile(temp, text);
    const from = dev.output().length;
    await writeFile(gt, text.replace('permalink:', 'descripton: A typo.\npermalink:'));
    await dev.waitFor('src/content/pages/work/gt.md\n  descripton (line 5): is not a field a page can have.', from);
    expect(dev.output().slice(from)).not.toContain('sedKzga9D');
    await rm(temp);
    await writeFile(gt, text);
    await dev.waitFor('All pages are valid.', dev.output().indexOf('gt.md\n  descripton', from));
  });
});
