import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/lib/checks/body.ts';
import { consentEntriesFor, isConsentEntry, scriptHash, unconsentedScripts } from '../../src/lib/checks/script-consent.ts';
import { checkSite } from '../../src/lib/checks/site.ts';
import { cspDirectives } from '../../src/lib/seo/csp.ts';

const INLINE = 'document.title = "chart";';
const HASH = `sha256-${createHash('sha256').update(INLINE).digest('base64')}`;
const CDN = 'https://cdn.example.org/plot-2.min.js';
const BODY = `Intro.\n\n<script>${INLINE}</script>\n\n<script src="${CDN}"></script>\n`;

const problems = (body: string, scripts?: string[]) =>
  checkBody(body, { bodyLine: 5, format: 'md', scripts }).map((problem) => `${problem.line}: ${problem.message}`);

describe('consentEntriesFor, for the importer', () => {
  it('gives the hash of each inline script and the URL of each external one, in order, once', () => {
    expect(consentEntriesFor(`${BODY}\n<script>${INLINE}</script>\n`)).toEqual([HASH, CDN]);
    expect(scriptHash(INLINE)).toBe(HASH);
  });
  it('reads HTML too, and gives nothing for a page without script or for JSON-LD', () => {
    expect(consentEntriesFor(`<div><script>${INLINE}</script></div>`, 'html')).toEqual([HASH]);
    expect(consentEntriesFor('Just text.')).toEqual([]);
    expect(consentEntriesFor('<script type="application/ld+json">{}</script>', 'html')).toEqual([]);
  });
});

describe("a script runs only by the page's consent", () => {
  it('fails without consent, printing the exact line to add', () => {
    const found = problems(BODY);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain(`7: a <script> element would run JavaScript`);
    expect(found[0]).toContain(`add to the page's front matter: scripts: ["${HASH}"]`);
    expect(found[1]).toContain(`scripts: ["${CDN}"]`);
  });

  it('reads a scheme-relative script address as https, where the site is served', () => {
    expect(problems('<script src="//cdn.example.org/plot-2.min.js"></script>\n', [CDN])).toEqual([]);
  });

  it('passes the scripts the front matter lists, and only those', () => {
    expect(problems(BODY, [HASH, CDN])).toEqual([]);
    const partly = problems(BODY, [HASH]);
    expect(partly).toHaveLength(1);
    expect(partly[0]).toContain(`- "${CDN}" (under "scripts:")`);
  });

  it('a changed script needs its new hash', () => {
    expect(problems(BODY.replace('chart', 'chart!'), [HASH, CDN])).toHaveLength(1);
  });

  it("never consents to handlers, javascript: links or a script of the site's own files", () => {
    expect(problems('<img src="/a.png" onerror="x()">', [HASH])).toHaveLength(1);
    expect(problems('<a href="javascript:x()">x</a>', [HASH])).toHaveLength(1);
    const local = problems('<script src="/assets/x.js"></script>', [HASH]);
    expect(local).toHaveLength(1);
    expect(local[0]).toContain('not an https:// address');
  });

  it('holds a built page to the same consent', () => {
    const page = `<!doctype html><html><head><title>t</title></head><body><script>${INLINE}</script><script src="${CDN}"></script></body></html>`;
    expect(unconsentedScripts(page, [HASH, CDN])).toEqual([]);
    expect(unconsentedScripts(page, [CDN]).map((found) => found.what)).toEqual(['<script>']);
  });
});

describe("the page's Content-Security-Policy allows exactly its consented scripts", () => {
  it('by hash and by exact URL', () => {
    expect(cspDirectives({ inlineStyles: [], scripts: [HASH, CDN] })).toContain(`script-src '${HASH}' ${CDN}`);
  });
  it('and none without consent', () => {
    expect(cspDirectives({ inlineStyles: [] })).toContain("script-src 'none'");
  });
});

describe('the scripts key of a page', () => {
  it.each([
    [HASH, true],
    [CDN, true],
    ['http://cdn.example.org/x.js', false],
    ['sha256-short', false],
    ["'unsafe-inline'", false],
    ['https://', false],
  ])('%s is an entry: %s', (entry, valid) => {
    expect(isConsentEntry(entry)).toBe(valid);
  });

  const site = (front: string, body: string) =>
    checkSite({
      pagesDir: 'src/content/pages',
      pageFiles: [{ path: 'src/content/pages/chart.md', text: `---\nlayout: page\ntitle: Chart\npermalink: /chart\n${front}---\n\n${body}\n` }],
      postsDir: 'src/content/posts',
      postFiles: [],
      posts: { permalink: 'date', timezone: 'UTC' },
      dataFiles: [],
      routes: [],
      publicFiles: [],
    }).problems.map((problem) => `${problem.field}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);

  it('lets a consented page pass the checks', () => {
    expect(site(`scripts:\n  - "${HASH}"\n  - ${CDN}\n`, BODY)).toEqual([]);
  });
  it('refuses an entry that is not a script, on its line', () => {
    expect(site('scripts: ["http://cdn.example.org/x.js"]\n', 'Text.')).toEqual([
      expect.stringMatching(/^scripts(\.0)?:5: "http:\/\/cdn.example.org\/x.js" is not a script/),
    ]);
  });
});

describe('the scripts key of a post', () => {
  const post = (front: string) =>
    checkSite({
      pagesDir: 'src/content/pages',
      pageFiles: [],
      postsDir: 'src/content/posts',
      postFiles: [{ path: 'src/content/posts/2017-07-24-gist.md', text: `---\ntitle: Gist\n${front}---\n\n${BODY}\n` }],
      posts: { permalink: 'date', timezone: 'UTC' },
      dataFiles: [],
      routes: [],
      publicFiles: [],
    });

  it('lets a consented post pass the checks, and gives its consent to the built-page check', () => {
    const result = post(`scripts: ["${HASH}", "${CDN}"]\n`);
    expect(result.problems.filter((problem) => problem.file.startsWith('src/content/posts/'))).toEqual([]);
    expect(result.posts.map((checked) => checked.data.scripts)).toEqual([[HASH, CDN]]);
  });
  it('fails a post without consent, printing the line to add', () => {
    const messages = post('')
      .problems.filter((problem) => problem.file.startsWith('src/content/posts/'))
      .map((problem) => problem.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain(`scripts: ["${HASH}"]`);
  });
});
