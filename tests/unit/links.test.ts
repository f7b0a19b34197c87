import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkLinks, pageUrlPath, resolveSitePath } from '../../src/lib/links/check.ts';
import { extractPageFacts, firstStylesheet, withoutStylesheet } from '../../src/lib/links/extract.ts';
import { linkProblemsToProblems } from '../../src/lib/links/report.ts';

describe('extractPageFacts', () => {
  it('reads URLs from every fetching attribute, and every id', () => {
    const facts = extractPageFacts(
      '<link rel="icon" href="/favicon.svg"><h2 id="intro">x</h2><a name="old"></a>' +
        '<a href="/work/gt#intro">GT</a><img src="/a.png" srcset="/a-1x.png 1x, /a-2x.png 2x">',
    );
    expect(facts.links).toEqual([
      { source: 'link[href]', url: '/favicon.svg', line: 1 },
      { source: 'a[href]', url: '/work/gt#intro', line: 1 },
      { source: 'img[src]', url: '/a.png', line: 1 },
      { source: 'img[srcset]', url: '/a-1x.png', line: 1 },
      { source: 'img[srcset]', url: '/a-2x.png', line: 1 },
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
    // What a browser reads as a comment or as text holds no links.
    ['<!--><a href="/after-empty-comment">x</a>-->', ['/after-empty-comment']],
    ['<!---><a href="/after-dash-comment">x</a>-->', ['/after-dash-comment']],
    ['<!-- x --!><a href="/after-bang-comment">x</a>', ['/after-bang-comment']],
    ['<!-- <a href="/a"> -- <a href="/b"> -->', []],
    ['<textarea><a href="/in-textarea">x</a></textarea>', []],
    ['<xmp><a href="/in-xmp">x</a></xmp>', []],
    ['<noembed><a href="/in-noembed">x</a></noembed>', []],
    ['<iframe><a href="/in-iframe-text">x</a></iframe>', []],
    ['<noscript><a href="/in-noscript">x</a></noscript>', []],
    ['<a href = "/spaces-around-equals">x</a>', ['/spaces-around-equals']],
    ['<a href="/first" href="/duplicate">x</a>', ['/first']],
    ['<img srcset="/a,b.png 1x, /c.png 2x">', ['/a,b.png', '/c.png']],
    ['<a href="/a?x=1&amp;y=2&copy=3">x</a>', ['/a?x=1&y=2&copy=3']],
  ])('%s', (html, urls) => expect(extractPageFacts(html).links.map((link) => link.url)).toEqual(urls));

  it.each([
    ['<script type="application/ld+json">{}</script><p>plain</p>', []],
    ['<script>alert(1)</script>', ['<script>']],
    ['<script type="module" src="/a.js"></script>', ['<script>']],
    ['<img src="a.png" onerror="x()"><div onClick="y()"></div>', ['onerror attribute', 'onclick attribute']],
    ['<a href=" javascript:go()">x</a>', ['javascript: link']],
    // The page a reviewer built from three lines of Markdown: for a browser `<!-->` is a whole comment.
    ['<!--><img alt=">" src="/favicon.svg" onerror="alert(1)">-->\n<p>```a`b</p>\n<!--><script>alert(2)</script>-->', ['onerror attribute', '<script>']],
    ['<!---><script>alert(1)</script>-->', ['<script>']],
    ['<!-- x --!><script>alert(1)</script>', ['<script>']],
    ['<div><![CDATA[><img src=x onerror=alert(1)>]]></div>', ['onerror attribute']],
    ['<? x ><img src=x onerror=alert(1)>', ['onerror attribute']],
    ['<a title="a > b" onclick="x()">x</a>', ['onclick attribute']],
    ["<a title='<!--' onmouseover=x()>-->", ['onmouseover attribute']],
    ['<p data-onclick="x()" one-way="y">x</p>', []],
    ['<a href="/ok">javascript:alert(1)</a>', []],
    // Foreign content: <script> runs in SVG and MathML too; <p> inside <svg> leaves it.
    ['<svg><script>alert(1)</script></svg>', ['<script>']],
    ['<math><mi><script>alert(1)</script></mi></math>', ['<script>']],
    ['<svg><style><img src=x onerror=alert(1)></style></svg>', ['onerror attribute']],
    ['<svg><p><style><img src=x onerror=alert(1)></style></p></svg>', []],
    ['<svg></p><style><a id="</style><img src=x onerror=alert(1)>"></a></style></svg>', ['onerror attribute']],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', ['javascript: link']],
    ['<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', ['javascript: link']],
    ['<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>', ['javascript: link']],
    ['<svg><animate attributeName="xlink:href" values="/a;javascript:alert(1)"/></svg>', ['javascript: link']],
    ['<math href="javascript:alert(1)"><mi>x</mi></math>', ['javascript: link']],
    // Raw text and RCDATA hold no elements, unless their end tag hides inside an attribute.
    ['<textarea><script>alert(1)</script></textarea>', []],
    ['<title><img src=x onerror=alert(1)></title>', []],
    ['<style><img src=x onerror=alert(1)></style>', []],
    ['<xmp><img src=x onerror=alert(1)></xmp>', []],
    ['<noembed><img src=x onerror=alert(1)></noembed>', []],
    ['<iframe><img src=x onerror=alert(1)></iframe>', []],
    ['<noscript><img src=x onerror=alert(1)></noscript>', []],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ['onerror attribute']],
    ['<textarea title="</textarea><img src=x onerror=alert(1)>"></textarea>', []],
    ['<textarea></textarea title="x"><img src=x onerror=alert(1)>', ['onerror attribute']],
    ['<template><script>alert(1)</script></template>', ['<script>']],
    // URLs as the URL parser reads them: entities decoded, controls and spaces trimmed, tabs and newlines dropped.
    ['<a href="java&Tab;script&colon;alert(1)">x</a>', ['javascript: link']],
    ['<a href="&#x6a;avascript:alert(1)">x</a>', ['javascript: link']],
    ['<a href="&#106;avascript&#58;alert(1)">x</a>', ['javascript: link']],
    ['<a href="&NewLine;javascript:alert(1)">x</a>', ['javascript: link']],
    ['<a href="\u0001\u0010 javascript:alert(1)">x</a>', ['javascript: link']],
    ['<a href="java\nscr\tipt:alert(1)">x</a>', ['javascript: link']],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', ['javascript: link']],
    ['<a href="java%73cript:alert(1)">x</a>', []],
    ['<a href="vbscript:msgbox(1)">x</a>', ['vbscript: link']],
    ['<a href="/page?next=javascript:x">x</a>', []],
    ['<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>', ['javascript: link', 'javascript: link']],
    ['<video poster="javascript:alert(1)"></video>', ['javascript: link']],
    ['<img srcset="/a.png 1x, javascript:alert(1) 2x">', ['javascript: link']],
    ['<base href="javascript:alert(1)//">', ['javascript: link']],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', ['javascript: link']],
    [`<meta http-equiv="Refresh" content="0; URL='data:text/html,<script>alert(1)</script>'">`, ['data:text/html link']],
    ['<meta http-equiv="refresh" content="30">', []],
    ['<meta name="x" content="javascript:alert(1)">', []],
    // data: documents run where they are opened as a page, not as an image.
    ['<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', ['data:text/html link']],
    ['<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>', ['data:text/html link']],
    ['<embed src=" DATA:Image/SVG+XML;utf8,<svg onload=alert(1)>">', ['data:image/svg+xml link']],
    ['<a href="data:application/xhtml+xml,x">x</a>', ['data:application/xhtml+xml link']],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', []],
    ['<img src="data:image/png;base64,iVBORw0KGgo=">', []],
    ['<a href="data:text/plain,hello">x</a>', []],
    ['<iframe srcdoc="<p>hi</p>"></iframe>', ['srcdoc attribute']],
    ['<script type="text/plain">x</script>', ['<script>']],
    ['<script type=" Application/LD+JSON ">{}</script>', []],
  ])('finds what would run JavaScript in %s', (html, found) => expect(extractPageFacts(html).javascript).toEqual(found));

  it('says on which line of the page each link and each script is', () => {
    const facts = extractPageFacts('<p>x</p>\n<a\n  href="/a">a</a>\n\n<img src="/b" onerror="x()">\n<script>\n</script>');
    expect(facts.links.map(({ url, line }) => [url, line])).toEqual([
      ['/a', 3],
      ['/b', 5],
    ]);
    expect(facts.javascriptAt).toEqual([
      { what: 'onerror attribute', line: 5 },
      { what: '<script>', line: 6 },
    ]);
  });

  it('reads any text without throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (html) => void extractPageFacts(html)));
  });

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
    ['/work/%61mazon', { file: 'work/amazon.html' }],
    ['/work/100%', undefined],
    ['/work/%C3%28', undefined],
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
    ['/', '<a href="/work/gt#100%">x</a>', ['malformed-url /work/gt#100%']],
    ['/', '<a href="/work/100%-remote">x</a>', ['malformed-url /work/100%-remote']],
    ['/', '<a href="100%">x</a>', ['malformed-url 100%']],
    ['/', '<a href="/work/%C3%28">x</a>', ['malformed-url /work/%C3%28']],
    ['/', '<a href="/work/gt#%E0%A4%A">x</a>', ['malformed-url /work/gt#%E0%A4%A']],
    ['/', '<a href="/work/gt#100%25">x</a>', ['missing-fragment /work/gt#100%25']],
    ['/', '<a href="/work/g%74#degree">x</a>', []],
    ['/', '<a href="/work/gt?q=100%">query is not checked</a>', []],
    ['/', '<a href="\\\\example.com/x">another host</a>', []],
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
    expect(checkLinks({ files, pages, base: '/' })).toEqual([{ kind: 'missing-page', page: 'work.html', url: '/missing.png', source: 'img[src]', line: 1 }]);
  });

  it('judges any link text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('/', '/portfolio/'), (url, base) => {
        const pages = new Map([['work.html', { links: [{ source: 'a[href]', url, line: 1 }], ids: new Set<string>(), javascript: [], javascriptAt: [] }]]);
        void checkLinks({ files, pages, base });
      }),
    );
  });
});

describe('the malformed-percent-link fixture', () => {
  it('is reported with the fix, not thrown', () => {
    const text = readFileSync(new URL('../fixtures/bad/malformed-percent-link.md', import.meta.url), 'utf8');
    const body = text.split('\n---\n').slice(1).join('\n---\n');
    const pages = new Map([
      ['work/example.html', extractPageFacts(markdownToHtml(body).html)],
      ['work/gt.html', extractPageFacts('<h2 id="degree">Degree</h2>')],
    ]);
    const problems = checkLinks({ files: new Set(['work/example.html', 'work/gt.html']), pages, base: '/' });
    expect(problems.map((problem) => `${problem.kind} ${problem.url}`)).toEqual(['malformed-url /work/gt#100%']);
    const [reported] = linkProblemsToProblems({
      problems,
      sourceOf: () => 'src/content/work/malformed-percent-link.md',
      sourceTextOf: () => text,
      pages: ['work/example.html', 'work/gt.html'],
      base: '/',
    });
    expect(reported).toEqual({
      file: 'src/content/work/malformed-percent-link.md',
      field: 'link "/work/gt#100%"',
      message: 'is not a valid address: a "%" must start an escape like "%20"; write a "%" that stands for itself as "%25". Write "/work/gt#100%25".',
      line: 8,
    });
  });
});

describe('withoutStylesheet: the scan skips the site stylesheet, and nothing else', () => {
  const css = `:root{color:red}${'a{b:c}'.repeat(60)}`;
  const page = `<!doctype html><html><head><title>T</title><style>${css}</style></head><body><p>x</p></body></html>`;

  it('finds the stylesheet on a page and leaves it out of the first <style> in the head', () => {
    expect(firstStylesheet(page)).toBe(css);
    expect(withoutStylesheet(page, css)).toBe('<!doctype html><html><head><title>T</title><style></style></head><body><p>x</p></body></html>');
  });

  it.each([
    ['the text only in the body', `<!doctype html><html><head></head><body><p>${css}</p></body></html>`],
    ['no stylesheet known', page],
  ])('keeps the page as it is with %s', (_case, html) => {
    expect(withoutStylesheet(html, _case === 'no stylesheet known' ? undefined : css)).toBe(html);
  });

  it('reads the same links, ids and script with or without it', () => {
    const hostile = page.replace('<p>x</p>', '<p id="a"><a href="/x">x</a></p><!--><img src=y onerror=alert(1)>-->');
    const facts = extractPageFacts(withoutStylesheet(hostile, css), { locations: false });
    const full = extractPageFacts(hostile);
    expect(facts.links.map((link) => link.url)).toEqual(full.links.map((link) => link.url));
    expect([...facts.ids]).toEqual([...full.ids]);
    expect(facts.javascript).toEqual(full.javascript);
    expect(facts.javascript).toEqual(['onerror attribute']);
  });
});
