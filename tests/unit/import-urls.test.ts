import { describe, expect, it } from 'vitest';
import { builtFileFor, collectionDocumentUrl, legacyUrlsFile, staticFileUrl, urlTable } from '../../scripts/import/urls.ts';

describe('URLs of static files and collection documents', () => {
  it.each([
    ['assets/files/resume.pdf', '/assets/files/resume.pdf'],
    ['assets/a b.pdf', '/assets/a%20b.pdf'],
    ['assets/café.png', '/assets/caf%C3%A9.png'],
    ['CNAME', '/CNAME'],
  ])('static file %s -> %s', (path, url) => expect(staticFileUrl(path)).toBe(url));

  it.each([
    ['the default style', {}, '/projects/robot.html'],
    ['pretty', { style: 'pretty' }, '/projects/robot/'],
    ['weekdate (no ending, as Jekyll)', { style: 'weekdate' }, '/projects/robot'],
    ["the collection's permalink", { collectionPermalink: '/work/:path' }, '/work/robot'],
    ["the collection's permalink, a folder", { collectionPermalink: '/news/:path/' }, '/news/robot/'],
    ['the title placeholder', { collectionPermalink: '/p/:title:output_ext' }, '/p/robot.html'],
    ['a slug in front matter', { collectionPermalink: '/p/:slug/', slug: 'Line Follower' }, '/p/line-follower/'],
    ["the document's own permalink", { permalink: '/robot/', collectionPermalink: '/work/:path' }, '/robot/'],
  ])('document: %s', (_, options, url) => {
    expect(collectionDocumentUrl({ collection: 'projects', pathInCollection: 'robot.md', outputExt: '.html', ...options })).toBe(url);
  });

  it.each([
    ['a date in front matter', { pathInCollection: 'a.md', date: '2011-06-06 21:35:00 -0500' }, '/news/2011/06/07/a/'],
    ['a dated file name', { pathInCollection: '2019-03-02-talk.md' }, '/news/2019/03/02/talk/'],
    ['a date in the site time zone', { pathInCollection: 'a.md', date: '2011-06-06 21:35:00 -0500', timezone: 'America/Chicago' }, '/news/2011/06/06/a/'],
  ])('fills date placeholders from %s', (_, options, url) => {
    expect(collectionDocumentUrl({ collection: 'news', outputExt: '.html', collectionPermalink: '/:collection/:year/:month/:day/:title/', ...options })).toBe(
      url,
    );
  });

  it('throws rather than guess a date Jekyll took from the clock', () => {
    expect(() =>
      collectionDocumentUrl({ collection: 'news', pathInCollection: 'a.md', outputExt: '.html', collectionPermalink: '/news/:year/:title' }),
    ).toThrow(
      'the permalink "/news/:year/:title" uses the document\'s date, and it has none (no date: and no date in its file name): Jekyll used the time of the build. Write the page\'s permalink by hand.',
    );
  });
});

describe('the old URL list and the table', () => {
  const urls = [
    { url: '/work/acme', from: 'work/acme.md', file: builtFileFor('/work/acme') },
    { url: '/work/', from: 'work.md', file: builtFileFor('/work/') },
    { url: '/', from: 'home.md', file: builtFileFor('/') },
    { url: '/assets/files/resume.pdf', from: 'resume.md', file: 'assets/files/resume.pdf' },
    { url: '/assets/files/resume.pdf', from: 'assets/files/resume.pdf', file: 'assets/files/resume.pdf' },
    { url: '/programming/2019/03/02/x.html', from: '_posts/2019-03-02-x.md', file: builtFileFor('/programming/2019/03/02/x.html', '.html', 'post') },
    { url: '/assets/main.css', from: 'assets/main.scss', file: '', retired: 'compiled from assets/main.scss' },
  ];

  it('writes each URL once, sorted, after a header, and the retired ones as comments', () => {
    expect(legacyUrlsFile(urls)).toBe(
      [
        '# Every address the Jekyll site served, one a line (written by `npm run import`).',
        '# Every build checks that each one is still served, so no old link breaks.',
        '# To retire an address on purpose, delete its line. Lines starting with # are comments.',
        '/',
        '/assets/files/resume.pdf',
        '/programming/2019/03/02/x.html',
        '/work/',
        '/work/acme',
        '',
        '# Served by the Jekyll site but not carried over (see the import report):',
        '# /assets/main.css  (compiled from assets/main.scss)',
        '',
      ].join('\n'),
    );
  });

  it('prints each old URL with the file the build writes for it', () => {
    expect(urlTable(urls)).toBe(
      [
        '  /                               -> index.html',
        '  /assets/files/resume.pdf        -> assets/files/resume.pdf',
        '  /programming/2019/03/02/x.html  -> programming/2019/03/02/x.html',
        '  /work/                          -> work/index.html',
        '  /work/acme                      -> work/acme.html',
      ].join('\n'),
    );
  });
});
