import { describe, expect, it } from 'vitest';
import { cssUrlSpans, cssUrls } from '../../src/lib/links/css-urls.ts';

describe('cssUrlSpans', () => {
  it('says where each url() address is written, inside its quotes or parentheses, and only for URLs', () => {
    const css = `a{background:url( x.png ) ;src:url("y\\".png") format("woff");} @import 'z.css'; b{content:"q.png"} c{background:url(w`;
    const spans = cssUrlSpans(css);
    expect(spans.map((span) => [span.url, css.slice(span.start, span.end)])).toEqual([
      ['x.png', 'x.png'],
      ['y".png', 'y\\".png'],
      ['z.css', 'z.css'],
      ['w', 'w'],
    ]);
    expect(spans.map((span) => span.url)).toEqual(cssUrls(css));
  });
});
