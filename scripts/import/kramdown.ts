/**
 * kramdown's own markup, which this project's Markdown would show as text: attribute lists
 * (`{: .notice}`, `*word*{: #id}`), `* TOC` + `{:toc}`, `{::options ... /}`, `{::comment}` and
 * `{::nomarkdown}` blocks. Found on Sätteri's Markdown syntax tree (never inside code), then removed
 * from the text, each with a report line. Footnotes and definition lists need nothing: the build
 * renders them (src/lib/markdown's Markdown features).
 * https://kramdown.gettalong.org/syntax.html
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import { quoteAttribute } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

interface Span {
  start: number;
  end: number;
  /** What takes its place; nothing when it is only taken out. */
  text?: string;
}

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset: number }; end: { offset: number } };
}

/** Block attribute lists, attribute list definitions and extensions alone on their line. */
const BLOCK_MARK =
  /^[ \t]{0,3}\{:(?!:)[^}\n]*\}[ \t]*$|^[ \t]{0,3}\{::(options|comment|nomarkdown)\b[^}\n]*\}[ \t]*$|^[ \t]{0,3}\{:\/(comment|nomarkdown)?\}[ \t]*$/;
/** kramdown's header id at the end of a heading: `## About me {#about}`. */
const HEADER_ID = /[ \t]+\{#([A-Za-z][\w:-]*)\}[ \t]*$/;
/** A span attribute list right after an element: `*word*{: .x}`, `[link](/x){:target="_blank"}`. */
const SPAN_MARK = /\{:(?!:)[^}\n]*\}/g;

const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

export interface KramdownResult {
  text: string;
  report: ReportLine[];
}

/** The Markdown body without kramdown's markup; `firstLine` is the body's first line in the file. */
export function convertKramdown(body: string, file: string, firstLine: number): KramdownResult {
  if (!body.includes('{:') && !body.includes('{#')) return { text: body, report: [] };
  let tree: Node;
  try {
    tree = markdownToMdast(body) as MdastNode as Node;
  } catch {
    return { text: body, report: [] };
  }
  const cuts: Span[] = [];
  const report: ReportLine[] = [];
  const lineAt = (offset: number) => firstLine + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
  const note = (offset: number, what: string, message: string) =>
    report.push({ kind: 'converted', file, line: lineAt(offset), message: `kramdown's "${what}" ${message}` });

  const visit = (node: Node) => {
    const position = node.position;
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    // `* TOC` followed by `{:toc}`: kramdown's table of contents, made from the headings.
    if (node.type === 'list' && position && /^TOC\s*\{:(no_)?toc\}$/.test(textOf(node).trim())) {
      cuts.push({ start: position.start.offset, end: position.end.offset });
      note(position.start.offset, '{:toc}', 'made a table of contents from the headings; the headings are all there, so it is left out.');
      return;
    }
    // A header id: links to `#about` keep a place to land, an empty anchor at the heading's end
    // (this project's Markdown gives a heading no id of the author's choosing); its text stays Markdown.
    const last = node.type === 'heading' ? node.children?.at(-1) : undefined;
    if (last?.type === 'text' && last.position && last.value !== undefined) {
      const source = body.slice(last.position.start.offset, last.position.end.offset);
      const id = source === last.value ? HEADER_ID.exec(source) : null;
      if (id) {
        const start = last.position.start.offset + id.index;
        cuts.push({ start, end: last.position.end.offset, text: ` <a id=${quoteAttribute(id[1] ?? '')}></a>` });
        note(start, id[0].trim(), 'gave the heading its id; the heading ends with an anchor of that id instead, so links to it still land there.');
      }
    }
    if (node.type === 'text' && position && node.value !== undefined) {
      const start = position.start.offset;
      const source = body.slice(start, position.end.offset);
      // Text nodes hold the source as written unless it has escapes or entities; then it is left alone.
      if (source !== node.value) return;
      let offset = 0;
      for (const line of source.split('\n')) {
        const lineStart = start + offset;
        if (BLOCK_MARK.test(line)) {
          const end = Math.min(lineStart + line.length + 1, body.length);
          cuts.push({ start: lineStart, end });
          note(
            lineStart,
            line.trim(),
            /^\{::options/.test(line.trim())
              ? 'set kramdown options; they have no meaning here, so it is left out.'
              : "set attributes (a class or an id) for the old theme's styles; it is left out.",
          );
        } else {
          for (const match of line.matchAll(SPAN_MARK)) {
            cuts.push({ start: lineStart + match.index, end: lineStart + match.index + match[0].length });
            note(lineStart + match.index, match[0], 'set attributes on the text before it; it is left out.');
          }
        }
        offset += line.length + 1;
      }
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  // `{::comment}` ... `{:/comment}`: kramdown showed none of it.
  const comments = [...body.matchAll(/^[ \t]{0,3}\{::comment\}[ \t]*\n[\s\S]*?^[ \t]{0,3}\{:\/(comment)?\}[ \t]*(\n|$)/gm)];
  for (const match of comments) {
    if (cuts.some((cut) => cut.start === match.index)) cuts.push({ start: match.index, end: match.index + match[0].length });
  }
  if (cuts.length === 0) return { text: body, report };
  const sorted = cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  let text = '';
  let at = 0;
  for (const cut of sorted) {
    if (cut.start < at) continue;
    text += body.slice(at, cut.start) + (cut.text ?? '');
    at = cut.end;
  }
  text += body.slice(at);
  return { text, report };
}
