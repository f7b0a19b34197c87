/**
 * A site's frame layout: a layout that is a whole HTML page (`<!DOCTYPE html>`, `<html>` or `<body>`
 * written out) and sits in no other layout, the one every page sits in, with the site's `<head>`, header, menu and
 * footer. This project's layouts replace that frame, so its text is never written into a page, even
 * when it loops over the site for its menu (`{% for x in site.nav %}`): only a list layout inside the
 * frame carries words of the page. Read with the project's HTML parser.
 */
import { elements, parseDocument } from '../../src/lib/links/html.ts';
import { readFrontMatter, splitFrontMatter } from './front-matter.ts';
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
  const document = parseDocument(split ? split.body : text);
  if (document.childNodes.some((node) => node.nodeName === '#documentType')) return true;
  for (const element of elements(document)) if (FRAME_ELEMENTS.has(element.tagName) && element.sourceCodeLocation?.startTag) return true;
  return false;
}

/** Site variables a frame loops over for its menu or footer, not for the page's words. */
const MENUS = /^(?:nav|navigation|menu|menus|header_pages|pages|html_pages|social|links|data\.(?:navigation|nav|menu|menus|social|links))$/;

/** Whether a layout's Liquid loops over the site's content (`site.posts`, `site.data.projects`), not only its menu. */
function listsContent(text: string): boolean {
  for (const match of text.matchAll(/\{%-?\s*for\s+\w+\s+in\s+site\.([\w.]+)/g)) if (!MENUS.test(match[1] ?? '')) return true;
  return false;
}

/**
 * The report line for a page with no text of its own over a frame layout that also listed the site
 * (its posts, its data) in the page's place: those words are not carried, since the frame is not.
 */
export function frameLayoutLoss(name: unknown, files: LayoutFiles, bodyEmpty: boolean, file: string): ReportLine | undefined {
  if (typeof name !== 'string' || !bodyEmpty) return undefined;
  const own = files.get(name);
  if (own === undefined || !isWholeDocument(own) || !listsContent(own)) return undefined;
  return {
    kind: 'leftover',
    file,
    message: `has no text of its own, and its layout "${name}" (_layouts/${name}.html) is a whole HTML page (head, header, footer), which this project's layouts replace, so what that layout listed with Liquid is not imported. Copy the part of the layout that lists into the page's body in the Jekyll site and run the import again.`,
  };
}
