/**
 * A page's own `<link rel="stylesheet">` to a stylesheet Jekyll compiled from the theme's Sass
 * (`/assets/css/vcard.css` from `assets/css/vcard.scss`): this project's styles replace those, so the
 * file is not published, and the link would lead nowhere. The element is taken out and reported.
 */
import { attributesOf, elements, parseHtmlFragment } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

export function withoutCompiledStylesheets(body: string, compiled: ReadonlyMap<string, string>, file: string, firstLine: number): { text: string; report: ReportLine[] } {
  if (compiled.size === 0 || !/<link\b/i.test(body)) return { text: body, report: [] };
  const cuts: { start: number; end: number; href: string }[] = [];
  for (const element of elements(parseHtmlFragment(body))) {
    if (element.tagName !== 'link') continue;
    const attributes = attributesOf(element);
    const rel = attributes.find((attribute) => attribute.name === 'rel')?.value.toLowerCase().split(/\s+/) ?? [];
    const href = attributes.find((attribute) => attribute.name === 'href')?.value.trim();
    const location = element.sourceCodeLocation;
    if (!rel.includes('stylesheet') || href === undefined || !location) continue;
    const path = href.replace(/^(?:https?:)?\/\/[^/]+/, '').replace(/[?#].*$/, '');
    if (compiled.has(path)) cuts.push({ start: location.startOffset, end: location.endOffset, href });
  }
  let text = body;
  const report: ReportLine[] = [];
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, cut.start) + text.slice(cut.end);
    const line = firstLine + (body.slice(0, cut.start).match(/\n/g)?.length ?? 0);
    report.push({ kind: 'converted', file, line, message: `its link to the stylesheet ${cut.href}, which Jekyll compiled from ${compiled.get(cut.href.replace(/^(?:https?:)?\/\/[^/]+/, '').replace(/[?#].*$/, ''))}, is taken out: this project's styles replace the theme's.` });
  }
  return { text, report };
}
