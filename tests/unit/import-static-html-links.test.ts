import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/lib/links/check.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

// The shape of a notebook exported as slides and copied by Jekyll as it was: an inlined stylesheet
// whose fonts the export never shipped, a stylesheet beside it that is not there either, an anchor
// whose id has a bare "%", an anchor to no id, and links that do work.
const SLIDES = `<!DOCTYPE html>
<html>
<head>
<style type="text/css">
@font-face { font-family: 'Glyphicons'; src: url('../components/fonts/glyph.eot'); src: url("../components/fonts/glyph.woff2") format('woff2'); }
body { background: url(chart.png); }
</style>
<link rel="stylesheet" href="custom.css">
</head>
<body>
<h2 id="A-60.58%-(=1194/1971)-chance">A 60.58% chance</h2>
<p><a href="#A-60.58%-(=1194/1971)-chance">to the chance</a>, <a href="#gone">to nothing</a>, <a href="../../about/">about</a> and <a href="https://example.com/x">out</a>.</p>
<img src="chart.png" alt="chart"><img src="missing.png" alt="missing">
</body>
</html>
`;

function plan() {
  const result = planImport(
    memorySource({
      '_config.yml': 'title: Lee\n',
      'about.md': '---\ntitle: About\npermalink: /about/\n---\nHello.\n',
      'images/report/chart.png': 'png',
      'images/report/slides.html': SLIDES,
      'images/report/with-script.html':
        '<html><head>\n<script>\nvar a = 1;\nvar b = 2;\n</script>\n<link rel="stylesheet" href="custom.css">\n</head></html>\n',
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe('an HTML file Jekyll copied as it was, with links that led nowhere', () => {
  const result = plan();
  const file = result.files.find((candidate) => candidate.path === 'public/images/report/slides.html');
  const text = file && 'text' in file.content ? file.content.text : '';

  it("passes the build's link check once imported, keeping what worked", () => {
    const files = new Set(['images/report/slides.html', 'images/report/chart.png', 'about/index.html']);
    const pages = new Map([
      ['images/report/slides.html', extractPageFacts(text)],
      ['about/index.html', extractPageFacts('<p>Hello.</p>')],
    ]);
    expect(checkLinks({ files, pages, base: '/' })).toEqual([]);
    // Before the import's change, the check refuses the file's own links.
    const before = checkLinks({ files, pages: new Map([['images/report/slides.html', extractPageFacts(SLIDES)]]), base: '/' });
    expect(before.map((problem) => problem.url).sort()).toEqual(
      ['#A-60.58%-(=1194/1971)-chance', '#gone', '../components/fonts/glyph.eot', '../components/fonts/glyph.woff2', 'custom.css', 'missing.png'].sort(),
    );
  });

  it('takes out only the dead links, keeping the text of an <a> and every working link', () => {
    expect(text).toContain("src: url('about:invalid')");
    expect(text).toContain('src: url("about:invalid") format(\'woff2\')');
    expect(text).toContain('background: url(chart.png)');
    expect(text).toContain('<link rel="stylesheet">');
    expect(text).toContain('<a href="#A-60.58%25-(=1194/1971)-chance">to the chance</a>');
    expect(text).toContain('<a>to nothing</a>');
    expect(text).toContain('<a href="../../about/">about</a>');
    expect(text).toContain('<a href="https://example.com/x">out</a>');
    expect(text).toContain('<img src="chart.png" alt="chart"><img alt="missing">');
  });

  it('reports each change with the file and its line', () => {
    const lines = result.report.filter((line) => line.file === 'images/report/slides.html');
    expect(lines.map((line) => [line.line, line.message.split(' led ')[0]?.split(' has ')[0]])).toEqual(
      expect.arrayContaining([
        [5, 'its link to ../components/fonts/glyph.eot in its <style>'],
        [8, 'its link to custom.css'],
        [12, 'its link to #A-60.58%-(=1194/1971)-chance'],
        [12, 'its link to #gone'],
        [13, 'its link to missing.png'],
      ]),
    );
  });

  it('counts lines in the Jekyll file, also when the copy lost its scripts', () => {
    const copy = result.files.find((candidate) => candidate.path === 'public/images/report/with-script.html');
    expect(copy && 'text' in copy.content ? copy.content.text : '').toBe('<html><head>\n\n<link rel="stylesheet">\n</head></html>\n');
    expect(
      result.report.filter((line) => line.file === 'images/report/with-script.html' && line.message.startsWith('its link')).map((line) => line.line),
    ).toEqual([6]);
  });
});

describe('a copied HTML file: only the address in a CSS url() changes, and <base href> is read', () => {
  const PAGE = `<html><head><base href="/img/"><style>
.a { background: url(missing.png); }
.b::before { content: "missing.png"; }
</style></head><body>
<div style="width:50%; color:red; background:url(/gone.png)">one</div>
<div style="width:50%; background:url(/img/100%.png)">two</div>
<img src="a.png" alt="a"><img src="b.png" alt="b">
</body></html>
`;
  const result = planImport(memorySource({ '_config.yml': 'title: Lee\n', 'img/a.png': 'png', 'img/100%.png': 'png', 'old/page.html': PAGE }));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((candidate) => candidate.path === 'public/old/page.html');
  const text = file && 'text' in file.content ? file.content.text : '';

  it('keeps the rest of a style attribute, writing a dead url() about:invalid and a bare % in a working one %25', () => {
    expect(text).toContain('<div style="width:50%; color:red; background:url(about:invalid)">one</div>');
    expect(text).toContain('<div style="width:50%; background:url(/img/100%25.png)">two</div>');
  });

  it('changes only url() tokens in <style>, not a string that looks like an address', () => {
    expect(text).toContain('.a { background: url(about:invalid); }');
    expect(text).toContain('.b::before { content: "missing.png"; }');
  });

  it('resolves against <base href>: a served image keeps its src, written from the site root; a missing one is taken out', () => {
    expect(text).toContain('<img src="/img/a.png" alt="a"><img alt="b">');
    const lines = result.plan.report.filter((line) => line.file === 'old/page.html');
    expect(lines.map((line) => [line.line, line.message.split(' is ')[0]?.split(' led ')[0]])).toEqual(
      expect.arrayContaining([
        [2, 'its link to missing.png in its <style>'],
        [5, 'its link to /gone.png in its style attribute'],
        [6, 'its link to /img/100%.png in its style attribute has a "%" that does not start an escape, which the build refuses: it'],
        [7, 'its link to a.png'],
        [7, 'its link to b.png'],
      ]),
    );
  });

  it("passes the build's link check", () => {
    const files = new Set(['old/page.html', 'img/a.png', 'img/100%.png']);
    expect(checkLinks({ files, pages: new Map([['old/page.html', extractPageFacts(text)]]), base: '/' })).toEqual([]);
  });
});
