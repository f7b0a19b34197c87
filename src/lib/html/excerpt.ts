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

export function excerptHtml(html: string, separator?: string | undefined): string {
  if (separator !== undefined && separator !== '\n\n' && html.includes(separator)) return upTo(html, separator);
  return firstBlock(html.trim()) ?? '';
}
