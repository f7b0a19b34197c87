import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAtomFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/links/check.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';
import { BODY_SURROUNDINGS } from '../../src/lib/html/page-facts.ts';
import { attribute, hasClass, mainOf, parseHtml, select, textOf, type Element } from '../helpers/html-tree.ts';
import { fixtureSiteBuild, sampleSite, SAMPLE_SITE, readBuiltSite, type BuiltSite, type CommandResult, type Site } from '../helpers/site.ts';

/** Every internal link problem on a built site, as `page: kind url` lines (empty when all resolve). */
function linkProblems(site: BuiltSite, base: string): string[] {
  const pages = new Map([...site.pages].map(([file, html]) => [file, extractPageFacts(html)]));
  return checkLinks({ files: site.files, pages, base }).map((p) => `${p.page}: ${p.kind} ${p.url}`);
}

const documents = new WeakMap<BuiltSite, Map<string, ReturnType<typeof parseHtml>>>();

/** A built page's document tree (parsed once). */
function tree(site: BuiltSite, file: string): ReturnType<typeof parseHtml> {
  let parsed = documents.get(site);
  if (!parsed) documents.set(site, (parsed = new Map()));
  let document = parsed.get(file);
  if (!document) {
    const html = site.pages.get(file);
    if (html === undefined) throw new Error(`no page ${file}; built: ${[...site.pages.keys()].join(', ')}`);
    parsed.set(file, (document = parseHtml(html)));
  }
  return document;
}

const elements = (site: BuiltSite, file: string, match: (element: Element) => boolean) => select(tree(site, file), match);
const byTag = (tag: string) => (element: Element) => element.tagName === tag;
const one = (found: Element[], what: string): Element => {
  expect(found, what).toHaveLength(1);
  return found[0] as Element;
};

/** The URLs of every link, image and other reference written on every page (not external, not same-page fragments). */
function internalUrls(site: BuiltSite): string[] {
  return [...site.pages.values()]
    .flatMap((html) => extractPageFacts(html).links.map((link) => link.url))
    .filter((url) => !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url));
}

/** `<script>` elements other than JSON-LD data, and JavaScript files: the site promises none. */
function javascriptIn(site: BuiltSite): string[] {
  const scripts = [...site.pages.keys()].flatMap((file) =>
    elements(site, file, byTag('script'))
      .filter((script) => attribute(script, 'type') !== 'application/ld+json')
      .map((script) => `${file}: <script ${script.attrs.map((attr) => attr.name).join(' ')}>`),
  );
  const files = [...site.files].filter((file) => /\.(m?js|cjs)$/.test(file));
  return [...scripts, ...files];
}

/** The names of the elements around each page body (`data-page-body`) on every page. */
function bodySurroundings(site: BuiltSite): string[] {
  const names = new Set<string>();
  for (const file of site.pages.keys()) {
    for (const body of elements(site, file, (element) => element.attrs.some((attr) => attr.name === 'data-page-body'))) {
      for (let node = body.parentNode; node && 'tagName' in node; node = node.parentNode) names.add((node as Element).tagName);
    }
  }
  return [...names].sort();
}

/** Lines of a build log that warn or report an error: a normal build has none, so a new one fails CI. */
function warningsIn(output: string): string[] {
  return output.split('\n').filter((line) => /\[(WARN|ERROR)\]|\bwarning\b/i.test(line));
}

/** The header's links, each as `href` and its `aria-current` when it has one. */
function navigation(site: BuiltSite, file: string): string[] {
  const nav = one(
    elements(site, file, (element) => element.tagName === 'nav' && attribute(element, 'aria-label') === 'Site'),
    `${file}: the site navigation`,
  );
  return select(nav, byTag('a')).map(
    (link) => `${textOf(link)} ${attribute(link, 'href')}${attribute(link, 'aria-current') ? ` (${attribute(link, 'aria-current')})` : ''}`,
  );
}

/** The work index's tiles in order: name, summary, and where each leads. */
function tiles(site: BuiltSite, file: string): string[] {
  const list = one(
    elements(site, file, (element) => element.tagName === 'ul' && hasClass(element, 'tiles')),
    `${file}: the tiles`,
  );
  return list.childNodes
    .filter((node): node is Element => 'tagName' in node && node.tagName === 'li')
    .map((item) => {
      const tile = one(
        select(item, (element) => hasClass(element, 'tile')),
        'a tile',
      );
      const name = textOf(one(select(tile, byTag('h2')), 'a tile heading'));
      const summary = select(tile, byTag('p')).map(textOf).join(' ');
      return `${name}${summary ? ` | ${summary}` : ''} -> ${tile.tagName === 'a' ? attribute(tile, 'href') : '(no page)'}`;
    });
}

/** What an entry page shows of its record above the body: the summary line and each list of links. */
function recordFacts(site: BuiltSite, file: string): { group: string; summary: string; lists: string[]; images: number } {
  const entry = one(
    elements(site, file, (element) => element.tagName === 'article' && hasClass(element, 'entry')),
    `${file}: the entry`,
  );
  const summary = select(entry, (element) => hasClass(element, 'entry__summary'))
    .map(textOf)
    .join('');
  const group = select(entry, (element) => hasClass(element, 'entry__group'))
    .flatMap((element) => select(element, byTag('a')).map((link) => `${textOf(link)} ${attribute(link, 'href')}`))
    .join('');
  const facts = select(entry, (element) => hasClass(element, 'entry__facts'));
  const lists = facts.flatMap((element) =>
    select(element, byTag('section')).map((section) => {
      const heading = select(section, byTag('h3')).map(textOf).join('');
      const links = select(section, byTag('a')).map((link) => `${textOf(link)} <${attribute(link, 'href')}>`);
      return `${heading}: ${links.join(', ')}`;
    }),
  );
  const images = facts.flatMap((element) => select(element, byTag('img'))).length;
  return { group, summary, lists, images };
}

/** The `<loc>` values of a sitemap file. */
async function sitemapLocations(dist: string, file: string): Promise<string[]> {
  const document = parseHtml(await readFile(join(dist, file), 'utf8'));
  return select(document, byTag('loc')).map(textOf);
}

/** Each published page's canonical URL, by file. */
function canonicalUrls(site: BuiltSite): Map<string, string | undefined> {
  return new Map(
    [...site.pages.keys()].map((file) => [
      file,
      elements(site, file, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical').map((link) => attribute(link, 'href'))[0],
    ]),
  );
}

/** Prism's token classes on the code of a page's code blocks. */
function codeTokens(site: BuiltSite, file: string): string[] {
  return elements(site, file, byTag('pre'))
    .flatMap((pre) => select(pre, (element) => element.tagName === 'span' && hasClass(element, 'token')))
    .map((span) => attribute(span, 'class') ?? '');
}

describe('the sample site, built as is', () => {
  let site: BuiltSite;
  let result: Site & CommandResult;

  beforeAll(async () => {
    result = await sampleSite();
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('Complete!');
    site = await readBuiltSite(result.dist);
  });

  it('keeps the seed entry verbatim', async () => {
    const seed = await readFile(join(SAMPLE_SITE, 'src/content/pages/work/amazon.md'));
    // The SHA-256 of the owner's original page, byte for byte, as it came from the Jekyll site.
    expect(createHash('sha256').update(seed).digest('hex')).toBe('78ec7d6a429deed436b12ddc047af8f7490fd48d66c363ecfbf0bbd360f4b6d6');
    expect(seed.toString('utf8')).toMatch(/^---\nlayout: work_page\ntitle: Amazon\ndata: work\npermalink: \/work\/amazon\n---\n/);
  });

  it('writes every page at its permalink as a file GitHub Pages serves without a redirect', () => {
    expect([...site.files].filter((file) => file.endsWith('.html'))).toEqual([
      '404.html',
      'blog/index.html',
      'index.html',
      'kinesis/2018/09/01/enhanced-fan-out.html',
      'work/amazon.html',
      'work/gt.html',
      'work/index.html',
    ]);
  });

  it('writes the files a Jekyll site served besides its pages: the feed, both sitemaps, robots.txt, .nojekyll', () => {
    expect([...site.files]).toEqual(
      expect.arrayContaining(['feed.xml', 'sitemap.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt', '.nojekyll', 'favicon.svg']),
    );
  });

  it('renders the Amazon page: title, heading, body, and its record above the body', () => {
    expect(elements(site, 'work/amazon.html', byTag('title')).map(textOf)).toEqual(['Amazon · Your Name']);
    const main = mainOf(site.pages.get('work/amazon.html') ?? '');
    expect(select(main, byTag('h1')).map(textOf)).toEqual(['Amazon']);
    expect(textOf(main)).toContain('During the summer of 2018, I worked as a Software Engineering Intern');
    expect(
      select(main, byTag('a'))
        .filter((link) => attribute(link, 'href') === '/work/gt')
        .map(textOf),
    ).toEqual(['Georgia Tech']);
    expect(recordFacts(site, 'work/amazon.html')).toEqual({
      group: 'Work /work/',
      summary: 'Software Development Engineer II, Software Engineering Intern (5/2018 - 8/2018, 8/2019 - 3/2022)',
      lists: ['Links: Amazon Kinesis Data Streams <https://aws.amazon.com/kinesis/data-streams/>'],
      images: 0,
    });
  });

  it('describes the Amazon page’s two periods, read from its record’s date, as two OrganizationRoles', () => {
    const [script] = elements(site, 'work/amazon.html', (element) => element.tagName === 'script' && attribute(element, 'type') === 'application/ld+json');
    const data = JSON.parse(script?.childNodes.map((node) => ('value' in node ? node.value : '')).join('') ?? '') as { mainEntity?: { alumniOf?: unknown } };
    const role = (startDate: string, endDate: string) => ({
      '@type': 'OrganizationRole',
      alumniOf: { '@type': 'Organization', name: 'Amazon' },
      roleName: 'Software Development Engineer II, Software Engineering Intern',
      startDate,
      endDate,
    });
    // "5/2018 - 8/2018, 8/2019 - 3/2022"
    expect(data.mainEntity?.alumniOf).toEqual([role('2018-05', '2018-08'), role('2019-08', '2022-03')]);
  });

  it('shows the work index with a tile per record, in the order of src/data/work.yml', () => {
    expect(tiles(site, 'work/index.html')).toEqual([
      'Amazon | Software Development Engineer II, Software Engineering Intern -> /work/amazon',
      'Georgia Tech | M.S. in Computer Science -> /work/gt',
    ]);
  });

  it.each([
    ['index.html', ['Work /work/', 'Blog /blog/']],
    ['work/index.html', ['Work /work/ (page)', 'Blog /blog/']],
    ['work/amazon.html', ['Work /work/ (true)', 'Blog /blog/']],
    ['blog/index.html', ['Work /work/', 'Blog /blog/ (page)']],
    ['kinesis/2018/09/01/enhanced-fan-out.html', ['Work /work/', 'Blog /blog/ (true)']],
    ['404.html', ['Work /work/', 'Blog /blog/']],
  ])('%s: the navigation of the site config, the current page or section marked', (file, links) => {
    expect(navigation(site, file)).toEqual(links);
  });

  it('resolves every internal link, the seed page’s /work/gt included', () => {
    expect(linkProblems(site, '/')).toEqual([]);
  });

  it('surrounds each page body only with elements the description reading knows (BODY_SURROUNDINGS)', () => {
    expect(bodySurroundings(site).filter((name) => !BODY_SURROUNDINGS.includes(name))).toEqual([]);
    expect(bodySurroundings(site).length).toBeGreaterThan(0);
  });

  it('ships zero JavaScript', () => {
    expect(javascriptIn(site)).toEqual([]);
  });

  it('prints a clean log: no warnings, no errors', () => {
    expect(warningsIn(result.output)).toEqual([]);
  });

  it('has a header and footer on every page, the home page from home.md, and a 404 page', () => {
    const home = mainOf(site.pages.get('index.html') ?? '');
    expect(select(home, byTag('h1')).map(textOf)).toEqual(['Software engineer building streaming data infrastructure.']);
    expect(textOf(home)).toContain('Placeholder intro');
    expect(select(mainOf(site.pages.get('404.html') ?? ''), byTag('h1')).map(textOf)).toEqual(['Page not found']);
    for (const file of site.pages.keys()) {
      expect(
        elements(site, file, (element) => element.tagName === 'header' && hasClass(element, 'site-header')),
        file,
      ).toHaveLength(1);
      expect(
        elements(site, file, (element) => element.tagName === 'footer' && hasClass(element, 'site-footer')),
        file,
      ).toHaveLength(1);
    }
  });

  it('shows the post with its date and category, and its code coloured by Prism classes', () => {
    const file = 'kinesis/2018/09/01/enhanced-fan-out.html';
    const main = mainOf(site.pages.get(file) ?? '');
    expect(select(main, byTag('h1')).map(textOf)).toEqual(['What I learned shipping enhanced fan-out']);
    expect(select(main, byTag('time')).map((time) => attribute(time, 'datetime'))).toEqual(['2018-09-01']);
    expect(codeTokens(site, file)).toEqual(expect.arrayContaining(['token comment', 'token function', 'token punctuation']));
    // Classes only: an inline style on each token would need allowing in the Content-Security-Policy.
    expect(elements(site, file, byTag('pre')).flatMap((pre) => select(pre, (element) => attribute(element, 'style') !== undefined))).toEqual([]);
  });

  // Folder pages keep their slash (GitHub Pages redirects /work to /work/) and .html permalinks their .html.
  it('lists every published page in the sitemap, at its canonical URL', async () => {
    const canonical = canonicalUrls(site);
    canonical.delete('404.html');
    const locations = await sitemapLocations(result.dist, 'sitemap-0.xml');
    expect(locations.sort()).toEqual([...canonical.values()].sort());
    expect([...canonical.values()].sort()).toEqual([
      'http://localhost:4321/',
      'http://localhost:4321/blog/',
      'http://localhost:4321/kinesis/2018/09/01/enhanced-fan-out.html',
      'http://localhost:4321/work/',
      'http://localhost:4321/work/amazon',
      'http://localhost:4321/work/gt',
    ]);
  });

  it('serves the sitemap at /sitemap.xml too, where jekyll-sitemap wrote it', async () => {
    expect(await readFile(join(result.dist, 'sitemap.xml'), 'utf8')).toBe(await readFile(join(result.dist, 'sitemap-index.xml'), 'utf8'));
  });

  it('writes an Atom feed of the posts, linked from every page', async () => {
    const feed = parseAtomFeed(await readFile(join(result.dist, 'feed.xml'), 'utf8'));
    const text = (value: unknown) => (typeof value === 'object' && value !== null && 'value' in value ? value.value : value);
    expect(feed.entries?.map((entry) => [text(entry.title), entry.links?.map((link) => link.href)])).toEqual([
      ['What I learned shipping enhanced fan-out', ['http://localhost:4321/kinesis/2018/09/01/enhanced-fan-out.html']],
    ]);
    for (const file of site.pages.keys()) {
      const alternates = elements(site, file, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'alternate');
      expect(
        alternates.map((link) => `${attribute(link, 'type')} ${attribute(link, 'href')}`),
        file,
      ).toEqual(['application/atom+xml /feed.xml']);
    }
  });
});

describe('a project site under /portfolio: tests/fixtures/site, in Markdown and MDX', () => {
  let site: BuiltSite;
  let result: Site & CommandResult;

  beforeAll(async () => {
    result = await fixtureSiteBuild();
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('Complete!');
    site = await readBuiltSite(result.dist);
  });

  it('builds each page at its permalink, not its file name, and never a draft or _file', () => {
    expect([...site.pages.keys()].sort()).toEqual([
      '404.html',
      'about.html',
      'blog/index.html',
      'index.html',
      'shell/2019/06/10/useful-shell-aliases.html',
      'work/2019/summer-research.html',
      'work/aws-intern.html',
      'work/gt.html',
      'work/index.html',
      'work/orbital.html',
    ]);
    for (const file of site.pages.keys()) {
      const text = textOf(tree(site, file));
      expect(text, file).not.toContain('Secret Startup');
      expect(text, file).not.toContain('Unlisted');
    }
  });

  it('shows a subtitle right under the title, on every layout that has one', () => {
    const subtitles: Record<string, string> = {
      'index.html': 'Platform engineer in Atlanta',
      'about.html': 'From a first shell script to streaming systems',
      'blog/index.html': 'Notes on tools, kept short',
      'work/index.html': 'Jobs, school and side projects',
      'work/orbital.html': 'Shipping the deployment platform',
      'shell/2019/06/10/useful-shell-aliases.html': 'Five I type every day',
    };
    for (const [file, subtitle] of Object.entries(subtitles)) {
      const heading = select(mainOf(site.pages.get(file) ?? ''), byTag('h1'))[0];
      // The element right after the heading, in its parent.
      const siblings = (heading?.parentNode?.childNodes ?? []).filter((node): node is Element => 'tagName' in node);
      const next = heading && siblings[siblings.indexOf(heading) + 1];
      expect(next && [next.tagName, attribute(next, 'class'), textOf(next)], file).toEqual(['p', 'subtitle', subtitle]);
    }
    // A page without one shows none.
    expect(select(mainOf(site.pages.get('work/gt.html') ?? ''), (element) => hasClass(element, 'subtitle'))).toEqual([]);
  });

  it('renders an .mdx entry with layout: work_page: expressions, imported components, JSX', () => {
    const main = mainOf(site.pages.get('work/2019/summer-research.html') ?? '');
    expect(textOf(main)).toContain('We published 42 papers in 2019.');
    expect(select(main, (element) => element.tagName === 'strong' && hasClass(element, 'highlight')).map(textOf)).toEqual([
      'Rendered by an imported component',
    ]);
    expect(
      select(main, byTag('a'))
        .filter((link) => attribute(link, 'href') === '/portfolio/work/gt')
        .map(textOf),
    ).toEqual(['Georgia Tech, linked from JSX']);
    expect(
      select(main, byTag('h2'))
        .filter((heading) => attribute(heading, 'id') === 'results')
        .map(textOf),
    ).toEqual(['Results']);
  });

  it('escapes markup in a title instead of rendering it', () => {
    const file = 'work/2019/summer-research.html';
    expect(select(mainOf(site.pages.get(file) ?? ''), byTag('h1')).map(textOf)).toEqual(['Research <em>Lab</em>']);
    expect(elements(site, file, byTag('title')).map(textOf)).toEqual(['Research <em>Lab</em> · Your Name']);
    // Never an element: text in the heading, the title and the tile, literal text in attribute values.
    expect(elements(site, file, byTag('em'))).toEqual([]);
    expect(elements(site, 'work/index.html', byTag('em'))).toEqual([]);
    const ogTitle = elements(site, file, (element) => element.tagName === 'meta' && attribute(element, 'property') === 'og:title');
    expect(ogTitle.map((meta) => attribute(meta, 'content'))).toEqual(['Research <em>Lab</em> · Your Name']);
  });

  it('prefixes every internal link with the base, Markdown and MDX bodies included', () => {
    const urls = internalUrls(site);
    expect(urls.length).toBeGreaterThan(40);
    expect(urls.filter((url) => !url.startsWith('/portfolio/'))).toEqual([]);
    const internship = mainOf(site.pages.get('work/aws-intern.html') ?? '');
    const hrefs = select(internship, byTag('a')).map((link) => `${textOf(link)} ${attribute(link, 'href')}`);
    expect(hrefs).toContain('Georgia Tech /portfolio/work/gt');
    expect(hrefs).toContain('Raw HTML link to the research results /portfolio/work/2019/summer-research#results');
    expect(select(mainOf(site.pages.get('work/gt.html') ?? ''), byTag('a')).map((link) => `${textOf(link)} ${attribute(link, 'href')}`)).toContain(
      'home /portfolio/',
    );
  });

  it('resolves every internal link and fragment to a built file', () => {
    expect(linkProblems(site, '/portfolio/')).toEqual([]);
  });

  it.each([
    ['index.html', ['Work /portfolio/work/', 'Blog /portfolio/blog/']],
    ['work/index.html', ['Work /portfolio/work/ (page)', 'Blog /portfolio/blog/']],
    ['work/aws-intern.html', ['Work /portfolio/work/ (true)', 'Blog /portfolio/blog/']],
    ['work/2019/summer-research.html', ['Work /portfolio/work/ (true)', 'Blog /portfolio/blog/']],
    ['blog/index.html', ['Work /portfolio/work/', 'Blog /portfolio/blog/ (page)']],
    ['shell/2019/06/10/useful-shell-aliases.html', ['Work /portfolio/work/', 'Blog /portfolio/blog/ (true)']],
    ['about.html', ['Work /portfolio/work/', 'Blog /portfolio/blog/']],
  ])('%s: the navigation of the site config, under the base, the current page or section marked', (file, links) => {
    expect(navigation(site, file)).toEqual(links);
  });

  it('shows the work index’s tiles in the order of the data file, a record without a page as a tile without a link', () => {
    expect(tiles(site, 'work/index.html')).toEqual([
      'Orbital Labs | Platform Engineer -> /portfolio/work/orbital',
      'Research <em>Lab</em> | Research assistant -> /portfolio/work/2019/summer-research',
      'AWS intern | Software Engineering Intern -> /portfolio/work/aws-intern',
      "Georgia Tech | Master's Degree -> /portfolio/work/gt",
      'Hackathon | A record with no page of its own -> (no page)',
    ]);
  });

  it.each([
    [
      'work/orbital.html',
      {
        group: 'Work /portfolio/work/',
        summary: 'Platform Engineer (3/2021 - Present)',
        lists: ['Links: Orbital Labs <https://example.com/orbital>'],
        images: 1,
      },
    ],
    [
      'work/2019/summer-research.html',
      {
        group: 'Work /portfolio/work/',
        summary: 'Research assistant (2019)',
        lists: ["Press: The lab's announcement <https://example.com/lab/news>"],
        images: 0,
      },
    ],
    ['work/aws-intern.html', { group: 'Work /portfolio/work/', summary: 'Software Engineering Intern (6/2018 - 8/2018)', lists: [], images: 0 }],
    [
      'work/gt.html',
      {
        group: 'Work /portfolio/work/',
        summary: "Master's Degree (8/2017 - 5/2019)",
        lists: ["Awards: Dean's list <https://example.com/deans-list>"],
        images: 0,
      },
    ],
  ])('%s shows its record above the body: summary, date, image and lists of links', (file, facts) => {
    expect(recordFacts(site, file)).toEqual(facts);
  });

  it('colours code blocks with Prism classes, in Markdown and MDX entries and in posts', () => {
    expect(codeTokens(site, 'work/aws-intern.html')).toEqual(expect.arrayContaining(['token comment', 'token keyword', 'token string']));
    expect(codeTokens(site, 'work/2019/summer-research.html')).toEqual(expect.arrayContaining(['token comment', 'token string']));
    expect(codeTokens(site, 'shell/2019/06/10/useful-shell-aliases.html')).toEqual(expect.arrayContaining(['token comment', 'token string']));
  });

  it('shows a post with its date, categories and tags, on its page and in the blog', () => {
    const meta = (file: string) =>
      elements(site, file, (element) => hasClass(element, 'post-meta')).map((element) => textOf(element).replace(/\s+/g, ' ').trim());
    expect(meta('shell/2019/06/10/useful-shell-aliases.html')).toEqual(['Jun 10, 2019 · shell · Tags: dotfiles, productivity']);
    expect(meta('blog/index.html')).toEqual(['Jun 10, 2019 · shell · Tags: dotfiles, productivity']);
  });

  it("shows the fields a post's show: names above its body, under the words given", () => {
    const post = 'shell/2019/06/10/useful-shell-aliases.html';
    const fields = one(
      elements(site, post, (element) => hasClass(element, 'page-fields')),
      "the post's fields",
    );
    expect(select(fields, byTag('dt')).map(textOf)).toEqual(['Written by']);
    expect(select(fields, byTag('dd')).map(textOf)).toEqual(['Ada Example']);
    expect(elements(site, 'blog/index.html', (element) => hasClass(element, 'page-fields'))).toEqual([]);
  });

  it('lists the pages at SITE_URL + base + permalink in the sitemap, and never a draft or _file', async () => {
    const locations = await sitemapLocations(result.dist, 'sitemap-0.xml');
    expect(locations).toContain('https://x.github.io/portfolio/work/aws-intern');
    expect(locations).toContain('https://x.github.io/portfolio/work/2019/summer-research');
    expect(locations.filter((url) => /secret|unlisted/.test(url))).toEqual([]);
  });

  it('lists each page in the sitemap at its canonical URL: folder and .html addresses as written', async () => {
    const locations = await sitemapLocations(result.dist, 'sitemap-0.xml');
    const canonical = canonicalUrls(site);
    canonical.delete('404.html');
    expect(locations.sort()).toEqual([...canonical.values()].sort());
  });

  it('writes canonical URLs on the deployed origin', () => {
    expect(canonicalUrls(site).get('work/gt.html')).toBe('https://x.github.io/portfolio/work/gt');
    expect(canonicalUrls(site).get('about.html')).toBe('https://x.github.io/portfolio/about.html');
    expect(canonicalUrls(site).get('work/index.html')).toBe('https://x.github.io/portfolio/work/');
  });

  it('surrounds each page body only with elements the description reading knows (BODY_SURROUNDINGS)', () => {
    expect(bodySurroundings(site).filter((name) => !BODY_SURROUNDINGS.includes(name))).toEqual([]);
    expect(bodySurroundings(site).length).toBeGreaterThan(0);
  });

  it('ships zero JavaScript', () => {
    expect(javascriptIn(site)).toEqual([]);
  });

  it("prints a clean log: no warnings, no errors, but the one about the owner's colour that fails contrast in the dark", () => {
    expect(warningsIn(result.output).map((line) => line.replace(/^.*?\[WARN\] /, ''))).toEqual([
      '[portfolio:colour-contrast] src/content/pages/about.md:8: the text colour #b45309 reads at 5:1 on the light page and 3.7:1 on the dark one; text needs 4.5:1 on both (WCAG AA). The nearest that passes in both: color: light-dark(#b45309, #bd6826)',
    ]);
  });
});
