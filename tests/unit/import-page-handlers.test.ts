import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutHandlers } from '../../scripts/import/event-handlers.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { readSource } from '../../scripts/import/source.ts';
import { checkSite } from '../../src/lib/checks/site.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * tests/fixtures/import/page-handlers: pages whose own HTML runs JavaScript in attributes, which no
 * consent can allow: list items made clickable with `onclick` written by Liquid (Debian's Jekyll 4.3.1
 * writes `<li class="post" onclick="window.open('https://kites.example.org/box', '_blank')">`), a
 * `javascript:` link with `onClick`, a button; and a code sample that only shows a handler.
 */
const result = planImport(readSource(join(FIXTURES, 'import', 'page-handlers')));
if (!result.ok) throw new Error(result.message);
const { plan } = result;
const files = plan.files.flatMap((file) => ('text' in file.content ? [{ path: file.path, text: file.content.text }] : []));
const text = (path: string) => files.find((file) => file.path === path)?.text ?? '';
const report = plan.report.map((line) => `${line.file ?? ''}: ${line.message}`);

describe("a page's own HTML that would run JavaScript", () => {
  it('loses its handlers, also the ones its Liquid writes, and keeps the Liquid and the links', () => {
    const index = text('src/content/pages/index.md');
    expect(index).not.toMatch(/onclick|javascript:/i);
    expect(index).toContain(`<li class="post" {% if post.external %}{% else %}{% endif %}>`);
    expect(index).toContain('<a href="{{ post.url | relative_url }}">{{ post.title }}</a>');
    expect(index).toContain('<p><a>Back</a> or <a href="/about.html">about me</a>.</p>');
    expect(report).toContain(
      'index.html: its HTML had 3 onclick attributes and 1 javascript: link, which would run JavaScript, and this project ships none (a handler cannot be given consent): taken out; each element keeps its text and links.',
    );
  });

  it('leaves code that only shows a handler as written', () => {
    const about = text('src/content/pages/about.md');
    expect(about).toContain('I write about kites. <button type="button">Say hi</button>');
    expect(about).toContain('<a href="#" onclick="go()">Go</a>');
    expect(about).toContain('`<b onmouseover="x()">`');
    expect(report).toContain(
      'about.md: its HTML had 1 onclick attribute, which would run JavaScript, and this project ships none (a handler cannot be given consent): taken out; each element keeps its text and links.',
    );
  });

  it('loses them in an include too, which the build checks in every page that includes it', () => {
    expect(text('src/includes/card.html')).toBe('<div class="card"><a href="{{ include.url }}">{{ include.title }}</a></div>\n');
    expect(report).toContain(
      '_includes/card.html: its HTML had 1 onclick attribute, which would run JavaScript, and this project ships none (a handler cannot be given consent): taken out; each element keeps its text and links.',
    );
  });

  it('finds a javascript: link written with character references', () => {
    const { body, report: lines } = withoutHandlers('<a href="jav&#x61;script:alert(1)">Back</a>\n', 'back.html', { markdown: false });
    expect(body).toBe('<a>Back</a>\n');
    expect(lines.map((line) => line.message)).toEqual([
      'its HTML had 1 javascript: link, which would run JavaScript, and this project ships none (a handler cannot be given consent): taken out; each element keeps its text and links.',
    ]);
  });

  it('leaves an unquoted handler its Liquid writes part of, and says to take it out by hand', () => {
    const written = "<li onclick=location.href='{{ post.url }}'>Kites</li>\n";
    const { body, report: lines } = withoutHandlers(written, 'list.html', { markdown: false });
    expect(body).toBe(written);
    expect(lines).toEqual([
      {
        kind: 'leftover',
        file: 'list.html',
        message:
          'its HTML has an onclick attribute that its Liquid writes part of, which would run JavaScript: the build will refuse it at its line. Take the attribute out by hand.',
      },
    ]);
  });

  it('gives the build pages it takes', () => {
    const rootDir = mkdtempSync(join(tmpdir(), 'page-handlers-'));
    for (const file of files.filter((written) => written.path.startsWith('src/includes/'))) {
      mkdirSync(dirname(join(rootDir, file.path)), { recursive: true });
      writeFileSync(join(rootDir, file.path), file.text);
    }
    const site = checkSite({
      pagesDir: 'src/content/pages',
      pageFiles: files.filter((file) => file.path.startsWith('src/content/pages/')),
      postsDir: 'src/content/posts',
      postFiles: files.filter((file) => file.path.startsWith('src/content/posts/')),
      posts: plan.posts,
      dataFiles: [],
      routes: [],
      publicFiles: [],
      rootDir,
    });
    expect(site.problems.map((problem) => `${problem.file}: ${problem.message}`)).toEqual([]);
  });
});
