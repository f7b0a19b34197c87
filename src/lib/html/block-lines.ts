/**
 * HTML kept as one Markdown HTML block. CommonMark ends an HTML block that starts with an ordinary
 * tag at the first blank line, and an indented line after one is a code block, so HTML that must
 * stay HTML loses its blank lines: inside `<pre>` and `<textarea>`, where they show, each keeps its
 * place in a form that is not a blank line. Both the importer (an HTML page's body) and the Liquid
 * run (what a page's Liquid wrote inside an HTML block) use these, so both read HTML the same way.
 */
import { elements, parseHtmlFragment } from '../links/html.ts';

/** Elements that have no end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Where the content of each `<pre>` and `<textarea>` runs: blank lines there are shown. */
function shownRanges(html: string): { start: number; end: number; textarea: boolean }[] {
  const ranges: { start: number; end: number; textarea: boolean }[] = [];
  for (const element of elements(parseHtmlFragment(html))) {
    if (element.tagName !== 'pre' && element.tagName !== 'textarea') continue;
    const location = element.sourceCodeLocation;
    if (!location?.startTag) continue;
    ranges.push({ start: location.startTag.endOffset, end: location.endTag?.startOffset ?? location.endOffset, textarea: element.tagName === 'textarea' });
  }
  return ranges;
}

/**
 * `html` with no blank line from offset `from` on. One outside `<pre>` and `<textarea>` is dropped.
 * One inside `<pre>` becomes `<!---->`, which shows nothing. Inside `<textarea>` a comment is text,
 * so its line end is written as `&#10;` at the start of the next line, which reads the same.
 */
export function withoutBlankLines(html: string, from = 0): string {
  const ranges = shownRanges(html);
  const inside = (at: number) => ranges.find((range) => at > range.start && at <= range.end);
  const kept: string[] = [];
  // What the blank lines inside a <textarea> leave for the next line to start with.
  let carried = '';
  let at = 0;
  for (const [index, line] of html.split('\n').entries()) {
    const start = at;
    at += line.length + 1;
    // A line that starts before `from` is the end of one that is kept as it is.
    if (start < from || index === 0 || line.trim() !== '') {
      kept.push(carried + line);
      carried = '';
      continue;
    }
    const range = inside(start);
    if (range?.textarea) carried += `${line}&#10;`;
    else if (range) kept.push('<!---->');
  }
  if (carried !== '') kept.push(carried);
  return kept.join('\n');
}

/**
 * The end of the first line of an HTML block at which an element is still open: one with an end tag
 * (or none written) after that line's end. Undefined when no line ends inside an element: the block
 * is closed elements and lone tags (`<img ...>`, `<hr/>`), line by line.
 */
export function firstOpenLineEnd(html: string): number | undefined {
  let first: number | undefined;
  for (const element of elements(parseHtmlFragment(html))) {
    const location = element.sourceCodeLocation;
    const startTag = location?.startTag;
    if (!location || !startTag || VOID_ELEMENTS.has(element.tagName)) continue;
    if (html.slice(startTag.startOffset, startTag.endOffset).endsWith('/>')) continue;
    const lineEnd = html.indexOf('\n', startTag.endOffset);
    // Where it closes: its end tag, or where the parser closed it (another tag, or the block's end).
    const closes = location.endTag?.startOffset ?? location.endOffset;
    if (lineEnd >= 0 && closes > lineEnd && (first === undefined || lineEnd < first)) first = lineEnd;
  }
  return first;
}
