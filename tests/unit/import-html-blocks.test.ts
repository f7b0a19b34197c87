import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { htmlBlocksWhole } from '../../scripts/import/html-blocks.ts';
import type { ImportPlan } from '../../scripts/import/plan.ts';
import { MARKDOWN_FEATURES } from '../../src/lib/checks/script-consent.ts';
import { elements, parseHtmlFragment } from '../../src/lib/links/html.ts';
import { planOf, plannedText } from '../helpers/import-plan.ts';

const plan = planOf;
const text = (result: ImportPlan, path: string) => plannedText(result, path) ?? '';
/** What the build's Markdown makes of a body: the tags of its elements, and the text of its code blocks. */
function rendered(body: string) {
  const html = markdownToHtml(body, { features: MARKDOWN_FEATURES }).html;
  const found = [...elements(parseHtmlFragment(html))];
  const textOf = (tag: string) =>
    found.filter((element) => element.tagName === tag).map((element) => element.childNodes.map((child) => ('value' in child ? child.value : '')).join(''));
  return { tags: found.map((element) => element.tagName), scripts: textOf('script'), html };
}

// A chart pasted into a post as a whole HTML document, its script indented and with blank lines:
// kramdown kept it as HTML up to </html>.
const chart = `<html>\n<head>\n<script src="https://cdn.example.org/charts.js"></script>\n    <script>\n      charts.load('sankey');\n\n      function draw() {\n        return 1;\n      }\n    </script>\n</head>\n</html>\n`;

describe('an HTML element that runs past a blank line stays one block, as kramdown read it', () => {
  it('keeps an indented script with blank lines as a script, not a code block', () => {
    const before = rendered(`Intro.\n\n${chart}\nAfter *this*.\n`);
    // Without the change the script's second half is a code block, which the open script swallows.
    expect(before.scripts[1]).toContain('<pre><code>');
    const result = htmlBlocksWhole(`Intro.\n\n${chart}\nAfter *this*.\n`, 'post.md', 5);
    const after = rendered(result.text);
    expect(after.tags).not.toContain('pre');
    expect(after.scripts[1]).toBe("\n      charts.load('sankey');\n      function draw() {\n        return 1;\n      }\n    ");
    expect(after.tags).toContain('em');
    expect(result.report.map((line) => line.line)).toEqual([7]);
  });

  it('reads a pasted page from <html> to </html>, blank line after <head> and script on its own line included', () => {
    const page = `<html>\n<head>\n\n<script src="https://cdn.example.org/charts.js"></script>\n    <script>\n      draw();\n\n      more();\n    </script>\n</head>\n</html>\n\nAfter.\n`;
    const result = htmlBlocksWhole(page, 'post.md', 1);
    const after = rendered(result.text);
    expect(after.tags).toEqual(['script', 'script', 'p']);
    expect(after.scripts[1]).toBe('\n      draw();\n      more();\n    ');
  });

  it('keeps the Markdown inside a <div> with blank lines as written, as kramdown did without markdown="1"', () => {
    const result = htmlBlocksWhole('<div class="note">\n\n**Read me**\n\n</div>\n\nText.\n', 'page.md', 1);
    expect(result.text).toBe('<div class="note">\n**Read me**\n</div>\n\nText.\n');
    expect(rendered(result.text).tags).toEqual(['div', 'p']);
  });

  it('leaves blocks that close before the blank line, code, and a blank line inside <pre> in place', () => {
    const body = '<figure><img src="/a.png"></figure>\n\nText.\n\n```html\n<div>\n\n</div>\n```\n';
    expect(htmlBlocksWhole(body, 'post.md', 1)).toEqual({ text: body, report: [] });
    const pre = htmlBlocksWhole('<div>\n<pre>a\n\nb</pre>\n\n</div>\n', 'post.md', 1).text;
    expect(pre).toBe('<div>\n<pre>a\n<!---->\nb</pre>\n</div>\n');
  });

  it('is applied to the posts the importer writes', () => {
    const result = plan({ '_config.yml': 'title: T\n', '_posts/2016-8-14-salaries.md': `---\nlayout: post\ntitle: Salaries\n---\n\n${chart}` });
    const written = text(result, 'src/content/posts/2016-8-14-salaries.md');
    const body = written.slice(written.indexOf('\n---\n', 4) + 5);
    expect(rendered(body).tags).not.toContain('pre');
    expect(result.report.some((line) => line.file === '_posts/2016-8-14-salaries.md' && line.message.includes('kramdown kept it whole'))).toBe(true);
  });
});

describe('what kramdown did not keep as one block stays as written', () => {
  // Jekyll 4.3 (kramdown 2.4): a line that starts with a span element starts a paragraph, so the
  // Markdown between the tags is Markdown (`<p>Some <em>text</em></p>`); `markdown="1"` asks for the
  // content to be read as Markdown. Joining either would show `*text*` and `# Title` as written.
  it.each([
    ['a span element', '<span class="x">\n\nSome *text*\n\n</span>\n'],
    ['a link', '<a href="/x">\n\nSome *text*\n\n</a>\n'],
    ['an element with markdown="1"', '<div markdown="1">\n\n# Title\n\nPara one\n\nPara two\n\n</div>\n'],
  ])('%s', (_name, body) => {
    expect(htmlBlocksWhole(body, 'post.md', 5)).toEqual({ text: body, report: [] });
  });
});
