/**
 * A line holding only a span-level tag (`<br>`, `<img ...>`, `<span>`), right above a heading, a
 * fence or a list. kramdown reads the tag as the start of a paragraph, which the next line's block
 * then ends, so the heading is a heading. CommonMark reads such a line as an HTML block that runs to
 * the next blank line, so the heading, fence or list is shown as raw text (`### Notes`). A space
 * written as `&#32;` after the tag makes the line a paragraph for CommonMark too (an HTML block starts
 * only at a tag followed by nothing), and the next block ends it, as in kramdown. A blank line would
 * do that too, but would move where the post's excerpt (its text up to the first blank line) ends.
 * Found on Sätteri's Markdown syntax tree.
 * https://spec.commonmark.org/0.31.2/#html-blocks (kind 7)
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import type { ReportLine } from './report.ts';
import { KRAMDOWN_SPAN_ELEMENTS } from './kramdown-html.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { line: number } };
}

const parse = (text: string): Node | undefined => {
  try {
    return markdownToMdast(text) as MdastNode as Node;
  } catch {
    return undefined;
  }
};

/** The element a line names when the line is one tag and nothing else (`<br>`, `</span>`, `<img src="x"/>`). */
function loneTagName(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('<') || !trimmed.endsWith('>') || trimmed.indexOf('<', 1) !== -1) return undefined;
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(trimmed)?.[1];
  return name?.toLowerCase();
}

/** The first line (0-based) of each run of lone tag lines that CommonMark reads as an HTML block swallowing a heading, fence or list. */
function swallowingLines(tree: Node): number[] {
  const found: number[] = [];
  for (const node of tree.children ?? []) {
    if (node.type !== 'html' || node.value === undefined || !node.position) continue;
    // One or more lone tag lines (`<br>` twice), then what follows them.
    const nodeLines = node.value.split('\n');
    const tags = nodeLines.findIndex((line) => {
      const name = loneTagName(line);
      return name === undefined || !KRAMDOWN_SPAN_ELEMENTS.has(name);
    });
    if (tags < 1) continue;
    const rest = nodeLines.slice(tags);
    // Blocks that can end a paragraph: an ATX heading, a fence, a list, a quote, a rule.
    const next = parse(rest.join('\n'))?.children?.[0]?.type;
    const opening = (rest[0] ?? '').trimStart();
    const ends =
      (next === 'heading' && opening.startsWith('#')) ||
      (next === 'code' && /^(`{3}|~{3})/.test(opening)) ||
      next === 'list' ||
      next === 'blockquote' ||
      next === 'thematicBreak';
    if (ends) found.push(node.position.start.line - 1);
  }
  return found;
}

/** The Markdown body with `&#32;` after each such run's first tag; `firstLine` is the body's first line in the file. */
export function spanTagLinesEnded(body: string, file: string, firstLine: number): { text: string; report: ReportLine[] } {
  if (!body.includes('<')) return { text: body, report: [] };
  const lines = body.split('\n');
  const after: number[] = [];
  // Each pass can free a tag line the block before it had swallowed (`<br>`, `### A`, `<br>`, `#### B`);
  // every pass marks at least one line, so the lines bound the passes.
  for (let pass = 0; pass < lines.length; pass++) {
    const tree = parse(lines.join('\n'));
    const found = tree ? swallowingLines(tree) : [];
    if (found.length === 0) break;
    for (const index of found) lines[index] = `${(lines[index] ?? '').trimEnd()}&#32;`;
    after.push(...found);
  }
  if (after.length === 0) return { text: body, report: [] };
  after.sort((x, y) => x - y);
  return {
    text: lines.join('\n'),
    report: [
      {
        kind: 'changed',
        file,
        line: firstLine + (after[0] ?? 0),
        message: `${after.length === 1 ? 'a line' : `${after.length} lines`} holding only a tag such as <br> right above a heading, code block or list: \`&#32;\` (a space) is added after the tag, or this project's Markdown would show the heading's \`#\`s, the code or the list as plain text (kramdown did not).`,
      },
    ],
  };
}
