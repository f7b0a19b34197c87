/**
 * HTML blocks with blank lines in a Markdown body. kramdown (Jekyll's Markdown) reads an HTML element
 * that starts a block up to its end tag and keeps it as written (`parse_block_html` is off by
 * default), blank lines and all. CommonMark ends such a block at the first blank line, and what
 * follows becomes Markdown: an indented line is a code block, so a chart's script or a table's rows
 * are shown as text. The importer takes the blank lines out of an element that runs past its block,
 * so it stays one block (those in `<pre>` and `<textarea>` keep their place: block-lines.ts).
 * https://kramdown.gettalong.org/syntax.html#html-blocks
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import { withoutBlankLines } from '../../src/lib/html/block-lines.ts';
import { attributeOf, elements, parseDocument } from '../../src/lib/links/html.ts';
import { KRAMDOWN_SPAN_ELEMENTS, readsMarkdownInside } from './kramdown-html.ts';
import type { ReportLine } from './report.ts';

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { offset: number }; end: { offset: number } };
}

export interface HtmlBlocksResult {
  text: string;
  report: ReportLine[];
}

/**
 * Where the HTML that starts at the beginning of `html` ends when read as kramdown reads it: past
 * `blockEnd` while an element that started before that point has its end tag further on. Elements
 * without an end tag (closed by the parser at the end) do not count: kramdown would not join them.
 * Nor does a block that starts with a span element (kramdown reads it as a paragraph) or with an
 * element whose content kramdown reads as Markdown (`markdown="1"`): each ends at `blockEnd`.
 */
function elementsEnd(html: string, blockEnd: number): number {
  const spans: { start: number; end: number }[] = [];
  // Read as a document: a fragment drops `<html>`, `<head>` and `<body>`, which a pasted page starts with.
  const found = [...elements(parseDocument(html))].filter((element) => element.sourceCodeLocation?.startTag);
  const first = found.reduce<(typeof found)[number] | undefined>(
    (earliest, element) =>
      earliest === undefined || (element.sourceCodeLocation?.startTag?.startOffset ?? 0) < (earliest.sourceCodeLocation?.startTag?.startOffset ?? 0)
        ? element
        : earliest,
    undefined,
  );
  const opening = html.length - html.trimStart().length;
  if (
    first === undefined ||
    first.sourceCodeLocation?.startTag?.startOffset !== opening ||
    KRAMDOWN_SPAN_ELEMENTS.has(first.tagName) ||
    readsMarkdownInside(attributeOf(first, 'markdown'))
  )
    return blockEnd;
  for (const element of found) {
    const location = element.sourceCodeLocation;
    if (location?.startTag && location.endTag) spans.push({ start: location.startTag.startOffset, end: location.endTag.endOffset });
  }
  let end = blockEnd;
  for (let grown = true; grown;) {
    grown = false;
    for (const span of spans) {
      if (span.start < end && span.end > end) {
        end = span.end;
        grown = true;
      }
    }
  }
  return end;
}

/** The body with each HTML block that kramdown read past a blank line made one CommonMark block. */
export function htmlBlocksWhole(body: string, file: string, firstLine: number): HtmlBlocksResult {
  if (!body.includes('<') || !/\n[ \t]*\n/.test(body)) return { text: body, report: [] };
  let tree: Node;
  try {
    tree = markdownToMdast(body) as MdastNode as Node;
  } catch {
    return { text: body, report: [] };
  }
  const joins: { start: number; end: number }[] = [];
  let covered = 0;
  for (const node of tree.children ?? []) {
    if (node.type !== 'html' || !node.position || node.position.start.offset < covered) continue;
    const start = node.position.start.offset;
    const end = start + elementsEnd(body.slice(start), node.position.end.offset - start);
    if (end > node.position.end.offset && /\n[ \t]*\n/.test(body.slice(start, end))) joins.push({ start, end });
    covered = end;
  }
  if (joins.length === 0) return { text: body, report: [] };
  const report: ReportLine[] = [];
  let text = body;
  for (const { start, end } of joins.reverse()) {
    text = `${text.slice(0, start)}${withoutBlankLines(text.slice(start, end))}${text.slice(end)}`;
    report.unshift({
      kind: 'changed',
      file,
      line: firstLine + (body.slice(0, start).match(/\n/g)?.length ?? 0),
      message:
        'an HTML element here runs past a blank line; kramdown kept it whole, this project would end it there and show the rest as Markdown, so its blank lines are taken out.',
    });
  }
  return { text, report };
}
