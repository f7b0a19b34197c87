import { attributeOf, childrenOf, elements, isElement, parseHtmlFragment, textOf, type HtmlElement, type ParentNode } from '../links/html.ts';

/**
 * What a page's rendered content holds that its `<head>` must answer for, read with an HTML parser
 * in one pass: the inline styles its Content-Security-Policy must allow, the remote image origins
 * it shows, and the first paragraph of its body, the page's description when it has none.
 */
export interface RenderedFacts {
  /** The text of every `<style>` element, as the browser reads it. */
  styleElements: string[];
  /** The value of every `style` attribute, as the browser reads it (character references decoded). */
  styleAttributes: string[];
  /** The origins of `https:` images (`https://img.shields.io`), for the policy's `img-src`. */
  imageOrigins: string[];
  /** The plain text of the first paragraph inside the element marked `data-page-body`. */
  firstParagraph: string | undefined;
}

/** Elements whose paragraphs are not the page's own prose: list items, quotes, figures, tables. */
const NOT_PROSE = new Set(['li', 'blockquote', 'figure', 'figcaption', 'table', 'aside', 'nav', 'details']);

/**
 * Whether the HTML may hold a style or an image: every `style` attribute or element and every
 * `<img>` or `<source>` tag has that name written out (names admit no character references), in
 * some letter case. Without one, the parse may stop at the first paragraph.
 */
const MAY_STYLE_OR_SHOW_IMAGES = /style|<img|<source/i;

/**
 * The facts of a page's rendered content. Without `firstParagraph` (the page has a description of its
 * own), content that holds no style and no image is not parsed at all.
 */
export function renderedFacts(html: string, { firstParagraph = true }: { firstParagraph?: boolean } = {}): RenderedFacts {
  const facts: RenderedFacts = { styleElements: [], styleAttributes: [], imageOrigins: [], firstParagraph: undefined };
  const onlyParagraph = !MAY_STYLE_OR_SHOW_IMAGES.test(html);
  if (onlyParagraph && !firstParagraph) return facts;
  return readFacts(html, facts, onlyParagraph);
}

/**
 * The elements the layouts write around a page's body (`<div data-page-body>`): tests/build/site.test.ts
 * checks every built page against this list.
 */
export const BODY_SURROUNDINGS: readonly string[] = ['html', 'body', 'main', 'article', 'div'];

/**
 * An end tag in a body that could close one of the layout's elements around it, and so end the body
 * early on the page. Read on its own, the body has no such element open, so the end tag would be
 * ignored. (A stray `</div>` closes the body's own `<div>` either way.) Parsers read `</ article>` and
 * any case alike; anything that merely looks like one (in a comment) errs toward reading the page.
 */
const CLOSES_THE_SURROUNDINGS = new RegExp(`</\\s*(?:${BODY_SURROUNDINGS.filter((name) => name !== 'div').join('|')})\\b`, 'i');

/**
 * The description of a page with a Markdown body: its own, or else the first paragraph of the body
 * the content layer rendered ahead, read from that HTML alone rather than from the whole page.
 * Undefined for a body rendered with the page (MDX), or one with an end tag that would end it early on
 * the page: the layout then reads the description from the page.
 */
export function entryDescription(own: string | undefined, renderedBody: string | undefined): string | undefined {
  if (own !== undefined || renderedBody === undefined || CLOSES_THE_SURROUNDINGS.test(renderedBody)) return own;
  const first = firstParagraphOf(renderedBody);
  return first === undefined ? undefined : truncateText(first);
}

/**
 * The first paragraph of a body. HTML is read front to back, so the body up to a paragraph's end tag
 * reads as the whole body does up to there: the first paragraph found in that prefix, closed there by
 * its own end tag, is the body's (a long body need not be read whole). A prefix cut inside a comment
 * or an attribute leaves the paragraph without its end tag, and the whole body is read.
 */
function firstParagraphOf(body: string): string | undefined {
  const end = /<\/p\s*>/i.exec(body);
  if (end !== null && end.index + end[0].length < body.length) {
    const prefix = readFacts(`<div data-page-body>${body.slice(0, end.index + end[0].length)}`, emptyFacts(), true, true);
    if (prefix.paragraph?.sourceCodeLocation?.endTag !== undefined) return prefix.firstParagraph;
  }
  return readFacts(`<div data-page-body>${body}</div>`, emptyFacts(), true).firstParagraph;
}

const emptyFacts = (): RenderedFacts => ({ styleElements: [], styleAttributes: [], imageOrigins: [], firstParagraph: undefined });

/** The facts, and with `locations` the element of the first paragraph. */
function readFacts(html: string, facts: RenderedFacts, onlyParagraph: boolean, locations = false): RenderedFacts & { paragraph?: HtmlElement } {
  const origins = new Set<string>();
  let paragraph: HtmlElement | undefined;
  const root = parseHtmlFragment(html, { locations });
  const walk = (parent: ParentNode, inBody: boolean, notProse: boolean): void => {
    for (const node of childrenOf(parent)) {
      if (!isElement(node)) continue;
      const style = attributeOf(node, 'style');
      if (style !== undefined) facts.styleAttributes.push(style);
      const name = node.tagName;
      if (name === 'img' || name === 'source') {
        for (const url of [attributeOf(node, 'src'), ...(attributeOf(node, 'srcset') ?? '').split(',').map((part) => part.trim().split(/\s+/)[0])]) {
          if (url && /^https:\/\//i.test(url)) {
            try {
              origins.add(new URL(url).origin);
            } catch {
              // Not a URL a browser would load either.
            }
          }
        }
      }
      if (name === 'style') facts.styleElements.push(textOf(node));
      const body = inBody || attributeOf(node, 'data-page-body') !== undefined;
      const prose = !notProse && !NOT_PROSE.has(name);
      if (name === 'p' && body && prose && facts.firstParagraph === undefined) {
        const text = paragraphText(node).replace(/\s+/g, ' ').trim();
        if (text !== '') {
          facts.firstParagraph = text;
          paragraph = node;
        }
        if (onlyParagraph && facts.firstParagraph !== undefined) return;
      }
      walk(node, body, !prose);
      if (onlyParagraph && facts.firstParagraph !== undefined) return;
    }
  };
  walk(root, false, false);
  facts.imageOrigins = [...origins].sort();
  return paragraph === undefined ? facts : { ...facts, paragraph };
}

/** A paragraph's words: its text, footnote markers (links, not words of the sentence) left out. */
function paragraphText(element: HtmlElement): string {
  let text = '';
  for (const node of childrenOf(element)) {
    if (isElement(node)) {
      if (node.tagName !== 'a' || attributeOf(node, 'data-footnote-ref') === undefined) text += paragraphText(node);
    } else if ('value' in node && node.nodeName === '#text') text += node.value;
  }
  return text;
}

/** Longest summary search engines and link previews show in full. */
export const EXCERPT_MAX_LENGTH = 160;

/** Text cut at a word boundary to fit `maxLength`, with an ellipsis when cut. */
export function truncateText(text: string, maxLength = EXCERPT_MAX_LENGTH): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  // A cut that falls just before a space already ends on a whole word.
  const lastSpace = text[maxLength - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * A page's content with its `<style>` elements taken out, and their texts in order: a `<style>` in a
 * body is moved into the `<head>`, the one place HTML allows it. Content without one is returned as is.
 */
export function withoutStyleElements(html: string): { html: string; styles: string[] } {
  if (!/<style/i.test(html)) return { html, styles: [] };
  const cuts: { start: number; end: number; text: string }[] = [];
  for (const element of elements(parseHtmlFragment(html))) {
    const location = element.sourceCodeLocation;
    const startTag = location?.startTag;
    if (element.tagName !== 'style' || !location || !startTag) continue;
    // The text as written, so the `<style>` moved into the head is the one the body had.
    cuts.push({
      start: startTag.startOffset,
      end: location.endTag?.endOffset ?? location.endOffset,
      text: html.slice(startTag.endOffset, location.endTag?.startOffset ?? location.endOffset),
    });
  }
  cuts.sort((a, b) => a.start - b.start);
  let result = '';
  let from = 0;
  for (const cut of cuts) {
    result += html.slice(from, cut.start);
    from = cut.end;
  }
  return { html: result + html.slice(from), styles: cuts.map((cut) => cut.text) };
}

/** Elements that show nothing where they stand: a heading after them still opens the body. */
const SHOWS_NOTHING = new Set(['style', 'script', 'template', 'link', 'meta']);

/**
 * The text of the `<h1>` a rendered body opens with, inside any `<div>`s that wrap it and before any
 * other text (a `<style>` or other element that shows nothing may come first), or undefined. Bodies
 * without an `<h1>` are not parsed.
 */
export function openingHeading(renderedBody: string | undefined): string | undefined {
  if (renderedBody === undefined || !/<h1/i.test(renderedBody)) return undefined;
  let parent: ParentNode = parseHtmlFragment(renderedBody, { locations: false });
  for (;;) {
    const first = childrenOf(parent).find(
      (node) => (isElement(node) && !SHOWS_NOTHING.has(node.tagName)) || (node.nodeName === '#text' && 'value' in node && node.value.trim() !== ''),
    );
    if (first === undefined || !isElement(first)) return undefined;
    if (first.tagName === 'h1') return textOf(first).replace(/\s+/g, ' ').trim();
    if (first.tagName !== 'div') return undefined;
    parent = first;
  }
}

/**
 * Whether a rendered body opens with an `<h1>` of the page's title (see `openingHeading`; letter case
 * and spacing aside): a page whose Jekyll layout printed no title named itself so, and the layout then
 * adds no second one. A body that opens with another heading (academicpages' CV: `Education`) keeps
 * the title above it, as its Jekyll layout printed it.
 */
export function opensWithTitle(renderedBody: string | undefined, title: string): boolean {
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const heading = openingHeading(renderedBody);
  return heading !== undefined && fold(heading) === fold(title);
}
