import { Parser } from 'htmlparser2';

/**
 * A post's excerpt as Jekyll makes it, from the post's rendered HTML: the text up to the excerpt
 * separator when the post has one (`<!--more-->`), otherwise its first block (Jekyll's default
 * separator is a blank line, which ends the first paragraph). Markup is kept: links, code and
 * emphasis stay as they render in the post.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The HTML of the first top-level element, or undefined when there is none. */
function firstBlock(html: string): string | undefined {
  let depth = 0;
  let start = -1;
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name) {
      if (found !== undefined) return;
      if (depth === 0) start = parser.startIndex;
      if (VOID.has(name)) {
        if (depth === 0) found = html.slice(start, parser.endIndex + 1);
        return;
      }
      depth++;
    },
    onclosetag(name, implied) {
      if (found !== undefined || VOID.has(name)) return;
      depth--;
      if (depth === 0 && start !== -1) found = html.slice(start, implied ? parser.startIndex : parser.endIndex + 1);
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

/** `html` cut before `separator`, with the elements still open at that point closed. */
function upTo(html: string, separator: string): string {
  const prefix = html.slice(0, html.indexOf(separator));
  const open: string[] = [];
  const parser = new Parser({
    onopentag(name) {
      if (!VOID.has(name)) open.push(name);
    },
    onclosetag(name) {
      if (!VOID.has(name)) open.pop();
    },
  });
  parser.write(prefix);
  // Whatever is still open when the text ends is closed by us, not the parser.
  const closing = open.toReversed().map((name) => `</${name}>`).join('');
  return `${prefix.trimEnd()}${closing}`;
}

/**
 * The excerpt without its footnote references (`<sup><a data-footnote-ref href="#fn-1">1</a></sup>`):
 * the notes are not part of it, so on a list of posts the reference would lead nowhere.
 */
function withoutFootnoteRefs(html: string): string {
  if (!html.includes('data-footnote-ref')) return html;
  const cuts: [number, number][] = [];
  const open: { name: string; start: number; ref: boolean }[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (VOID.has(name)) return;
      open.push({ name, start: parser.startIndex, ref: false });
      if (name === 'a' && 'data-footnote-ref' in attributes) for (const element of open) if (element.name === 'sup') element.ref = true;
    },
    onclosetag(name) {
      if (VOID.has(name)) return;
      const element = open.pop();
      if (element?.name === 'sup' && element.ref) cuts.push([element.start, parser.endIndex + 1]);
    },
  });
  parser.write(html);
  parser.end();
  let out = html;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return out;
}

export function excerptHtml(html: string, separator?: string | undefined): string {
  if (separator !== undefined && separator !== '\n\n' && html.includes(separator)) return withoutFootnoteRefs(upTo(html, separator));
  return withoutFootnoteRefs(firstBlock(html.trim()) ?? '');
}
