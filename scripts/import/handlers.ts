/**
 * Event handlers in a page's HTML (`<li onclick="window.location='{{ post.url }}'">`, often written by
 * Liquid, one per item of a list) and `javascript:` links: JavaScript that no consent covers, since a
 * page's `scripts:` lists scripts, not attributes, and the build refuses them. They are taken out of
 * the HTML in the body (found on the Markdown syntax tree, never in code, and in the HTML with the
 * project's parser, the Liquid in it masked so the tags around them read as HTML), each reported; the
 * links and text beside them stay. A start tag that writes the same handler twice (in the two branches
 * of an `{% if %}`) loses both.
 */
import { markdownToMdast } from 'satteri';
import { Tokenizer, TypeGuards } from 'liquidjs';
import { attributesOf, elements, javaScriptOnElement, namespaceOf, parseHtmlFragment } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { offset: number }; end: { offset: number } };
}

/** The text with each Liquid tag and output replaced by spaces of its length, so offsets stay. */
function masked(text: string): string | undefined {
  if (!text.includes('{')) return text;
  try {
    let out = text;
    for (const token of new Tokenizer(text).readTopLevelTokens()) {
      if (TypeGuards.isHTMLToken(token)) continue;
      out = out.slice(0, token.begin) + ' '.repeat(token.end - token.begin) + out.slice(token.end);
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The spans of the handler attributes in one piece of HTML (its Liquid masked), first found first. */
function handlerSpans(html: string): { start: number; end: number; what: string }[] {
  const spans: { start: number; end: number; what: string }[] = [];
  for (const element of elements(parseHtmlFragment(html))) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    for (const found of javaScriptOnElement(element.tagName, namespaceOf(element), attributesOf(element))) {
      if (found.kind === 'script' || found.attribute === undefined) continue;
      const at = location.attrs?.[found.attribute];
      if (at) spans.push({ start: at.startOffset, end: at.endOffset, what: `<${element.tagName}> ${found.what}` });
    }
  }
  return spans;
}

/** The body without the handlers in its HTML, and a line for each kind taken out. */
export function withoutHandlers(body: string, file: string): { body: string; report: ReportLine[] } {
  if (!/\bon[a-z]+\s*=|javascript:/i.test(body)) return { body, report: [] };
  let tree: Node;
  try {
    tree = markdownToMdast(body) as unknown as Node;
  } catch {
    return { body, report: [] };
  }
  const blocks: { start: number; end: number }[] = [];
  const visit = (node: Node) => {
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if (node.type === 'html' && node.position) blocks.push({ start: node.position.start.offset, end: node.position.end.offset });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  let text = body;
  const taken = new Map<string, number>();
  for (const block of blocks.sort((a, b) => b.start - a.start)) {
    let html = text.slice(block.start, block.end);
    // One at a time: a parser keeps only the first of two attributes with one name.
    for (let round = 0; round < 1000; round++) {
      const hidden = masked(html);
      const span = hidden === undefined ? undefined : handlerSpans(hidden)[0];
      if (span === undefined) break;
      const start = /\s/.test(html[span.start - 1] ?? '') ? span.start - 1 : span.start;
      html = html.slice(0, start) + html.slice(span.end);
      taken.set(span.what, (taken.get(span.what) ?? 0) + 1);
    }
    text = text.slice(0, block.start) + html + text.slice(block.end);
  }
  const report: ReportLine[] = [...taken].map(([what, count]) => ({
    kind: 'changed',
    file,
    message: `its HTML had ${count === 1 ? 'a' : count} ${what}${count === 1 ? '' : 's (as written, Liquid included)'}, JavaScript that this project never runs (a page's scripts: consents to scripts, not to attributes), so ${count === 1 ? 'it is' : 'they are'} taken out; the links and text around ${count === 1 ? 'it' : 'them'} stay.`,
  }));
  return { body: text, report };
}
