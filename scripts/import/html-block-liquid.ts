/**
 * A Liquid tag alone on its line inside an HTML block of a Markdown page (`{% for post in site.posts %}`
 * between `<ul>` and `<li>`): the tag writes nothing, so the line it stood on comes out blank. kramdown
 * reads an HTML block up to its closing tag, blank lines and all; CommonMark ends it at the first blank
 * line, and the indented HTML after it becomes a code block that shows the markup as text. The tag is
 * written `{%- … %}`, which also takes out the line break before it, so no blank line is left and the
 * block stays HTML, as Jekyll showed it. The same for a line that starts with such a tag and has only
 * markup besides (`{% if forloop.last %}</ul>{% endif %}`). A paragraph of silent tags only (the loop
 * above the HTML it repeats) has its lines joined to the line before each, which writes the same
 * text without the blank lines. Only tags that write nothing, only inside HTML blocks (found on
 * the Markdown syntax tree), never in `<pre>` or `<textarea>`, whose line breaks show.
 */
import { markdownToMdast } from 'satteri';
import { Tokenizer, TypeGuards } from 'liquidjs';
import { elements, parseHtmlFragment, textOf } from '../../src/lib/links/html.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset: number }; end: { offset: number } };
}

/** Tags that write nothing themselves (what they hold is written on its own lines). */
const SILENT = new Set([
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'for',
  'endfor',
  'assign',
  'capture',
  'endcapture',
  'case',
  'when',
  'endcase',
  'break',
  'continue',
  'comment',
  'endcomment',
]);

/**
 * The offset of the line's first `{%` when the line starts with a silent Liquid tag and holds nothing
 * else a reader sees: more silent tags and HTML tags without text (`{% if forloop.last %}</ul>{% endif %}`,
 * blank when the condition fails). Else undefined.
 */
function silentTagLine(line: string): number | undefined {
  if (!line.includes('{%')) return undefined;
  let tokens;
  try {
    tokens = new Tokenizer(line).readTopLevelTokens();
  } catch {
    return undefined;
  }
  let first: number | undefined;
  for (const token of tokens) {
    if (TypeGuards.isTagToken(token) && SILENT.has(token.name)) first ??= token.begin;
    else if (!TypeGuards.isHTMLToken(token)) return undefined;
    else if (token.getContent().trim() === '') continue;
    else if (first === undefined || textOf(parseHtmlFragment(token.getContent(), { locations: false })).trim() !== '') return undefined;
  }
  return first;
}

/** Whether a line holds only silent Liquid tags and spaces. */
function onlySilentTags(line: string): boolean {
  if (!line.includes('{%')) return false;
  try {
    return new Tokenizer(line)
      .readTopLevelTokens()
      .every((token) => (TypeGuards.isTagToken(token) && SILENT.has(token.name)) || (TypeGuards.isHTMLToken(token) && token.getContent().trim() === ''));
  } catch {
    return false;
  }
}

/**
 * The Markdown body with each silent Liquid tag alone on its line inside an HTML block written `{%-`,
 * and each line of a paragraph made only of silent tags (`{% for post in site.posts %}` above the
 * HTML it repeats) moved to the end of the line before it: it wrote a blank line between one
 * repetition of the HTML and the next; moved, it writes nothing, and the line it joins keeps its own
 * meaning (a blank line stays blank).
 */
export function liquidLinesInHtmlBlocks(body: string): string {
  if (!body.includes('{%')) return body;
  let tree: Node;
  try {
    tree = markdownToMdast(body) as unknown as Node;
  } catch {
    return body;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Node, top: boolean) => {
    if (node.type === 'code' || node.type === 'inlineCode') return;
    // Only at the top: a list item's or a quote's lines carry their own markers.
    if (node.type === 'paragraph' && top && node.position) {
      const { start, end } = node.position;
      const text = body.slice(start.offset, end.offset);
      if (!text.split('\n').every(onlySilentTags)) return;
      // Each line's start: the paragraph's first line may be indented before its position.
      let lineStart = start.offset;
      while (lineStart > 0 && (body[lineStart - 1] === ' ' || body[lineStart - 1] === '\t')) lineStart--;
      for (const line of body.slice(lineStart, end.offset).split('\n')) {
        const indent = line.length - line.trimStart().length;
        if (lineStart > 0 && body[lineStart - 1] === '\n') edits.push({ start: lineStart - 1, end: lineStart + indent, text: '' });
        lineStart += line.length + 1;
      }
      return;
    }
    if (node.type === 'html' && node.position) {
      const { start, end } = node.position;
      const text = body.slice(start.offset, end.offset);
      if (!text.includes('\n') || !text.includes('{%')) return;
      for (const element of elements(parseHtmlFragment(text, { locations: false }))) if (element.tagName === 'pre' || element.tagName === 'textarea') return;
      let offset = start.offset;
      for (const line of text.split('\n')) {
        const tag = silentTagLine(line);
        // Not on the block's first line: the line break before it is inside the block.
        if (tag !== undefined && offset > start.offset && body[offset + tag + 2] !== '-')
          edits.push({ start: offset + tag + 2, end: offset + tag + 2, text: '-' });
        offset += line.length + 1;
      }
      return;
    }
    for (const child of node.children ?? []) visit(child, node.type === 'root');
  };
  visit(tree, false);
  let text = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = `${text.slice(0, edit.start)}${edit.text}${text.slice(edit.end)}`;
  return text;
}

/**
 * An HTML include (`_includes/archive-single.html`, or one without an extension) as the build runs it
 * inside a Markdown page: its output is part of the page's HTML block, so a blank line in it, written
 * or left by a tag alone on its line, ends the block as above. Blank lines go and such tags are written
 * `{%-`: HTML reads the same without them. Undefined when nothing changes, or when the include has a
 * `<pre>` or `<textarea>` (whose line breaks show) or makes Markdown of what it captures.
 */
export function htmlIncludeWithoutBlankLines(path: string, text: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.includes('.') && !/\.html?$/i.test(name)) return undefined;
  if (/\bmarkdownify\b/.test(text) && /\{%-?\s*capture\b/.test(text)) return undefined;
  for (const element of elements(parseHtmlFragment(text, { locations: false })))
    if (element.tagName === 'pre' || element.tagName === 'textarea') return undefined;
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const tag = out.length > 0 ? silentTagLine(line) : undefined;
    out.push(tag !== undefined && line[tag + 2] !== '-' ? `${line.slice(0, tag + 2)}-${line.slice(tag + 2)}` : line);
  }
  const written = `${out.join('\n')}${text.endsWith('\n') ? '\n' : ''}`;
  return written === text ? undefined : written;
}
