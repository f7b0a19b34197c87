/**
 * A site's frame layout: a layout that is a whole HTML page (`<!DOCTYPE html>`, `<html>`, `<head>`,
 * `<body>` written out), the one every page sits in, with the site's `<head>`, header, menu and
 * footer. This project's layouts replace that frame, so its text is never written into a page, even
 * when it loops over the site for its menu (`{% for x in site.nav %}`): only a list layout inside the
 * frame carries words of the page. Read with the project's HTML parser.
 */
import { elements, parseDocument } from '../../src/lib/links/html.ts';
import { layoutChain, type LayoutFiles } from './layouts.ts';
import type { ReportLine } from './report.ts';

const FRAME_ELEMENTS = new Set(['html', 'head', 'body']);

/** Whether a layout's text is a whole HTML page: a doctype, or `<html>`, `<head>` or `<body>` written out (not implied by the parser). */
export function isWholeDocument(text: string): boolean {
  const document = parseDocument(text);
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
  const own = layoutChain(name, files)[0];
  if (own === undefined || !isWholeDocument(own) || !listsContent(own)) return undefined;
  return {
    kind: 'leftover',
    file,
    message: `has no text of its own, and its layout "${name}" (_layouts/${name}.html) is a whole HTML page (head, header, footer), which this project's layouts replace, so what that layout listed with Liquid is not imported. Copy the part of the layout that lists into the page's body in the Jekyll site and run the import again.`,
  };
}
