import { markdownToHtml } from 'satteri';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrls } from '../../src/lib/html/absolute-urls.ts';
import { excerptHtml } from '../../src/lib/html/excerpt.ts';
import { unconsentedScripts } from '../../src/lib/checks/script-consent.ts';
import { entryDescription, openingHeading, opensWithTitle, renderedFacts, truncateText, withoutStyleElements } from '../../src/lib/html/page-facts.ts';
import { plainText } from '../../src/lib/html/shown-fields.ts';
import { inlineColourFindings } from '../../src/lib/html/contrast.ts';

/** A page's body as the site renders it, inside the element the layout marks. */
const body = (markdown: string) => `<h1>Title</h1><div data-page-body>${markdownToHtml(markdown, { features: { gfm: true } }).html}</div>`;

describe('renderedFacts: the description comes from the rendered text, as a reader sees it', () => {
  it.each([
    ['an ampersand', 'I worked at AT&T on networks.', 'I worked at AT&T on networks.'],
    ['an autolink', 'See <https://example.com/docs> for more.', 'See https://example.com/docs for more.'],
    ['underscores in a name', 'The function snake_case_name does it.', 'The function snake_case_name does it.'],
    ['stars in arithmetic', 'It is 2 * 3 * 4 = 24.', 'It is 2 * 3 * 4 = 24.'],
    ['a footnote marker', 'A claim.[^1]\n\n[^1]: The source.', 'A claim.'],
    ['emphasis and a link', 'I *built* [a queue](/work/acme).', 'I built a queue.'],
    ['a list before the prose', '- item\n\nThe first paragraph.', 'The first paragraph.'],
  ])('%s', (_case, markdown, text) => {
    expect(renderedFacts(body(markdown)).firstParagraph).toBe(text);
  });

  it("reads an MDX expression's value, since it reads the rendered page", () => {
    expect(renderedFacts('<div data-page-body><p>Joined the team in 2019.</p></div>').firstParagraph).toBe('Joined the team in 2019.');
  });

  it('collects style blocks, style attributes and remote image origins for the policy', () => {
    const facts = renderedFacts(
      '<style>.x{color:red}</style><div data-page-body><p><span style="color:#B3A369">Go</span></p><img src="https://img.shields.io/b.svg" alt=""><img src="/local.png" alt=""></div>',
    );
    expect(facts.styleElements).toEqual(['.x{color:red}']);
    expect(facts.styleAttributes).toEqual(['color:#B3A369']);
    expect(facts.imageOrigins).toEqual(['https://img.shields.io']);
  });

  it.each([
    ['a style attribute', '<p>First.</p><p><span STYLE="color:red">x</span></p>', { styleAttributes: ['color:red'] }],
    ['a style block', '<p>First.</p><Style>.x{}</Style>', { styleElements: ['.x{}'] }],
    ['a remote image', '<p>First.</p><IMG src="https://a.example/x.png" alt="">', { imageOrigins: ['https://a.example'] }],
    ['a remote source', '<p>First.</p><picture><source srcset="https://b.example/x.avif 1x"></picture>', { imageOrigins: ['https://b.example'] }],
  ])('reads the whole page when %s comes after the first paragraph', (_case, html, expected) => {
    expect(renderedFacts(`<div data-page-body>${html}</div>`)).toMatchObject({ firstParagraph: 'First.', ...expected });
  });

  it('finds the first paragraph alike whether or not it reads the whole page', () => {
    // "style" in the text makes it read on to the end; without it, it stops at the paragraph.
    const rest = '<ul><li>one</li></ul><p>Second.</p>';
    expect(renderedFacts(`<div data-page-body><p>The first &amp; only.</p>${rest}<p>A style note.</p></div>`).firstParagraph).toBe('The first & only.');
    expect(renderedFacts(`<div data-page-body><p>The first &amp; only.</p>${rest}</div>`).firstParagraph).toBe('The first & only.');
  });

  it('does not read content that holds no style and no image when the page has its own description', () => {
    expect(renderedFacts('<div data-page-body><p>First.</p></div>', { firstParagraph: false }).firstParagraph).toBeUndefined();
    expect(renderedFacts('<div data-page-body><p><img src="https://a.example/x.png" alt=""></p></div>', { firstParagraph: false }).imageOrigins).toEqual([
      'https://a.example',
    ]);
  });

  it.each([
    ['its own description', 'Own.', '<p>Body.</p>', 'Own.'],
    ['the first paragraph of its rendered body', undefined, '<ul><li>item</li></ul><p>I worked at AT&amp;T.</p>', 'I worked at AT&T.'],
    ['nothing to read for a body rendered with the page (MDX)', undefined, undefined, undefined],
    ['nothing for a body without a paragraph', undefined, '<ul><li>item</li></ul>', undefined],
  ])('describes an entry by %s', (_case, own, rendered, expected) => {
    expect(entryDescription(own, rendered)).toBe(expected);
  });

  it.each([['</article>\n<p>Hello world.</p>'], ['</MAIN>\n<p>Hello world.</p>']])(
    "leaves a body with an end tag that would end it early on the page (%j) to the page's reading",
    (rendered) => {
      expect(entryDescription(undefined, rendered)).toBeUndefined();
      // On the page, the stray end tag closes the layout's element around the body: no paragraph of the body is first.
      expect(renderedFacts(`<main><article><div data-page-body>${rendered}</div></article></main>`).firstParagraph).toBeUndefined();
    },
  );

  it('describes an entry by its rendered body as it would by the whole page', () => {
    const html = markdownToHtml(
      '- a list first\n\nA long first paragraph that goes on well past the length a search result shows in full, so it is cut at a word and given an ellipsis at its end.',
      { features: { gfm: true } },
    ).html;
    expect(entryDescription(undefined, html)).toBe(
      truncateText(renderedFacts(`<header><p>Group</p></header><div data-page-body>${html}</div>`).firstParagraph ?? ''),
    );
  });

  it.each([
    ['a comment that holds an end tag', '<p>Hello <!-- </p> --> world.</p><p>Second.</p>'],
    ['an attribute that holds an end tag', '<p>Hello <a title="</p>" href="/x">there</a> world.</p><p>Second.</p>'],
    ['an empty paragraph first', '<p> </p><p>Then words.</p><p>More.</p>'],
    ['a paragraph in a list first', '<ul><li><p>item</p></li></ul><p>Prose.</p><p>More.</p>'],
    ['a stray end tag first', '</p><p>Words.</p><p>More.</p>'],
  ])("reads the first paragraph of a body with %s as the page's reading does", (_case, rendered) => {
    expect(entryDescription(undefined, rendered)).toBe(renderedFacts(`<div data-page-body>${rendered}</div>`).firstParagraph);
  });

  it("reads any body's first paragraph as the page's reading does (property)", () => {
    const part = fc.constantFrom(
      '<p>One.</p>',
      '<p></p>',
      '<p>Two <!-- </p> --> too.</p>',
      '<p><a title="</p>">Three</a></p>',
      '<ul><li><p>Item.</p></li></ul>',
      '</p>',
      '<blockquote><p>Quote.</p></blockquote>',
      '<p>Four <b>bold</p> rest</b>',
      'text',
      '<!--',
      '<p title="x',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const rendered = parts.join('');
        fc.pre(!/<\/\s*(?:html|body|main|article)\b/i.test(rendered));
        const page = renderedFacts(`<div data-page-body>${rendered}</div>`).firstParagraph;
        expect(entryDescription(undefined, rendered)).toBe(page === undefined ? undefined : truncateText(page));
      }),
    );
  });

  it.each([
    ['short', 10, 'short'],
    ['a sentence that goes on and on', 16, 'a sentence that…'],
  ])('truncates %j to %i characters at a word', (text, length, expected) => {
    expect(truncateText(text, length)).toBe(expected);
  });
});

describe("excerptHtml: a post's excerpt, from its rendered HTML", () => {
  it.each([
    ['the first block by default', '<p>First <a href="/x">link</a>.</p>\n<p>Second.</p>', undefined, '<p>First <a href="/x">link</a>.</p>'],
    [
      'up to a separator, closing what is open',
      '<p>Intro <em>here</em></p>\n<p>More <!--more--> after</p>',
      '<!--more-->',
      '<p>Intro <em>here</em></p>\n<p>More</p>',
    ],
    ['the first block when the separator is missing', '<p>Only.</p>', '<!--more-->', '<p>Only.</p>'],
    ['nothing from nothing', '', undefined, ''],
    ['a first block closed by the next block, up to that block', '<p>One <em>two</em><div>Three</div>', undefined, '<p>One <em>two</em>'],
    ['a first block that is one void element', '<hr>\n<p>After.</p>', undefined, '<hr>'],
    [
      'up to a separator inside a list, closing the item and the list',
      '<ul>\n<li>One</li>\n<li>Two <!--more--> three</li>\n</ul>',
      '<!--more-->',
      '<ul>\n<li>One</li>\n<li>Two</li></ul>',
    ],
    [
      'up to a separator after an image, which needs no end tag',
      '<p><img src="/a.png" alt=""><!--more--></p>',
      '<!--more-->',
      '<p><img src="/a.png" alt=""></p>',
    ],
    [
      'a footnote reference as its number, without the link',
      '<p>A claim<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>.</p>',
      undefined,
      '<p>A claim<sup>1</sup>.</p>',
    ],
    [
      'a superscript that is no footnote reference, as written',
      '<p>E = mc<sup>2</sup><sup><a data-footnote-ref href="#fn-1">1</a></sup></p>',
      undefined,
      '<p>E = mc<sup>2</sup><sup>1</sup></p>',
    ],
  ])('%s', (_case, html, separator, expected) => {
    expect(excerptHtml(html, separator)).toBe(expected);
  });

  // A list of posts has no consent for a post's scripts: the build would refuse it with them.
  it.each([
    [
      'a post that opens with its MathJax scripts, by its first paragraph',
      '<script type="text/x-mathjax-config">\nMathJax.Hub.Config({});\n</script>\n<script async src="https://cdn.example.org/MathJax.js"></script>\n<p>The odds are $p$.</p>\n<p>More.</p>',
      undefined,
      '<p>The odds are $p$.</p>',
    ],
    ['a script inside the first paragraph, without it', '<p>Count: <script>var a = 1;</script>one.</p>', undefined, '<p>Count: one.</p>'],
    ['scripts up to a separator, without them', '<script>var a = 1;</script>\n<p>Intro.</p>\n<!--more-->\n<p>After.</p>', '<!--more-->', '\n<p>Intro.</p>'],
  ])('runs no script: %s', (_case, html, separator, expected) => {
    const excerpt = excerptHtml(html, separator);
    expect(excerpt).toBe(expected);
    expect(unconsentedScripts(excerpt, [])).toEqual([]);
  });

  it('brings the notes its footnote references point at, as Jekyll does, without links that would lead to another post', () => {
    const html =
      '<p>Tail latency<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>.</p>\n' +
      '<p>Later<sup><a href="#user-content-fn-2" id="user-content-fnref-2" data-footnote-ref>2</a></sup>.</p>\n' +
      '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>\n<ol>\n' +
      '<li id="user-content-fn-1">\n<p>Measured with <em>4 KB</em> objects. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>\n</li>\n' +
      '<li id="user-content-fn-2">\n<p>Two. <a href="#user-content-fnref-2" data-footnote-backref="">↩</a></p>\n</li>\n</ol>\n</section>';
    expect(excerptHtml(html)).toBe('<p>Tail latency<sup>1</sup>.</p>\n<ol class="footnotes"><li><p>Measured with <em>4 KB</em> objects.</p></li></ol>');
  });
});

describe('the rendered content, read by the one HTML parser', () => {
  it('moves each <style> out with its text as written, and keeps the rest byte for byte', () => {
    const html = '<p>A</p><STYLE media="print">a{}\r\nb{}</style ><svg><style>c{}</style></svg><p title="&amp;">B</p>';
    expect(withoutStyleElements(html)).toEqual({ html: '<p>A</p><svg></svg><p title="&amp;">B</p>', styles: ['a{}\r\nb{}', 'c{}'] });
  });

  it('leaves a <style> that is only text where a browser reads it as text', () => {
    const html = '<textarea><style>a{}</style></textarea><!-- <style>b{}</style> -->';
    expect(withoutStyleElements(html)).toEqual({ html, styles: [] });
  });

  it("reads a paragraph's text as a browser does: entities decoded, comments and footnote markers left out", () => {
    expect(renderedFacts('<div data-page-body><p>AT&amp;T <!-- note -->&lt;3<sup><a data-footnote-ref href="#fn-1">1</a></sup></p></div>').firstParagraph).toBe(
      'AT&T <3',
    );
  });

  it('takes a paragraph in a table for no prose, even one the parser moves out of it', () => {
    expect(renderedFacts('<div data-page-body><table><tr><td><p>Cell.</p></td></tr></table><p>Prose.</p></div>').firstParagraph).toBe('Prose.');
  });

  it("reads a field value's text: tags dropped, entities decoded", () => {
    expect(plainText('<i>Nature</i> &amp; <b>Science</b>, 2019')).toBe('Nature & Science, 2019');
  });

  it('finds an inline colour where its element starts', () => {
    const html = 'Text\n\n<span title="x" STYLE="color: #ccc">pale</span>';
    expect(inlineColourFindings(html).map((finding) => [finding.written, finding.offset])).toEqual([['#ccc', html.indexOf('<span')]]);
  });
});

describe('absoluteUrls: links a feed reader can follow away from the site', () => {
  it('makes root-relative links and images absolute, changing nothing else', () => {
    const html =
      '<p>See <a href="/work/acme" title="A &amp; B">Acme</a> and <a href="https://x.example">x</a>.</p><img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="">';
    expect(absoluteUrls(html, 'https://jane.dev/portfolio/')).toBe(
      '<p>See <a href="https://jane.dev/work/acme" title="A &amp; B">Acme</a> and <a href="https://x.example">x</a>.</p><img src="https://jane.dev/a.png" srcset="https://jane.dev/a.png 1x, https://jane.dev/a@2x.png 2x" alt="">',
    );
  });

  it('leaves an element named after what every object inherits as it is', () => {
    expect(absoluteUrls('<constructor href="/x">a</constructor>', 'https://jane.dev/')).toBe('<constructor href="/x">a</constructor>');
  });
});

describe('opensWithTitle: a body that names its page with its own <h1> gets no second one from the layout', () => {
  it.each([
    ['an h1 of the title first', '<h1>Blog</h1><p>Posts.</p>', true],
    ['an h1 inside the div the importer wraps HTML in', '<div>\n<h1>Blog</h1>\n<article>x</article></div>', true],
    ['a comment before the h1', '<!-- list --><h1>Blog</h1>', true],
    ['the title in another letter case and spacing', '<h1>the  BLOG\n</h1>', false],
    ['text before the h1', '<p>Intro.</p><h1>Blog</h1>', false],
    ['words before the h1 in its div', '<div>Hello <h1>Blog</h1></div>', false],
    ['an h2 first', '<h2>Blog</h2><h1>Late</h1>', false],
    ['an h1 of another text: a section heading (academicpages’ CV opens with "Education")', '<h1>Education</h1><ul><li>x</li></ul>', false],
    ['no h1', '<p>Just prose.</p>', false],
    ['no body', undefined, false],
    ['a <style> before the h1, as minima’s 404 page has', '<div>\n<style>h1 { color: red; }</style>\n<div class="container"><h1>Blog</h1></div></div>', true],
    ['an image before the h1', '<img src="a.png" alt=""><h1>Blog</h1>', false],
  ])('%s', (_case, html, expected) => {
    expect(opensWithTitle(html, 'Blog')).toBe(expected);
  });

  it('compares letter case and spacing aside', () => {
    expect(opensWithTitle('<h1>the  BLOG\n</h1>', 'The blog')).toBe(true);
  });

  it('reads the heading as text: markup dropped, spaces collapsed', () => {
    expect(openingHeading('<div><h1>About   <em>me</em>\n</h1></div>')).toBe('About me');
  });
});
