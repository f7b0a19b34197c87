import { describe, expect, it } from 'vitest';
import { checkLinks, pageUrlPath, resolveSitePath } from '../../src/lib/links/check.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';

describe('extractPageFacts', () => {
  it('reads URLs from every fetching attribute, and every id', () => {
    const facts = extractPageFacts(
      '<link rel="icon" href="/favicon.svg"><h2 id="intro">x</h2><a name="old"></a>' +
        '<a href="/work/gt#intro">GT</a><img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x">',
    );
    expect(facts.links).toEqual([
      { source: 'link[href]', url: '/favicon.svg' },
      { source: 'a[href]', url: '/work/gt#intro' },
      { source: 'img[src]', url: '/a.png' },
      { source: 'img[srcset]', url: '/a-1x.png' },
      { source: 'img[srcset]', url: '/a-2x.png' },
    ]);
    expect([...facts.ids]).toEqual(['intro', 'old']);
  });
});

describe('extractPageFacts on awkward markup', () => {
  it.each([
    ['<a href="/a?x=1&amp;y=2">x</a>', ['/a?x=1&y=2']],
    ["<a href='/single'>x</a>", ['/single']],
    ['<a href=/bare>x</a>', ['/bare']],
    ['<A HREF="/upper">x</A>', ['/upper']],
    ['<a title="a > b" href="/after-gt">x</a>', ['/after-gt']],
    ['<!-- <a href="/commented"> -->', []],
    ['<script type="application/ld+json">{"url":"<a href=\\"/in-json\\">"}</script>', []],
    ['<script src="/app.js"></script>', ['/app.js']],
    ['<style>a[href="/in-css"]{}</style>', []],
    ['<p data-href="/not-a-link">x</p>', []],
  ])('%s', (html, urls) => expect(extractPageFacts(html).links.map((link) => link.url)).toEqual(urls));

  it.each([
    ['<script type="application/ld+json">{}</script><p>plain</p>', []],
    ['<script>alert(1)</script>', ['<script>']],
    ['<script type="module" src="/a.js"></script>', ['<script>']],
    ['<img src="a.png" onerror="x()"><div onClick="y()"></div>', ['onerror attribute', 'onclick attribute']],
    ['<a href=" javascript:go()">x</a>', ['javascript: link']],
  ])('finds what would run JavaScript in %s', (html, found) => expect(extractPageFacts(html).javascript).toEqual(found));

  it('reads ids from any element, with entities decoded', () => {
    expect([...extractPageFacts('<h2 id="q&amp;a">Q&A</h2><section id=plain></section>').ids]).toEqual(['q&a', 'plain']);
  });
});

describe('pageUrlPath', () => {
  it.each([
    ['index.html', '/'],
    ['work.html', '/work'],
    ['work/amazon.html', '/work/amazon'],
    ['docs/index.html', '/docs/'],
  ])('%s -> %s', (file, path) => expect(pageUrlPath(file)).toBe(path));
});

describe('resolveSitePath', () => {
  const files = new Set(['index.html', 'work.html', 'work/amazon.html', 'docs/index.html', 'favicon.svg']);
  it.each([
    ['/', { file: 'index.html' }],
    ['/work', { file: 'work.html' }],
    ['/work/amazon', { file: 'work/amazon.html' }],
    ['/work/amazon.html', { file: 'work/amazon.html' }],
    ['/favicon.svg', { file: 'favicon.svg' }],
    ['/docs/', { file: 'docs/index.html' }],
    ['/docs', { redirect: '/docs/' }],
    ['/work/amazon/', undefined],
    ['/work/missing', undefined],
  ])('%s', (path, expected) => expect(resolveSitePath(path, files)).toEqual(expected));
});

describe('checkLinks', () => {
  const page = (html: string) => extractPageFacts(html);
  const files = new Set(['index.html', 'work.html', 'work/amazon.html', 'work/gt.html', 'favicon.svg']);

  it.each([
    ['/', '<a href="/work/gt">ok</a><a href="https://example.com/x">external</a><a href="mailto:a@b.c">mail</a>', []],
    ['/', '<a href="gt">relative ok</a><a href="#top">top of page</a><a href="gt#degree">x</a>', []],
    ['/', '<a href="#nowhere">own fragment</a>', ['missing-fragment #nowhere']],
    ['/', '<a href="/work/nowhere">x</a>', ['missing-page /work/nowhere']],
    ['/', '<a href="/work/gt#nowhere">x</a>', ['missing-fragment /work/gt#nowhere']],
    ['/', '<a href="/work/gt#degree">x</a>', []],
    ['/portfolio/', '<a href="/portfolio/work/gt">x</a><link href="/portfolio/favicon.svg">', []],
    ['/portfolio/', '<a href="/work/gt">x</a>', ['outside-base /work/gt']],
    ['/portfolio/', '<a href="/portfolio">home</a>', ['redirect /portfolio']],
    ['/portfolio/', '<a href="/portfolio/">home</a>', []],
  ])('base %s: %s', (base, html, expected) => {
    const pages = new Map([
      ['work/amazon.html', page(html)],
      ['work/gt.html', page('<h2 id="degree">Degree</h2>')],
    ]);
    const problems = checkLinks({ files, pages, base }).map((problem) => `${problem.kind} ${problem.url}`);
    expect(problems).toEqual(expected);
  });

  it('names the page and the attribute of each problem', () => {
    const pages = new Map([['work.html', page('<img src="/missing.png">')]]);
    expect(checkLinks({ files, pages, base: '/' })).toEqual([
      { kind: 'missing-page', page: 'work.html', url: '/missing.png', source: 'img[src]' },
    ]);
  });
});
