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
 * The excerpt with its footnotes, as Jekyll makes it: it appends the post's link reference
 * definitions, footnotes among them, to the excerpt's text, so kramdown shows the notes it refers to
 * below it. Here the reference keeps its number (`<sup>1</sup>`) without its link, and the notes
 * follow as a list without their ids and links back: on a list of posts those would clash or lead
 * to another post's note.
 */
function withFootnotes(excerpt: string, post: string): string {
  if (!excerpt.includes('data-footnote-ref')) return excerpt;
  const cuts: [number, number][] = [];
  const ids: string[] = [];
  const open: { name: string; start: number }[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (VOID.has(name)) return;
      const ref = name === 'a' && 'data-footnote-ref' in attributes;
      open.push({ name: ref ? 'ref' : name, start: parser.startIndex });
      if (ref) {
        cuts.push([parser.startIndex, parser.endIndex + 1]);
        ids.push((attributes['href'] ?? '').replace(/^#/, ''));
      }
    },
    onclosetag(name) {
      if (VOID.has(name)) return;
      if (open.pop()?.name === 'ref') cuts.push([parser.startIndex, parser.endIndex + 1]);
    },
  });
  parser.write(excerpt);
  parser.end();
  let out = excerpt;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  const notes = footnotes(post, ids);
  return notes.length === 0 ? out : `${out}\n<ol class="footnotes">${notes.map((note) => `<li>${note}</li>`).join('')}</ol>`;
}

/** The HTML of the notes with these ids (`<li id="fn-1">`), in their order, without their links back. */
function footnotes(html: string, ids: readonly string[]): string[] {
  const found = new Map<string, string>();
  let note: { id: string; start: number; depth: number } | undefined;
  const backrefs: [number, number][] = [];
  let backref: number | undefined;
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (VOID.has(name)) return;
      depth++;
      const id = attributes['id'];
      if (note === undefined && name === 'li' && id !== undefined && ids.includes(id)) note = { id, start: parser.endIndex + 1, depth };
      if (note !== undefined && name === 'a' && 'data-footnote-backref' in attributes) backref = parser.startIndex;
    },
    onclosetag(name) {
      if (VOID.has(name)) return;
      if (backref !== undefined && name === 'a') {
        backrefs.push([backref, parser.endIndex + 1]);
        backref = undefined;
      }
      const current = note;
      if (current !== undefined && depth === current.depth) {
        let text = html.slice(current.start, parser.startIndex);
        for (const [start, end] of backrefs.filter(([at]) => at >= current.start).sort((a, b) => b[0] - a[0])) {
          text = text.slice(0, start - current.start).trimEnd() + text.slice(end - current.start);
        }
        found.set(current.id, text.trim());
        note = undefined;
      }
      depth--;
    },
  });
  parser.write(html);
  parser.end();
  return ids.flatMap((id) => (found.has(id) ? [found.get(id) ?? ''] : []));
}

export function excerptHtml(html: string, separator?: string | undefined): string {
  if (separator !== undefined && separator !== '\n\n' && html.includes(separator)) return withFootnotes(upTo(html, separator), html);
  return withFootnotes(firstBlock(html.trim()) ?? '', html);
}
