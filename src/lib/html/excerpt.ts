import { VOID_ELEMENTS } from './block-lines.ts';
import { attributeOf, elements, isElement, parseHtmlFragment, type HtmlElement } from '../links/html.ts';

/**
 * A post's excerpt as Jekyll makes it, from the post's rendered HTML: the text up to the excerpt
 * separator when the post has one (`<!--more-->`), otherwise its first block (Jekyll's default
 * separator is a blank line, which ends the first paragraph). Markup is kept: links, code and
 * emphasis stay as they render in the post. Cut at the offsets the parser reports, so what is kept
 * is written exactly as in the post.
 */

/** Where an element is written: from its start tag to its end tag, or to what closed it. */
function span(element: HtmlElement): { start: number; end: number } | undefined {
  const location = element.sourceCodeLocation;
  if (!location?.startTag) return undefined;
  return { start: location.startTag.startOffset, end: location.endTag?.endOffset ?? location.endOffset };
}

/** The HTML of the first top-level element other than a script, or undefined when there is none. */
function firstBlock(html: string): string | undefined {
  for (const node of parseHtmlFragment(html).childNodes) {
    // A post that opens with its scripts (MathJax's configuration) is excerpted by what it shows.
    const at = isElement(node) && node.tagName !== 'script' ? span(node) : undefined;
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
    return location?.startTag !== undefined && location.endTag === undefined && location.endOffset === prefix.length && !VOID_ELEMENTS.has(element.tagName);
  });
  const closing = open
    .toReversed()
    .map((element) => `</${element.tagName}>`)
    .join('');
  return `${prefix.trimEnd()}${closing}`;
}

/**
 * The excerpt with its footnotes, as Jekyll makes it: it appends the post's link reference
 * definitions, footnotes among them, to the excerpt's text, so kramdown shows the notes it refers to
 * below it. Here the reference keeps its number (`<sup>1</sup>`) without its link, and the notes
 * follow as a list without their ids and links back: on a list of posts those would clash or lead
 * to another post's note.
 */
function withFootnotes(excerpt: string, post: string): string {
  if (!excerpt.includes('data-footnote-ref')) return excerpt;
  const cuts: { start: number; end: number }[] = [];
  const ids: string[] = [];
  for (const element of elements(parseHtmlFragment(excerpt))) {
    const location = element.sourceCodeLocation;
    if (element.tagName !== 'a' || attributeOf(element, 'data-footnote-ref') === undefined || !location?.startTag) continue;
    // The link's tags go, its text (the number) stays.
    cuts.push({ start: location.startTag.startOffset, end: location.startTag.endOffset });
    if (location.endTag) cuts.push({ start: location.endTag.startOffset, end: location.endTag.endOffset });
    ids.push((attributeOf(element, 'href') ?? '').replace(/^#/, ''));
  }
  let out = excerpt;
  for (const { start, end } of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + out.slice(end);
  const notes = footnotes(post, ids);
  return notes.length === 0 ? out : `${out}\n<ol class="footnotes">${notes.map((note) => `<li>${note}</li>`).join('')}</ol>`;
}

/** The HTML of the notes with these ids (`<li id="fn-1">`), in their order, without their links back. */
function footnotes(html: string, ids: readonly string[]): string[] {
  const found = new Map<string, string>();
  for (const element of elements(parseHtmlFragment(html))) {
    const id = attributeOf(element, 'id');
    const location = element.sourceCodeLocation;
    if (element.tagName !== 'li' || id === undefined || !ids.includes(id) || !location?.startTag) continue;
    const start = location.startTag.endOffset;
    let text = html.slice(start, location.endTag?.startOffset ?? location.endOffset);
    const backrefs = [...elements(element)].flatMap((inner) => {
      const at = inner.sourceCodeLocation;
      return inner.tagName === 'a' && attributeOf(inner, 'data-footnote-backref') !== undefined && at?.startTag
        ? [{ start: at.startTag.startOffset, end: at.endTag?.endOffset ?? at.endOffset }]
        : [];
    });
    for (const backref of backrefs.sort((a, b) => b.start - a.start)) text = text.slice(0, backref.start - start).trimEnd() + text.slice(backref.end - start);
    found.set(id, text.trim());
  }
  return ids.flatMap((id) => (found.has(id) ? [found.get(id) ?? ''] : []));
}

/**
 * The excerpt without its scripts: a post's scripts run on the post, by the consent in its front
 * matter, and a list of posts has none, so the build would refuse the list. A script shows nothing.
 */
function withoutScripts(excerpt: string): string {
  if (!/<script/i.test(excerpt)) return excerpt;
  const cuts: { start: number; end: number }[] = [];
  for (const element of elements(parseHtmlFragment(excerpt))) {
    const at = element.tagName === 'script' ? span(element) : undefined;
    if (at) cuts.push(at);
  }
  let out = excerpt;
  let last = Number.POSITIVE_INFINITY;
  for (const { start, end } of cuts.sort((a, b) => b.start - a.start)) {
    if (end > last) continue;
    out = out.slice(0, start) + out.slice(end);
    last = start;
  }
  return out;
}

export function excerptHtml(html: string, separator?: string | undefined): string {
  if (separator !== undefined && separator !== '\n\n' && html.includes(separator)) return withFootnotes(withoutScripts(upTo(html, separator)), html);
  return withFootnotes(withoutScripts(firstBlock(html.trim()) ?? ''), html);
}
