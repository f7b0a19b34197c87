import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { readSource } from '../../scripts/import/source.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/checks/script-consent.ts';
import { withoutBlankLines } from '../../src/lib/html/block-lines.ts';
import { markHtmlBlocks, settleHtmlBlocks } from '../../src/lib/liquid/html-blocks.ts';
import { projectLiquid } from '../../src/lib/liquid/project.ts';
import { parseHtmlFragment } from '../../src/lib/links/html.ts';
import { attribute, select, textOf } from '../helpers/html-tree.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * tests/fixtures/import/html-pages: a Jekyll site whose home page and notes page are `.html` files
 * with Liquid loops that write indented markup and blank lines (an include, an excerpt, tags alone on
 * a line). Imported, then run as the build runs them: Liquid, then Markdown. Jekyll never read those
 * pages as Markdown, so every tag must stay HTML, and none may show as code.
 */
const SITE = join(FIXTURES, 'import', 'html-pages');
const result = planImport(readSource(SITE));
if (!result.ok) throw new Error(result.message);
const { plan } = result;
const root = mkdtempSync(join(tmpdir(), 'html-pages-'));
const files = plan.files.map((file) => ({
  path: file.path,
  text: 'text' in file.content ? file.content.text : readFileSync(join(SITE, file.content.copy), 'utf8'),
}));
for (const file of files) {
  mkdirSync(dirname(join(root, file.path)), { recursive: true });
  writeFileSync(join(root, file.path), file.text);
}
const liquid = projectLiquid({
  root,
  pageFiles: files.filter((file) => file.path.startsWith('src/content/pages/')),
  postFiles: files.filter((file) => file.path.startsWith('src/content/posts/')),
  publicFiles: [],
  posts: plan.posts,
  config: {},
  url: 'https://ada.github.io',
  baseurl: '',
});

/** The text of an element as written, its whitespace kept. */
function rawText(node: { nodeName: string; value?: string; childNodes?: unknown[] }): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map((child) => rawText(child as typeof node)).join('');
}

/** The imported page's body (or `body`) after its Liquid and Markdown, as the build renders it, as a tree. */
function built(path: string, given?: string) {
  const text = files.find((file) => file.path === path)?.text ?? '';
  const body = given ?? text.slice(text.indexOf('\n---\n', 3) + 5);
  const rendered = liquid.render(path, body, 1);
  if (!rendered.ok) throw new Error(rendered.problem.message);
  return parseHtmlFragment(markdownToHtml(rendered.text, { features: MARKDOWN_FEATURES }).html);
}

describe('an HTML page whose Liquid writes indented markup and blank lines', () => {
  it('shows every post through the include as HTML, none of it as code', () => {
    const tree = built('src/content/pages/index.md');
    expect(select(tree, (element) => element.tagName === 'code' || element.tagName === 'pre')).toEqual([]);
    expect(select(tree, (element) => element.tagName === 'h2').map(textOf)).toEqual(['Second wind', 'First light']);
    expect(select(tree, (element) => attribute(element, 'class') === 'more').map((element) => attribute(element, 'href'))).toEqual([
      '/2021/02/03/second-wind.html',
      '/2020/05/01/first-light.html',
    ]);
    // The excerpt is HTML inside the block, and the list beside it is links, not text.
    expect(select(tree, (element) => attribute(element, 'class') === 'excerpt').map(textOf)).toEqual([
      expect.stringContaining('Back at the eyepiece'),
      expect.stringContaining('The telescope saw its first star tonight.'),
    ]);
    expect(select(tree, (element) => attribute(element, 'class') === 'archive').map(textOf)).toEqual(['Second wind', 'First light']);
    expect(textOf(tree)).not.toContain('<');
  });

  it('keeps the blank and indented lines inside <pre> where they were', () => {
    const tree = built('src/content/pages/notes.md');
    expect(select(tree, (element) => element.tagName === 'pre').map(rawText)).toEqual(['Ada Lane keeps notes.\n\n    An indented line, kept.\n']);
    expect(select(tree, (element) => attribute(element, 'class') === 'signed').map(textOf)).toEqual(['By Ada Lane']);
    expect(select(tree, (element) => element.tagName === 'code')).toEqual([]);
  });
});

describe('the marks around an HTML block', () => {
  it('leave a body without Liquid in an HTML block as it is', () => {
    for (const body of ['Just *text* and {{ page.title }}.', '<div>\n\n  <p>no Liquid</p>\n</div>', '<pre>\n{{ x }}\n\n</pre>', '<div>{{ x }}</div>'])
      expect(markHtmlBlocks(body)).toBe(body);
  });

  it('keep every line where it was, so a Liquid mistake is named on its own line', () => {
    const body = 'Intro.\n\n<div>\n  {% for p in site.posts %}\n  {{ p.title | no_such_filter }}\n  {% endfor %}\n</div>\n';
    expect(markHtmlBlocks(body).split('\n')).toHaveLength(body.split('\n').length);
    const rendered = liquid.render('src/content/pages/index.md', body, 5);
    expect(rendered.ok).toBe(false);
    if (rendered.ok) return;
    expect(rendered.problem.line).toBe(9);
    expect(rendered.problem.field).not.toMatch(/[\uE000\uE001]/);
  });

  it('leave Markdown after the block to Markdown', () => {
    const body = '<div>\n  {% if true %}\n    <b>in</b>\n  {% endif %}\n</div>\n\n    code after the block\n';
    const settled = settleHtmlBlocks(markHtmlBlocks(body).replace(/\{%[^%]*%\}/g, ''));
    expect(settled).toBe('<div>\n    <b>in</b>\n</div>\n\n    code after the block\n');
  });
});

/**
 * Bodies as a Markdown page writes them, checked against Jekyll 4.3.1 (kramdown): a block that is
 * one closed element or a lone tag ends at the blank line the Liquid leaves, and what the loop writes
 * after it is Markdown; a block with an element still open at a line's end runs to its closing tag.
 */
describe('which HTML blocks hold what their Liquid writes', () => {
  const page = 'src/content/pages/index.md';

  it('leaves a list after a <div> closed on its own line to Markdown', () => {
    const body = '<div align="center"><b>Publications</b></div>\n{% for p in site.posts %}\n1. **{{ p.date | date: "%Y" }}**: {{ p.title }}\n{% endfor %}\n';
    expect(markHtmlBlocks(body)).toBe(body);
    const tree = built(page, body);
    expect(select(tree, (element) => element.tagName === 'ol').length).toBe(1);
    expect(select(tree, (element) => element.tagName === 'li').map(textOf)).toEqual(['2021: Second wind', '2020: First light']);
    expect(select(tree, (element) => element.tagName === 'strong').map(textOf)).toEqual(['2021', '2020']);
    expect(textOf(tree)).not.toContain('**');
  });

  it('leaves a list after a lone <img> to Markdown', () => {
    const body = '<img src="/me.jpg" width="100">\n{% for p in site.posts %}\n* {{ p.title }}\n{% endfor %}\n';
    expect(markHtmlBlocks(body)).toBe(body);
    const tree = built(page, body);
    expect(select(tree, (element) => element.tagName === 'ul').length).toBe(1);
    expect(select(tree, (element) => element.tagName === 'li').map(textOf)).toEqual(['Second wind', 'First light']);
    for (const selfClosed of ['<br/>\n{{ page.title }}', '<hr />\n{{ page.title }}', '<p>{{ page.title }}</p>\n{% if true %}\n\n*a*\n{% endif %}'])
      expect(markHtmlBlocks(selfClosed)).toBe(selfClosed);
  });

  it('holds a block whose first element is still open after its first line, and Markdown after it', () => {
    const body = '<div class="box"><b>Hi</b>\n{% for p in site.posts %}\n    <p>{{ p.title }}</p>\n{% endfor %}\n</div>\n\nAfter *the* div.\n';
    const tree = built(page, body);
    expect(select(tree, (element) => element.tagName === 'code' || element.tagName === 'pre')).toEqual([]);
    const [box] = select(tree, (element) => attribute(element, 'class') === 'box');
    expect(box && select(box, (element) => element.tagName === 'p').map(textOf)).toEqual(['Second wind', 'First light']);
    expect(select(tree, (element) => element.tagName === 'em').map(textOf)).toEqual(['the']);
  });

  // Jekyll 4.3.1 shows each of these as HTML: the closed element or lone tag first, then the open one holding every item.
  it('holds a block from the first line an element stays open at, after a closed element or a lone tag', () => {
    const cases = [
      {
        body: '<h2 class="t">Projects</h2>\n<div class="grid">\n  {% for i in (1..2) %}\n    <div class="card">Card {{ i }}</div>\n  {% endfor %}\n</div>\n',
        items: 'card',
        texts: ['Card 1', 'Card 2'],
      },
      {
        body: '<img src="/a.png" alt="a">\n<ul>\n  {% for i in (1..2) %}\n    <li class="item">Item {{ i }}</li>\n  {% endfor %}\n</ul>\n',
        items: 'item',
        texts: ['Item 1', 'Item 2'],
      },
      {
        body: '<hr>\n<div class="list">\n  {% for i in (1..2) %}\n    <p class="row">Row {{ i }}</p>\n  {% endfor %}\n</div>\n',
        items: 'row',
        texts: ['Row 1', 'Row 2'],
      },
    ];
    for (const { body, items, texts } of cases) {
      const tree = built(page, body);
      expect(select(tree, (element) => element.tagName === 'code' || element.tagName === 'pre')).toEqual([]);
      expect(select(tree, (element) => attribute(element, 'class') === items).map(textOf)).toEqual(texts);
      expect(textOf(tree)).not.toContain('<');
    }
    const [grid] = select(built(page, cases[0]?.body), (element) => attribute(element, 'class') === 'grid');
    expect(grid && select(grid, (element) => attribute(element, 'class') === 'card').length).toBe(2);
    expect(
      select(built(page, cases[1]?.body), (element) => element.tagName === 'ul').flatMap((ul) => select(ul, (element) => element.tagName === 'li')).length,
    ).toBe(2);
  });

  it('keeps the blank lines inside a <pre> opened on the first line and inside a <textarea>, as Jekyll shows them', () => {
    const pre = built(page, '<div><pre>\na\n    b\n{% for p in site.posts %}\n{{ p.title }}\n{% endfor %}\n</pre></div>\n');
    expect(select(pre, (element) => element.tagName === 'pre').map(rawText)).toEqual(['a\n    b\n\nSecond wind\n\nFirst light\n\n']);
    const textarea = built(page, '<div>\n<textarea>\na\n{% for p in site.posts %}\n{{ p.title }}\n{% endfor %}\n</textarea>\n</div>\n');
    expect(select(textarea, (element) => element.tagName === 'textarea').map(rawText)).toEqual(['a\n\nSecond wind\n\nFirst light\n\n']);
  });
});

describe('HTML without blank lines', () => {
  it('drops them outside <pre> and <textarea> and keeps what they show inside', () => {
    const html = '<p>a</p>\n\n<pre>x\n\ny</pre>\n  \n<textarea>t\n\n  \nu</textarea>\n<script>\n\nlet s = "<pre>";\n\n</script>';
    const out = withoutBlankLines(html);
    expect(out.split('\n').filter((line) => line.trim() === '')).toEqual([]);
    const tree = parseHtmlFragment(out);
    expect(select(tree, (element) => element.tagName === 'pre').map(rawText)).toEqual(['x\n\ny']);
    expect(select(tree, (element) => element.tagName === 'textarea').map(rawText)).toEqual(['t\n\n  \nu']);
    expect(out).not.toContain('<!---->\nlet');
  });
});
