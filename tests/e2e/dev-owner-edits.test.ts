import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { attribute, parseHtml, select, textOf } from '../helpers/html-tree.ts';
import { createSite, startDevServer, type DevServer, type Site } from '../helpers/site.ts';

/**
 * `astro dev` as an owner meets it while editing the sample site: the sitemap answers, a post's page
 * marks the blog in the header, and an editor's file of the moment is not taken for a page.
 */
describe('astro dev while the owner edits', () => {
  let site: Site;
  let dev: DevServer;
  const page = (path: string) => fetch(new URL(path, dev.url));

  beforeAll(async () => {
    site = await createSite('dev-owner-edits');
    dev = await startDevServer(site);
  });

  beforeEach(() => onTestFailed(() => console.log(`astro dev printed:\n${dev?.output() ?? '(not started)'}`)));

  afterAll(async () => {
    await dev?.stop();
  });

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
    await dev.waitFor('descripton (line 5): is not a field a page can have.');
    expect(dev.output().slice(from)).not.toContain('sedKzga9D');
    await rm(temp);
    await writeFile(gt, text);
    await dev.waitFor('All pages are valid.');
  });
});
