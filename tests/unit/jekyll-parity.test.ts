import { describe, expect, it } from 'vitest';
import {
  compareWords,
  comparePage,
  distinctWords,
  fileKind,
  formatReport,
  retiredUrls,
  readPage,
  reachedBy,
  servedBy,
  urlOfFile,
  urlParity,
} from '../../scripts/lib/jekyll-parity.ts';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('urlOfFile', () => {
  it.each([
    ['index.html', '/'],
    ['blog/index.html', '/blog/'],
    ['publication/2017-IFAC.html', '/publication/2017-IFAC.html'],
    ['feed.xml', '/feed.xml'],
    ['assets/files/my cv.pdf', '/assets/files/my%20cv.pdf'],
    ['שלום/index.html', '/%D7%A9%D7%9C%D7%95%D7%9D/'],
    ['edu&inv/index.html', '/edu&inv/'],
    ['c#/notes?.html', '/c%23/notes%3F.html'],
  ])('%s is %s', (file, url) => expect(urlOfFile(file)).toBe(url));
});

describe('fileKind', () => {
  it.each([
    ['assets/css/main.css', 'stylesheet'],
    ['assets/css/main.css.map', 'stylesheet'],
    ['assets/js/main.min.js', 'script'],
    ['assets/js/main.min.js.map', 'script'],
    ['assets/fonts/x.woff2', 'font'],
    ['CNAME', 'pages-own'],
    ['feed.xml', 'file'],
    ['about/index.html', 'page'],
    ['talks/a.htm', 'page'],
    ['files/paper.pdf', 'file'],
  ])('%s is %s', (file, kind) => expect(fileKind(file)).toBe(kind));
});

describe('servedBy (GitHub Pages rules)', () => {
  const files = new Set(['index.html', 'about/index.html', 'resume.html', 'feed.xml', 'talks/a b.html', 'c#/notes?.html']);
  it.each([
    ['/', { status: 'file', file: 'index.html' }],
    ['/about/', { status: 'file', file: 'about/index.html' }],
    ['/about', { status: 'redirect', file: 'about/index.html' }],
    ['/resume', { status: 'file', file: 'resume.html' }],
    ['/resume.html', { status: 'file', file: 'resume.html' }],
    ['/resume/', { status: 'missing' }],
    ['/feed.xml', { status: 'file', file: 'feed.xml' }],
    ['/talks/a%20b.html', { status: 'file', file: 'talks/a b.html' }],
    ['/c%23/notes%3F.html', { status: 'file', file: 'c#/notes?.html' }],
    ['/resume#top', { status: 'file', file: 'resume.html' }],
    ['/missing', { status: 'missing' }],
    ['/bad%E0%A4%A', { status: 'missing' }],
  ])('%s', (url, served) => expect(servedBy(url, files)).toEqual(served));

  it('takes the base path off the URL: a build does not write it into its file names', () => {
    expect(servedBy('/repo/resume', files, '/repo/')).toEqual({ status: 'file', file: 'resume.html' });
    expect(servedBy('/repo/', files, '/repo/')).toEqual({ status: 'file', file: 'index.html' });
    expect(servedBy('/repo', files, '/repo/')).toEqual({ status: 'redirect', file: 'index.html' });
    expect(servedBy('/resume', files, '/repo/')).toEqual({ status: 'missing' });
  });
});

describe('urlParity', () => {
  it('requires the same file, so that /x and /x.html both keep working', () => {
    const parity = urlParity(
      ['index.html', 'resume.html', 'about.html', 'assets/main.css', 'CNAME'],
      new Set(['index.html', 'resume.html', 'about/index.html']),
    );
    expect(parity.urls.map(({ url, served }) => [url, served.status])).toEqual([
      ['/about.html', 'missing'],
      ['/assets/main.css', 'missing'],
      ['/', 'file'],
      ['/resume.html', 'file'],
    ]);
    // A Jekyll file `x` (no extension) that ours writes as `x.html` answers `/x` but not the file.
    expect(urlParity(['LICENSE'], new Set(['LICENSE.html'])).urls[0]?.served).toEqual({ status: 'redirect', file: 'LICENSE.html' });
  });
});

describe('reachedBy', () => {
  const files = new Set(['about/index.html', 'resume.html']);
  it.each([
    ['about.html', 'about/index.html'],
    ['resume.html', 'resume.html'],
    ['about/index.html', 'about/index.html'],
    ['cv.html', undefined],
    ['resume/index.html', undefined],
  ])('from a link to %s a visitor reaches %s', (file, reached) => expect(reachedBy(file, files)).toBe(reached));
});

describe('distinctWords', () => {
  it('case-folds and reads any script', () => {
    expect([...distinctWords('The the THE, café; don’t 2019 מעצמת')]).toEqual(['the', 'café', 'don’t', '2019', 'מעצמת']);
  });
});

describe('readPage', () => {
  it('reads main content only, without header, nav, footer, sidebar or scripts', () => {
    const html = page(
      '<title>Site title</title>',
      '<header>Masthead</header><nav>Menu</nav>' +
        '<div id="main" role="main"><div class="sidebar">Author bio</div>' +
        '<article><header><h1>Post title</h1></header><p>Hello <b>Jek</b>yll world</p><script>var hidden</script></article></div>' +
        '<footer>Copyright</footer>',
    );
    expect([...readPage(html).words]).toEqual(['post', 'title', 'hello', 'jekyll', 'world']);
  });

  it('leaves out the site header when there is no main element, and a banner always', () => {
    expect([...readPage(page('', '<header>Site</header><p>text</p>')).words]).toEqual(['text']);
    expect([...readPage(page('', '<main><div role="banner">Site</div><header>Title</header></main>')).words]).toEqual(['title']);
  });

  it('prefers <main>, then role=main, then <article>, then a content element, then the body', () => {
    expect([...readPage(page('', '<p>outside</p><main><p>inside</p></main>')).words]).toEqual(['inside']);
    expect([...readPage(page('', '<p>outside</p><article>post</article>')).words]).toEqual(['post']);
    expect([...readPage(page('', '<p>outside</p><div class="page-content">minima</div>')).words]).toEqual(['minima']);
    expect([...readPage(page('', '<p>only body</p>')).words]).toEqual(['only', 'body']);
  });

  it('reads a jekyll-redirect-from stub as a redirect', () => {
    const stub = page(
      '<meta http-equiv="refresh" content="0; url=https://jane.dev/">',
      '<h1>Redirecting…</h1><a href="https://jane.dev/">Click here if you are not redirected.</a>',
    );
    expect(readPage(stub).redirect).toBe('https://jane.dev/');
  });
});

describe('compareWords and comparePage', () => {
  const jekyll = readPage(page('', '<main><p>alpha beta gamma delta</p></main>'));

  it('counts the share of Jekyll words ours keeps, and names the lost ones', () => {
    expect(compareWords(new Set(['a', 'b', 'c', 'd']), new Set(['a', 'b', 'c', 'x']))).toEqual({ total: 4, kept: 3, share: 0.75, lost: ['d'] });
    expect(compareWords(new Set(), new Set(['x'])).share).toBe(1);
  });

  it('judges a page by its words, and a page ours lost or turned into a redirect keeps none', () => {
    const ours = readPage(page('', '<main><article><h1>alpha</h1><p>beta gamma delta epsilon</p></article></main>'));
    expect(comparePage('/x/', jekyll, ours)).toMatchObject({ kind: 'page', ours: 'page', words: { share: 1 } });
    expect(comparePage('/x/', jekyll, undefined)).toMatchObject({ kind: 'page', ours: 'missing', words: { share: 0 } });
    const redirect = readPage(page('<meta http-equiv="refresh" content="0;url=/y/">', ''));
    expect(comparePage('/x/', jekyll, redirect)).toMatchObject({ kind: 'page', ours: 'redirect', words: { kept: 0 } });
  });

  it('keeps a redirect when ours leads to the same path, whatever the origin', () => {
    const stub = readPage(page('<meta http-equiv="refresh" content="0; url=https://jane.dev/blog/post.html">', ''));
    const same = readPage(page('<meta http-equiv="refresh" content="0;url=/blog/post.html">', ''));
    const other = readPage(page('<meta http-equiv="refresh" content="0;url=/">', ''));
    expect(comparePage('/old/', stub, same)).toMatchObject({ kind: 'redirect', ours: { status: 'same' } });
    expect(comparePage('/old/', stub, other)).toMatchObject({ kind: 'redirect', ours: { status: 'other', target: '/' } });
    expect(comparePage('/old/', stub, jekyll)).toMatchObject({ kind: 'redirect', ours: { status: 'not-a-redirect' } });
  });
});

describe('formatReport', () => {
  it('lists what was lost, then the URLs by kind and the three summary lines: a compiled stylesheet counts like any URL', () => {
    const urls = urlParity(
      ['index.html', 'about/index.html', 'old/index.html', 'assets/main.css', 'assets/main.css.map', 'files/cv.pdf'],
      new Set(['index.html', 'old/index.html', 'assets/main.css', 'files/cv.pdf']),
    );
    const jekyllHome = readPage(page('', '<main>one two three four five six seven eight nine ten</main>'));
    const oursHome = readPage(page('', '<main>one two three four five six seven eight nine</main>'));
    const stub = readPage(page('<meta http-equiv="refresh" content="0; url=/">', ''));
    const report = formatReport(urls, [
      comparePage('/', jekyllHome, oursHome),
      comparePage('/about/', jekyllHome, undefined),
      comparePage('/old/', stub, oursHome),
    ]);
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      'not served /about/',
      'not served /assets/main.css.map',
      'under 90% 0% /about/ (not served): kept 0 of 10 words; lost: one two three four five six seven eight nine ten',
      'redirect /old/ -> /: ours serves a page, not a redirect',
      'URLs by kind: 2 of 3 pages, 1 of 2 stylesheets and their source maps, 1 of 1 other files',
      '4 of 6 URLs served',
      '1 of 2 pages under 90% of words',
      '0 of 2 pages lost a heading Jekyll showed (reported, not judged)',
      '0 of 1 redirects kept',
    ]);
  });

  it("names the reason the project's URL list gives for an address it retired, and still counts it as not served", () => {
    const retired = retiredUrls(
      '/\n/about/\n\n# Served by the Jekyll site but not carried over (see the import report):\n# /assets/icons.svg  (published by the minima theme gem, not the site: its icons)\n',
    );
    expect([...retired]).toEqual([['/assets/icons.svg', 'published by the minima theme gem, not the site: its icons']]);
    const report = formatReport(urlParity(['index.html', 'assets/icons.svg'], new Set(['index.html'])), [], { retired });
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toBe(
      'not served /assets/icons.svg (retired in src/data/legacy-urls.txt: published by the minima theme gem, not the site: its icons)',
    );
    expect(report.lines).toContain('1 of 2 URLs served');
  });

  it('is ok when everything is kept', () => {
    const words = readPage(page('', '<main>same words</main>'));
    const report = formatReport(urlParity(['index.html'], new Set(['index.html'])), [comparePage('/', words, words)]);
    expect(report.ok).toBe(true);
    expect(report.lines.slice(-4)).toEqual([
      '1 of 1 URLs served',
      '0 of 1 pages under 90% of words',
      '0 of 1 pages lost a heading Jekyll showed (reported, not judged)',
      '0 of 0 redirects kept',
    ]);
  });

  it('names the headings a page lost, which a long page’s share of words can hide (a CV’s sidebar), without failing on them', () => {
    const many = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    const jekyll = readPage(page('', `<main><h1>Shawn  Mix</h1><p>${many}</p><h2>Languages</h2><p>English</p><h3>Skills</h3></main>`));
    const ours = readPage(page('', `<main><h1>Shawn Mix</h1><p>${many}</p><h3>skills</h3></main>`));
    const report = formatReport(urlParity(['index.html'], new Set(['index.html'])), [comparePage('/', jekyll, ours)]);
    expect(report.lines).toContain('headings lost /: "languages"');
    expect(report.lines).toContain('1 of 1 pages lost a heading Jekyll showed (reported, not judged)');
    expect(report.lines).toContain('0 of 1 pages under 90% of words');
    expect(report.ok).toBe(true);
  });
});
