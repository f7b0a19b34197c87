/**
 * How kramdown (Jekyll's Markdown) tells HTML blocks from HTML in a paragraph: a line that starts
 * with a tag starts an HTML block unless the tag is one of its span elements, and an element with
 * `markdown="1"`, `"block"` or `"span"` has its content read as Markdown.
 * https://github.com/gettalong/kramdown/blob/v2.4.0/lib/kramdown/parser/html.rb
 */

/** Kramdown::Parser::Html::Constants::HTML_SPAN_ELEMENTS (kramdown 2.4, Jekyll 4.3's). */
export const KRAMDOWN_SPAN_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var'.split(
    ' ',
  ),
);

/** Whether kramdown reads the element's content as Markdown (its `markdown` attribute, HTML_MARKDOWN_ATTR_MAP). */
export const readsMarkdownInside = (markdown: string | undefined): boolean => markdown !== undefined && ['1', 'block', 'span'].includes(markdown.trim());
