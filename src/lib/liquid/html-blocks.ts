/**
 * What Liquid writes inside an HTML block stays HTML. A body's HTML block (`<div>` ... `</div>`
 * without a blank line, as the importer writes an HTML page) is raw HTML to Markdown only up to the
 * first blank line: after one, an indented line is a code block and the page shows its tags as text.
 * Liquid leaves blank lines where its tags stood alone on a line (`{% for %}`), and an include or an
 * excerpt brings its own; Jekyll never saw them as Markdown (an `.html` page is not Markdown, and
 * kramdown reads a `<div>` to its closing tag). So each block with an element still open at the end
 * of one of its lines is marked before the Liquid runs, from the first such line on (`<h2>...</h2>`
 * then `<div>`: from the `<div>` line), and in what the Liquid wrote inside the marks the blank lines
 * are dropped (block-lines.ts), so the block stays one block. A block of closed elements and lone
 * tags (`<img ...>`) ends at the blank line, as kramdown's did, and what follows it is Markdown.
 */
import { markdownToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '../checks/script-consent.ts';
import { firstOpenLineEnd, withoutBlankLines } from '../html/block-lines.ts';

/** Private-use characters no page writes: where a marked block begins, where its Liquid output begins, where it ends. */
const BLOCK = '\uE002';
const START = '\uE000';
const END = '\uE001';

interface Node {
  type: string;
  value?: string | null;
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
  children?: readonly Node[];
}

/**
 * The body with each top-level HTML block that has Liquid and an element still open at the end of
 * one of its lines marked: at its start, at the first such line's end (a blank line can only come after it;
 * a `{%-` on the next line still trims that line's end) and at its end. Lines stay where they were,
 * so a Liquid mistake keeps its line number. A body without such a block is returned as it is.
 */
export function markHtmlBlocks(body: string): string {
  if (!body.includes('<') || !(body.includes('{%') || body.includes('{{'))) return body;
  const tree = markdownToMdast(body, { features: MARKDOWN_FEATURES, position: true }) as unknown as Node;
  const marks: { at: number; mark: string }[] = [];
  for (const node of tree.children ?? []) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'html' || start === undefined || end === undefined) continue;
    const text = body.slice(start, end);
    if (!(text.includes('{%') || text.includes('{{'))) continue;
    // `<pre>`, `<script>`, `<style>` and `<textarea>` blocks run to their closing tag whatever lines they hold.
    if (/^ {0,3}<(pre|script|style|textarea)\b/i.test(text)) continue;
    const firstLineEnd = firstOpenLineEnd(text);
    if (firstLineEnd === undefined) continue;
    // A tag that goes on to the next line (`{% include card.html` ... `%}`) would take the mark in.
    const first = text.slice(0, firstLineEnd);
    if (Math.max(first.lastIndexOf('{%'), first.lastIndexOf('{{')) > Math.max(first.lastIndexOf('%}'), first.lastIndexOf('}}'))) continue;
    marks.push({ at: start, mark: BLOCK }, { at: start + firstLineEnd, mark: START }, { at: end, mark: END });
  }
  if (marks.length === 0) return body;
  let marked = '';
  let from = 0;
  for (const { at, mark } of marks) {
    marked += body.slice(from, at) + mark;
    from = at;
  }
  return marked + body.slice(from);
}

/** What the Liquid of a marked body wrote, with the marks taken out and no blank line in a block after the line its hold starts at. */
export function settleHtmlBlocks(text: string): string {
  if (!text.includes(BLOCK)) return text;
  let out = '';
  let block: string | undefined;
  let from = 0;
  for (const part of text.split(/([\uE000-\uE002])/)) {
    if (part === BLOCK) block = '';
    else if (part === START) from = block?.length ?? 0;
    else if (part === END) {
      out += block === undefined ? '' : withoutBlankLines(block, from);
      block = undefined;
    } else if (block === undefined) out += part;
    else block += part;
  }
  return out + (block ?? '');
}

/** Takes the marks out of text shown to the owner (a Liquid construct in a message). */
export const withoutMarks = (text: string): string => text.replace(/[\uE000-\uE002]/g, '');
