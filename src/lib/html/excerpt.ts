import { attributeOf, elements, isElement, parseHtmlFragment, type HtmlElement } from '../links/html.ts';

/**
 * A post's excerpt as Jekyll makes it, from the post's rendered HTML: the text up to the excerpt
 * separator when the post has one (`<!--more-->`), otherwise its first block (Jekyll's default
 * separator is a blank line, which ends the first paragraph). Markup is kept: links, code and
 * emphasis stay as they render in the post. Cut at the offsets the parser reports, so what is kept
 * is written exactly as in the post.
 */

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Where an element is written: from its start tag to its end tag, or to what closed it. */
function span(element: HtmlElement): { start: number; end: number } | undefined {
  const location = element.sourceCodeLocation;
  if (!location?.startTag) return undefined;
  return { start: location.startTag.startOffset, end: location.endTag?.endOffset ?? location.endOffset };
}

/** The HTML of the first top-level element, or undefined when there is none. */
function firstBlock(html: string): string | undefined {
  for (const node of parseHtmlFragment(html).childNodes) {
    const at = isElement(node) ? span(node) : undefined;
    if (at) return html.slice(at.start, at.end);
  }
  return undefined;
}

/** `html` cut before `separator`, with the elements still open at that point closed. */
function upTo(html: string, separator: string): string {
  const prefix = html.slice(0, html.indexOf(separator));
  // Whatever the text ends inside is closed by us, innermost last in document order, so first here.
  const open = [...elements(parseHtmlFragment(prefix))].filter((element) => {
    const location = element.sourceCodeLocation;
    return location?.startTag !== undefined && location.endTag === undefined && location.endOffset === prefix.length && !VOID.has(element.tagName);
  });
  const closing = open.toReversed().map((element) => `</${element.tagName}>`).join('');
  return `${prefix.trimEnd()}${closing}`;
}

/**
 * The excerpt without its footnote references (`<sup><a data-footnote-ref href="#fn-1">1</a></sup>`):
 * the notes are not part of it, so on a list of posts the reference would lead nowhere.
 */
function withoutFootnoteRefs(html: string): string {
  if (!html.includes('data-footnote-ref')) return html;
  const cuts: { start: number; end: number }[] = [];
  for (const element of elements(parseHtmlFragment(html))) {
    if (element.tagName !== 'sup') continue;
    const at = span(element);
    const holdsRef = [...elements(element)].some((inner) => inner.tagName === 'a' && attributeOf(inner, 'data-footnote-ref') !== undefined);
    // A reference inside a cut one is gone with it.
    if (at && holdsRef && !cuts.some((cut) => cut.start <= at.start && at.end <= cut.end)) cuts.push(at);
  }
  let out = html;
  for (const { start, end } of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + out.slice(end);
  return out;
}

export function excerptHtml(html: string, separator?: string | undefined): string {
  if (separator !== undefined && separator !== '\n\n' && html.includes(separator)) return withoutFootnoteRefs(upTo(html, separator));
  return withoutFootnoteRefs(firstBlock(html.trim()) ?? '');
}
