/**
 * A site's frame layout: a layout that is a whole HTML page (`<!DOCTYPE html>`, `<html>` or `<body>`
 * written out), sits in no other layout, and is shared (other layouts sit in it, or more than one
 * document uses it), with the site's `<head>`, header, menu and footer. This project's layouts
 * replace that frame, so its text is never written into a page, even when it loops over the site for
 * its menu (`{% for x in site.nav %}`); a page that loses words with it is reported. A whole page
 * that only one document uses is that page's own text: what its `<body>` holds is carried.
 * Read with the project's HTML parser.
 */
import { attributesOf, elements, parseDocument, parseHtmlFragment } from '../../src/lib/links/html.ts';
import { readFrontMatter, splitFrontMatter } from './front-matter.ts';
import { liquidBlanked, liquidSpans } from './liquid.ts';
import type { LayoutFiles } from './layouts.ts';
import type { ReportLine } from './report.ts';

const FRAME_ELEMENTS = new Set(['html', 'body']);

/**
 * Whether a layout's file is the site's frame: it sits in no other layout, and it is a whole HTML page
 * (a doctype, or `<html>` or `<body>` written out, not implied by the parser). A layout inside another
 * that writes a stray `<head>` for a stylesheet is not one.
 */
export function isWholeDocument(text: string): boolean {
  const split = splitFrontMatter(text);
  const front = split ? readFrontMatter(split.yaml) : undefined;
  const parent = front?.ok ? front.data['layout'] : undefined;
  if (typeof parent === 'string' && parent !== '' && parent !== 'none' && parent !== 'null') return false;
  const document = parseDocument(liquidBlanked(split ? split.body : text));
  if (document.childNodes.some((node) => node.nodeName === '#documentType')) return true;
  for (const element of elements(document)) if (FRAME_ELEMENTS.has(element.tagName) && element.sourceCodeLocation?.startTag) return true;
  return false;
}

/**
 * Whether the layout `name` is the site's frame: a whole HTML page that other layouts sit in or that
 * more than one document uses (`users`: how many documents name each layout).
 */
export function isFrame(name: string, files: LayoutFiles, users: ReadonlyMap<string, number>): boolean {
  const own = files.get(name);
  if (own === undefined || !isWholeDocument(own)) return false;
  if ((users.get(name) ?? 0) > 1) return true;
  for (const text of files.values()) {
    const split = splitFrontMatter(text);
    const front = split ? readFrontMatter(split.yaml) : undefined;
    if (front?.ok && front.data['layout'] === name) return true;
  }
  return false;
}

/**
 * What a whole-page layout's `<body>` holds, as written (Liquid included): the page's own text when
 * only one document uses that layout. Without `<body>` written, what follows `</head>` (or `<html>`)
 * up to `</html>`. Undefined when that holds nothing but `{{ content }}`, or lists through `paginator`.
 */
export function wholeDocumentBody(text: string): string | undefined {
  const split = splitFrontMatter(text);
  const source = split ? split.body : text;
  // Parsed without its Liquid: `{% include head.html %}` before `<body>` would open the body there.
  const document = parseDocument(liquidBlanked(source));
  let start = 0;
  let end = source.length;
  for (const node of document.childNodes) if (node.nodeName === '#documentType' && node.sourceCodeLocation) start = node.sourceCodeLocation.endOffset;
  for (const element of elements(document)) {
    const location = element.sourceCodeLocation;
    if (location === undefined || location === null) continue;
    if (element.tagName === 'html') {
      if (location.startTag) start = Math.max(start, location.startTag.endOffset);
      if (location.endTag) end = Math.min(end, location.endTag.startOffset);
    } else if (element.tagName === 'head' && location.endTag) start = Math.max(start, location.endTag.endOffset);
    else if (element.tagName === 'body') {
      if (location.startTag) start = Math.max(start, location.startTag.endOffset);
      if (location.endTag) end = Math.min(end, location.endTag.startOffset);
    }
  }
  const inside = source.slice(start, Math.max(start, end)).trim();
  if (/\bpaginator\b/.test(inside) || inside.replace(/\{\{-?\s*content\s*-?\}\}/g, '').trim() === '') return undefined;
  return inside;
}

/** Site variables a frame loops over for its menu or footer, not for the page's words. */
const MENUS = /^(?:nav|navigation|menu|menus|header_pages|pages|html_pages|social|links|data\.(?:navigation|nav|menu|menus|social|links))$/;

/** Whether a layout's Liquid loops over the site's content (`site.posts`, `site.data.projects`), not only its menu. */
function listsContent(text: string): boolean {
  for (const match of text.matchAll(/\{%-?\s*for\s+\w+\s+in\s+site\.([\w.]+)/g)) if (!MENUS.test(match[1] ?? '')) return true;
  return false;
}

/**
 * The report line for a page over the site's frame that loses words with it: the frame listed the
 * site (its posts, its data), or the page has no text of its own, so all it showed came from the frame.
 * Those words are not carried, since the frame is not. Undefined when the layout is not the frame.
 */
export function frameLayoutLoss(
  name: unknown,
  files: LayoutFiles,
  users: ReadonlyMap<string, number>,
  bodyEmpty: boolean,
  file: string,
): ReportLine | undefined {
  if (typeof name !== 'string' || !isFrame(name, files, users)) return undefined;
  const own = files.get(name) ?? '';
  const lists = listsContent(own);
  if (!lists && !bodyEmpty) return undefined;
  const where = `its layout "${name}" (_layouts/${name}.html) is a whole HTML page (head, header, footer) that ${(users.get(name) ?? 0) > 1 ? 'several documents use' : 'other layouts sit in'}, which this project's layouts replace`;
  return {
    kind: 'leftover',
    file,
    message: lists
      ? `${bodyEmpty ? 'has no text of its own, and ' : ''}${where}, so what that layout listed with Liquid is not imported. Copy the part of the layout that lists into the page's body in the Jekyll site and run the import again.`
      : `has no text of its own, and ${where}, so the page is imported empty. Write the page's words into its body in the Jekyll site and run the import again.`,
  };
}

/** `{% include name %}` with no parameters: the name, else undefined. */
const INCLUDE_TAG = /^\{%-?\s*include\s+([\w./-]+)\s*-?%\}$/;

/**
 * Whether an include writes nothing but scripts (`<script>` elements, comments, blank lines, Liquid
 * tags, other such includes): the theme's JavaScript and analytics, not words of the page.
 */
function onlyScripts(text: string, include: (name: string) => string | undefined, depth = 0): boolean {
  if (depth > 8) return false;
  const fragment = parseHtmlFragment(liquidBlanked(text));
  let scripts = 0;
  for (const node of fragment.childNodes) {
    if ('tagName' in node) {
      if (node.tagName !== 'script') return false;
      scripts++;
      continue;
    }
    if (node.nodeName !== '#text' || !('value' in node) || node.sourceCodeLocation === undefined || node.sourceCodeLocation === null) continue;
    const { startOffset, endOffset } = node.sourceCodeLocation;
    const original = text.slice(startOffset, endOffset);
    for (const span of liquidSpans(original) ?? [{ begin: 0, end: original.length }]) {
      const liquid = original.slice(span.begin, span.end);
      if (liquid.startsWith('{{')) return false;
      const name = INCLUDE_TAG.exec(liquid)?.[1];
      if (name !== undefined) {
        const inner = include(name);
        if (inner === undefined || !onlyScripts(inner, include, depth + 1)) return false;
        scripts++;
      }
    }
  }
  return scripts > 0;
}

/**
 * A whole page's body without what only runs scripts: its own `<script>` elements and the
 * `{% include %}` of a file that holds nothing else (online-cv's `scripts.html`: jQuery, the theme's
 * JavaScript, analytics). They were the theme's code, which this project's layouts replace, and the
 * site runs no script it was not given consent for. `left` names what was left out, for the report.
 */
export function withoutThemeScripts(body: string, include: (name: string) => string | undefined): { text: string; left: string[] } {
  const cuts: { start: number; end: number; what: string }[] = [];
  for (const element of elements(parseHtmlFragment(liquidBlanked(body)))) {
    const location = element.sourceCodeLocation;
    if (element.tagName !== 'script' || !location) continue;
    const src = attributesOf(element).find((attribute) => attribute.name === 'src')?.value;
    cuts.push({ start: location.startOffset, end: location.endOffset, what: src === undefined ? 'an inline <script>' : `<script src="${src}">` });
  }
  for (const span of liquidSpans(body) ?? []) {
    const name = INCLUDE_TAG.exec(body.slice(span.begin, span.end))?.[1];
    const text = name === undefined ? undefined : include(name);
    if (name !== undefined && text !== undefined && onlyScripts(text, include)) cuts.push({ start: span.begin, end: span.end, what: `{% include ${name} %}` });
  }
  let text = body;
  let last = Number.POSITIVE_INFINITY;
  const left: string[] = [];
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    // A script Liquid writes inside an `{% if %}` is cut alone; one inside a cut include is already gone.
    if (cut.end > last) continue;
    text = text.slice(0, cut.start) + text.slice(cut.end);
    last = cut.start;
    left.unshift(cut.what);
  }
  return { text, left };
}
