/**
 * HTML kept as one Markdown HTML block. CommonMark ends an HTML block that starts with an ordinary
 * tag at the first blank line, and an indented line after one is a code block, so HTML that must
 * stay HTML loses its blank lines: inside `<pre>` and `<textarea>`, where they show, each keeps its
 * place in a form that is not a blank line. Both the importer (an HTML page's body) and the Liquid
 * run (what a page's Liquid wrote inside an HTML block) use these, so both read HTML the same way.
 */
import { elements, isElement, parseHtmlFragment } from '../links/html.ts';

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
 * Where the first line(s) of an HTML block end, when its first element is still open there: the
 * end of the line its start tag ends on. Undefined when the block does not start with an element,
 * or that element has no end tag, closes itself or is closed on those lines.
 */
export function openFirstElement(html: string): number | undefined {
  const first = parseHtmlFragment(html).childNodes.find(isElement);
  const startTag = first?.sourceCodeLocation?.startTag;
  if (!first || !startTag || html.slice(0, startTag.startOffset).trim() !== '' || VOID_ELEMENTS.has(first.tagName)) return undefined;
  if (html.slice(startTag.startOffset, startTag.endOffset).endsWith('/>')) return undefined;
  const lineEnd = html.indexOf('\n', startTag.endOffset);
  if (lineEnd < 0) return undefined;
  // Read again up to that line's end: open there is what has no end tag and runs to the end.
  const head = parseHtmlFragment(html.slice(0, lineEnd)).childNodes.find(isElement);
  const location = head?.sourceCodeLocation;
  return location && location.endTag === undefined && location.endOffset === lineEnd ? lineEnd : undefined;
}
