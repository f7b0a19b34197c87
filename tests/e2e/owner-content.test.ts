import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserTestsAvailable, CSP_VIOLATION, imagesLoaded, launchChromium, releaseChromium, settled, tabPool, watchPage } from '../helpers/browser.ts';
import { builtPages, servedPath, startPagesServer, type PagesServer } from '../helpers/pages-server.ts';
import { buildSite, FIXTURES } from '../helpers/site.ts';

/**
 * What an owner writes in Markdown renders in Chromium as written, under the page's own
 * Content-Security-Policy, in light and dark: a coloured `<span style>` in an entry, a `<style>` block
 * in a page, Prism's code colours, and a record's image served as AVIF/WebP.
 */

const BASE = '/portfolio/';
const ENV = { SITE_URL: 'https://jane.github.io', BASE_PATH: BASE };
/** The record image's address on the site: a file in public/, as the Jekyll site had it. */
const IMAGE = '/assets/images/work/gt.png';
const SCHEMES = ['light', 'dark'] as const;
/** A real PNG logo, for the record's image. */
const LOGO_PNG = join(FIXTURES, 'images', 'orbital-logo.png');

/** Front matter then body, as an owner writes a Markdown file. */
function markdown(frontMatter: Record<string, string>, body: string): string {
  const lines = Object.entries(frontMatter).map(([key, value]) => `${key}: ${value}`);
  return ['---', ...lines, '---', '', body, ''].join('\n');
}

/** Fenced code in the three languages the owner's posts use, so Prism marks keywords and strings. */
const CODE_SAMPLES = [
  '```java',
  'public class Hello {',
  '  public static void main(String[] args) {',
  '    System.out.println("Hello, Kinesis");',
  '  }',
  '}',
  '```',
  '',
  '```python',
  'def greet(name):',
  '    return f"Hello, {name}"',
  '```',
  '',
  '```bash',
  'if [ -f ~/.bashrc ]; then',
  '  echo "sourcing aliases"',
  'fi',
  '```',
].join('\n');

/** Only these pages, records and post: the project's own are replaced. */
const PAGES: Record<string, string> = {
  'home.md': markdown({ layout: 'home', title: 'Home', headline: 'Hello.', permalink: '/' }, 'I studied at [Georgia Tech](/work/gt).'),
  'work.md': markdown({ layout: 'work', title: 'Work', data: 'work', permalink: '/work/' }, 'Where I have studied.'),
  'work/gt.md': markdown(
    { layout: 'work_page', title: 'Georgia Tech', data: 'work', permalink: '/work/gt' },
    'Two degrees in Atlanta. <span style="color:#B3A369">Go team!</span>',
  ),
  'about.md': markdown(
    { layout: 'page', title: 'About', permalink: '/about/' },
    [
      '<style>.callout { border-left: 4px solid rgb(0, 128, 0); }</style>',
      '',
      '<p class="callout">A note set off by a green rule.</p>',
      '',
      'Plain text after it.',
    ].join('\n'),
  ),
  'blog.md': markdown({ layout: 'blog', title: 'Blog', permalink: '/blog/' }, 'Notes.'),
};
const POSTS = {
  '2019-06-10-code-in-three-languages.md': markdown({ title: 'Code in three languages' }, ['Java, Python and Bash.', '', CODE_SAMPLES].join('\n')),
};
const DATA = {
  'work.yml': ['Georgia Tech:', '  summary: M.S. in Computer Science', '  date: 8/2017 - 5/2019', `  image: ${IMAGE}`, '  page: gt', ''].join('\n'),
};

const ENTRY = 'work/gt';
const STYLED_PAGE = 'about/';
const POST = '2019/06/10/code-in-three-languages.html';

/** Computed colours of a code block: its plain text, and the first keyword and string Prism marked. */
function codeColours(page: Page, language: string) {
  return page.locator(`pre code.language-${language}`).evaluate((code) => {
    const colour = (selector: string) => {
      const token = code.querySelector(selector);
      return token ? getComputedStyle(token).color : 'no such token';
    };
    return { plain: getComputedStyle(code).color, keyword: colour('.token.keyword'), string: colour('.token.string') };
  });
}

describe.runIf(browserTestsAvailable())('an owner’s styles, code and images, in Chromium under the page’s CSP', () => {
  let browser: Browser;
  let tabs: ReturnType<typeof tabPool>;
  let server: PagesServer;
  let dist: string;

  beforeAll(async () => {
    const site = await buildSite('e2e-owner-content', {
      pages: PAGES,
      data: DATA,
      posts: POSTS,
      files: { [`public${IMAGE}`]: await readFile(LOGO_PNG) },
      env: ENV,
    });
    expect(site.output).toContain('Complete!');
    expect(site.exitCode).toBe(0);
    dist = site.dist;
    server = await startPagesServer(dist, BASE);
    browser = await launchChromium();
    tabs = tabPool(browser);
  });

  afterAll(async () => {
    await tabs?.close();
    await releaseChromium(browser);
    await server?.close();
  });

  const urlOf = (path: string) => new URL(path, server.url).href;

  async function open(path: string, colorScheme: (typeof SCHEMES)[number], status = 200) {
    const visit = await tabs.visit(urlOf(path), { colorScheme, width: 1024, height: 768 }, { status });
    expect(visit.status, path).toBe(status);
    await imagesLoaded(visit.page);
    return visit;
  }

  it('notices a CSP violation when there is one (the watch itself works)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page);
    await page.route(urlOf('csp-canary'), (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><meta http-equiv="content-security-policy" content="style-src 'none'"><title>x</title><p style="color:red">refused</p>`,
      }),
    );
    await page.goto(urlOf('csp-canary'));
    // Once from the page's listener, once in Chromium's own words.
    expect(problems.filter((problem) => problem.includes(`${CSP_VIOLATION} style-src-attr`))).toHaveLength(1);
    expect(problems.filter((problem) => problem.includes('violates the following Content Security Policy directive'))).toHaveLength(1);
    await context.close();
  });

  it('shows every page with 0 console errors and 0 CSP violations, in light and then in dark', async () => {
    const pages = (await builtPages(dist)).map(servedPath);
    expect(pages).toEqual(expect.arrayContaining(['', 'work/', ENTRY, STYLED_PAGE, 'blog/', POST.replace(/\.html$/, '')]));
    const problems: string[] = [];
    for (const [path, status] of [...pages.map((path) => [path, 200] as const), ['no-such-page', 404] as const]) {
      // Loaded in light, then switched to dark as a visitor's system would: anything the dark scheme
      // loads or refuses shows up on the same watch.
      const opened = await open(path, 'light', status);
      await opened.page.emulateMedia({ colorScheme: 'dark' });
      await settled(opened.page);
      problems.push(...opened.problems.map((problem) => `/${path}: ${problem}`));
      // The page is under a policy that denies by default: no violation is proof of something.
      const policy = await opened.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      if (!policy?.startsWith("default-src 'none'")) problems.push(`/${path}: no Content-Security-Policy that denies by default (${policy})`);
      await opened.close();
    }
    expect(problems).toEqual([]);
  });

  it.each(SCHEMES)('colours the entry’s <span style> as written (%s)', async (colorScheme) => {
    const { page, problems, close } = await open(ENTRY, colorScheme);
    expect(await page.getByText('Go team!').evaluate((span) => getComputedStyle(span).color)).toBe('rgb(179, 163, 105)');
    expect(problems).toEqual([]);
    await close();
  });

  it.each(SCHEMES)('applies the page’s own <style> block (%s)', async (colorScheme) => {
    const { page, problems, close } = await open(STYLED_PAGE, colorScheme);
    const border = await page.locator('p.callout').evaluate((callout) => {
      const style = getComputedStyle(callout);
      return `${style.borderLeftStyle} ${style.borderLeftWidth} ${style.borderLeftColor}`;
    });
    expect(border).toBe('solid 4px rgb(0, 128, 0)');
    expect(problems).toEqual([]);
    await close();
  });

  it('colours Prism’s tokens apart from the plain code, differently in light and dark', async () => {
    const colours: Record<string, Awaited<ReturnType<typeof codeColours>>> = {};
    for (const colorScheme of SCHEMES) {
      const { page, problems, close } = await open(POST, colorScheme);
      for (const language of ['java', 'python', 'bash']) {
        const found = await codeColours(page, language);
        expect(found.keyword, `${language} ${colorScheme} keyword`).not.toBe(found.plain);
        expect(found.string, `${language} ${colorScheme} string`).not.toBe(found.plain);
        expect(found.keyword, `${language} ${colorScheme}: keywords and strings look alike`).not.toBe(found.string);
        colours[`${language} ${colorScheme}`] = found;
      }
      expect(problems).toEqual([]);
      await close();
    }
    for (const language of ['java', 'python', 'bash']) {
      const light = colours[`${language} light`]!;
      const dark = colours[`${language} dark`]!;
      expect(dark.keyword, `${language} keyword in dark`).not.toBe(light.keyword);
      expect(dark.string, `${language} string in dark`).not.toBe(light.string);
    }
  });

  it('serves the record’s image as an AVIF/WebP <picture> with its size, and the original at its old address', async () => {
    for (const path of [ENTRY, 'work/']) {
      const { page, close } = await open(path, 'light');
      const picture = await page.locator('main picture').evaluate((element) => {
        const image = element.querySelector('img');
        return {
          sources: [...element.querySelectorAll('source')].map((source) => source.getAttribute('type')),
          width: image?.getAttribute('width'),
          height: image?.getAttribute('height'),
          // Chromium reads AVIF, so it picks the first source.
          shown: image?.currentSrc ? new URL(image.currentSrc).pathname.split('.').pop() : undefined,
          loaded: Boolean(image?.complete && image.naturalWidth > 0),
        };
      });
      expect(picture, path).toEqual({ sources: ['image/avif', 'image/webp'], width: '320', height: '320', shown: 'avif', loaded: true });
      await close();
    }
    const context = await browser.newContext();
    const original = await context.request.get(urlOf(IMAGE.slice(1)));
    expect(original.status()).toBe(200);
    expect(original.headers()['content-type']).toBe('image/png');
    expect(Buffer.compare(await original.body(), await readFile(LOGO_PNG))).toBe(0);
    await context.close();
  });
});
