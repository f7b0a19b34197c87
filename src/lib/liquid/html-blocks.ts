/**
 * What Liquid writes inside an HTML block stays HTML. A body's HTML block (`<div>` ... `</div>`
 * without a blank line, as the importer writes an HTML page) is raw HTML to Markdown only up to the
 * first blank line: after one, an indented line is a code block and the page shows its tags as text.
 * Liquid leaves blank lines where its tags stood alone on a line (`{% for %}`), and an include or an
 * excerpt brings its own; Jekyll never saw them as Markdown (an `.html` page is not Markdown, and
 * kramdown reads a `<div>` to its closing tag). So each such block is marked before the Liquid runs,
 * and in what the Liquid wrote inside the marks the blank lines are dropped (kept inside `<pre>` as an
 * empty comment, as the importer keeps them), so the block stays one block.
 */
import { markdownToMdast } from 'satteri';
import { MARKDOWN_FEATURES } from '../checks/script-consent.ts';

/** Private-use characters no page writes: where a block's Liquid output begins and ends. */
const START = '\uE000';
const END = '\uE001';

interface Node {
  type: string;
  value?: string | null;
  position?: { start: { offset?: number | undefined }; end: { offset?: number | undefined } } | undefined;
  children?: readonly Node[];
}

/**
 * The body with each top-level HTML block that has Liquid and more than one line marked: from the end
 * of its first line (a blank line can only come after it; a `{%-` on the next line still trims that
 * line's end) to its end. Lines stay where they were, so a Liquid mistake keeps its line number. A
 * body without such a block is returned as it is.
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
    // Only blocks a blank line ends (CommonMark's kinds 6 and 7): `<pre>`, `<script>`, `<style>`,
    // `<textarea>` and comments run to their closing tag whatever lines they hold.
    if (!/^ {0,3}<\/?[a-z]/i.test(text) || /^ {0,3}<(pre|script|style|textarea)\b/i.test(text)) continue;
    const firstLineEnd = text.indexOf('\n');
    if (firstLineEnd < 0 || !(text.includes('{%') || text.includes('{{'))) continue;
    // A tag that goes on to the next line (`{% include card.html` ... `%}`) would take the mark in.
    const first = text.slice(0, firstLineEnd);
    if (Math.max(first.lastIndexOf('{%'), first.lastIndexOf('{{')) > Math.max(first.lastIndexOf('%}'), first.lastIndexOf('}}'))) continue;
    marks.push({ at: start + firstLineEnd, mark: START }, { at: end, mark: END });
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

/**
 * What the Liquid of a marked body wrote, with the marks taken out and no blank line between them:
 * one outside `<pre>` or `<textarea>` is dropped, one inside becomes `<!---->`, which shows nothing.
 */
export function settleHtmlBlocks(text: string): string {
  if (!text.includes(START) && !text.includes(END)) return text;
  let out = '';
  let inside = false;
  let pre = 0;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === START || part === END) {
      inside = part === START;
      pre = 0;
      continue;
    }
    if (!inside) {
      out += part;
      continue;
    }
    const lines = part.split('\n');
    const kept: string[] = [];
    for (const [index, line] of lines.entries()) {
      // The first piece is the end of the line the mark stands on, never a line of its own.
      if (index > 0 && line.trim() === '') {
        if (pre > 0) kept.push('<!---->');
        continue;
      }
      kept.push(line);
      pre += (line.match(/<(pre|textarea)\b/gi)?.length ?? 0) - (line.match(/<\/(pre|textarea)>/gi)?.length ?? 0);
      if (pre < 0) pre = 0;
    }
    out += kept.join('\n');
  }
  return out;
}

/** Takes the marks out of text shown to the owner (a Liquid construct in a message). */
export const withoutMarks = (text: string): string => text.replace(/[\uE000\uE001]/g, '');
