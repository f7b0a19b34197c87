import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/links/check.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';
import {
  buildSite,
  fixture,
  fixtureEntries,
  PROJECT_ROOT,
  readBuiltSite,
  type BuiltSite,
} from '../helpers/site.ts';

/** Every internal link problem on a built site, as `page: kind url` lines (empty when all resolve). */
function linkProblems(site: BuiltSite, base: string): string[] {
  const pages = new Map([...site.pages].map(([file, html]) => [file, extractPageFacts(html)]));
  return checkLinks({ files: site.files, pages, base }).map((p) => `${p.page}: ${p.kind} ${p.url}`);
}

/** The internal URLs written on every page (not external, not same-page fragments). */
function internalUrls(site: BuiltSite): string[] {
  return [...site.pages.values()]
    .flatMap((html) => extractPageFacts(html).links.map((link) => link.url))
    .filter((url) => !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url));
}

/** `<script>` elements other than JSON-LD data, and JavaScript files: the site promises none. */
function javascriptIn(site: BuiltSite): string[] {
  const scripts = [...site.pages].flatMap(([file, html]) =>
    [...html.matchAll(/<script\b[^>]*>/gi)]
      .map((match) => match[0])
      .filter((tag) => !/type=["']?application\/ld\+json/i.test(tag))
      .map((tag) => `${file}: ${tag}`),
  );
  const files = [...site.files].filter((file) => /\.(m?js|cjs)$/.test(file));
  return [...scripts, ...files];
}

/** Lines of a build log that warn or report an error: a normal build has none, so a new one fails CI. */
function warningsIn(output: string): string[] {
  return output.split('\n').filter((line) => /\[(WARN|ERROR)\]|\bwarning\b/i.test(line));
}

describe('the owner’s site, built as is', () => {
  let site: BuiltSite;
  let result: Awaited<ReturnType<typeof buildSite>>;

  beforeAll(async () => {
    result = await buildSite('owner');
    expect(result.output).toContain('Complete!');
    expect(result.exitCode).toBe(0);
    site = await readBuiltSite(result.dist);
  });

  it('keeps the seed entry verbatim', async () => {
    const seed = await readFile(join(PROJECT_ROOT, 'src/content/work/amazon.md'));
    // The SHA-256 of the owner's original page, byte for byte, as it came from the Jekyll site.
    expect(createHash('sha256').update(seed).digest('hex')).toBe('78ec7d6a429deed436b12ddc047af8f7490fd48d66c363ecfbf0bbd360f4b6d6');
    expect(seed.toString('utf8')).toMatch(/^---\nlayout: work_page\ntitle: Amazon\ndata: work\npermalink: \/work\/amazon\n---\n/);
  });

  it('writes every entry at its permalink as a file GitHub Pages serves without a redirect', () => {
    expect([...site.files].filter((file) => file.endsWith('.html'))).toEqual([
      '404.html',
      'index.html',
      'work.html',
      'work/amazon.html',
      'work/gt.html',
    ]);
  });

  it('renders the Amazon page: title, heading, body, navigation', () => {
    const html = site.pages.get('work/amazon.html') ?? '';
    expect(html).toContain('<title>Amazon · Your Name</title>');
    expect(html).toMatch(/<h1>Amazon<\/h1>/);
    expect(html).toContain('During the summer of 2018, I worked as a Software Engineering Intern');
    expect(html).toContain('<a href="/work/gt">Georgia Tech</a>');
    expect(html).toContain('<a href="/work/amazon" aria-current="page">Amazon</a>');
    expect(html).toMatch(/<nav class="group-nav"[^>]*>[\s\S]*<a href="\/work\/gt">Georgia Tech<\/a>/);
  });

  it('resolves every internal link, the seed page’s /work/gt included', () => {
    expect(linkProblems(site, '/')).toEqual([]);
  });

  it('ships zero JavaScript', () => {
    expect(javascriptIn(site)).toEqual([]);
  });

  it('prints a clean log: no warnings, no errors', () => {
    expect(warningsIn(result.output)).toEqual([]);
  });

  it('has a header, footer, home page with placeholders, work index and 404', () => {
    const home = site.pages.get('index.html') ?? '';
    expect(home).toContain('<h1 id="intro-heading">Your Name</h1>');
    expect(home).toContain('Placeholder intro');
    const index = site.pages.get('work.html') ?? '';
    expect(index).toContain('<a href="/work/amazon">Amazon</a>');
    expect(index).toContain('<a href="/work/gt">Georgia Tech</a>');
    expect(site.pages.get('404.html')).toContain('<h1>Page not found</h1>');
    for (const html of site.pages.values()) {
      expect(html).toMatch(/<header class="site-header">/);
      expect(html).toMatch(/<footer class="site-footer">/);
    }
  });

  it('lists every published page in the sitemap', async () => {
    const sitemap = await readFile(join(result.dist, 'sitemap-0.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locations).toEqual([
      'http://localhost:4321/',
      'http://localhost:4321/work',
      'http://localhost:4321/work/amazon',
      'http://localhost:4321/work/gt',
    ]);
  });
});

describe('a project site under /portfolio with Markdown and MDX entries', () => {
  let site: BuiltSite;
  let result: Awaited<ReturnType<typeof buildSite>>;

  beforeAll(async () => {
    result = await buildSite('portfolio', {
      entries: await fixtureEntries('site'),
      files: { 'src/components/Highlight.astro': await fixture('components/Highlight.astro') },
      env: { SITE_URL: 'https://x.github.io', BASE_PATH: '/portfolio' },
    });
    expect(result.output).toContain('Complete!');
    expect(result.exitCode).toBe(0);
    site = await readBuiltSite(result.dist);
  });

  it('builds each entry at its permalink, not its file name, and never a draft or _file', () => {
    expect([...site.pages.keys()].sort()).toEqual([
      '404.html',
      'index.html',
      'work.html',
      'work/2019/summer-research.html',
      'work/aws-intern.html',
      'work/gt.html',
    ]);
    for (const html of site.pages.values()) {
      expect(html).not.toContain('Secret Startup');
      expect(html).not.toContain('Unlisted');
    }
  });

  it('renders an .mdx entry with layout: work_page: expressions, imported components, JSX', () => {
    const html = site.pages.get('work/2019/summer-research.html') ?? '';
    expect(html).toContain('We published 42 papers in 2019.');
    expect(html).toContain('<strong class="highlight">Rendered by an imported component</strong>');
    expect(html).toContain('<a href="/portfolio/work/gt">Georgia Tech, linked from JSX</a>');
    expect(html).toMatch(/<h2 id="results">Results<\/h2>/);
    expect(html).toContain('<nav class="group-nav"');
  });

  it('escapes markup in a title instead of rendering it', () => {
    const html = site.pages.get('work/2019/summer-research.html') ?? '';
    expect(html).toContain('<h1>Research &lt;em&gt;Lab&lt;/em&gt;</h1>');
    expect(html).toContain('<title>Research &lt;em&gt;Lab&lt;/em&gt; · Your Name</title>');
    // Never an element: escaped in text, and literal text inside attribute values (og:title).
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<em>Lab</em>');
  });

  it('prefixes every internal link with the base, Markdown and MDX bodies included', () => {
    const urls = internalUrls(site);
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => !url.startsWith('/portfolio/'))).toEqual([]);
    const internship = site.pages.get('work/aws-intern.html') ?? '';
    expect(internship).toContain('<a href="/portfolio/work/gt">Georgia Tech</a>');
    expect(internship).toContain('<a href="/portfolio/work/2019/summer-research#results">');
    expect(site.pages.get('work/gt.html')).toContain('<a href="/portfolio/">home</a>');
  });

  it('resolves every internal link and fragment to a built file', () => {
    expect(linkProblems(site, '/portfolio/')).toEqual([]);
  });

  it('lists the nav in order with the current page marked', () => {
    const html = site.pages.get('work/aws-intern.html') ?? '';
    const nav = /<nav class="group-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const links = [...nav.matchAll(/<a href="([^"]+)"( aria-current="page")?>/g)].map((m) => `${m[1]}${m[2] ? ' (current)' : ''}`);
    expect(links).toEqual([
      '/portfolio/work/2019/summer-research',
      '/portfolio/work/gt',
      '/portfolio/work/aws-intern (current)',
    ]);
  });

  it('lists the pages at SITE_URL + base + permalink in the sitemap', async () => {
    const sitemap = await readFile(join(result.dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://x.github.io/portfolio/work/aws-intern</loc>');
    expect(sitemap).toContain('<loc>https://x.github.io/portfolio/work/2019/summer-research</loc>');
    expect(sitemap).not.toContain('secret');
    expect(sitemap).not.toContain('unlisted');
  });

  it('writes canonical URLs on the deployed origin', () => {
    expect(site.pages.get('work/gt.html')).toContain('<link rel="canonical" href="https://x.github.io/portfolio/work/gt">');
  });

  it('ships zero JavaScript', () => {
    expect(javascriptIn(site)).toEqual([]);
  });

  it('prints a clean log: no warnings, no errors', () => {
    expect(warningsIn(result.output)).toEqual([]);
  });
});
