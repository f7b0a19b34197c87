/**
 * A page's own `<link rel="stylesheet">` to a stylesheet Jekyll compiled from the theme's Sass
 * (`/assets/css/vcard.css` from `assets/css/vcard.scss`): this project's styles replace those, so the
 * file is not published, and the link would lead nowhere. The element is taken out and reported.
 */
import { attributesOf, elements, parseHtmlFragment } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

/** The site path an `href` names, also when Liquid writes it (`{{ '/x.css' | relative_url }}`, `{{ site.baseurl }}/x.css`). */
export function stylesheetPath(href: string): string {
  const filtered = /^\{\{-?\s*(['"])([^'"]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}$/.exec(href)?.[2];
  const written = filtered ?? href.replace(/^(?:\{\{-?\s*(?:site\.url|site\.baseurl|base_path)\s*-?\}\})+/, '');
  const path = written.replace(/^(?:https?:)?\/\/[^/]+/, '').replace(/[?#].*$/, '');
  return filtered !== undefined && !path.startsWith('/') ? `/${path}` : path;
}

export function withoutCompiledStylesheets(
  body: string,
  compiled: ReadonlyMap<string, string>,
  file: string,
  firstLine: number,
): { text: string; report: ReportLine[] } {
  if (compiled.size === 0 || !/<link\b/i.test(body)) return { text: body, report: [] };
  const cuts: { start: number; end: number; href: string }[] = [];
  for (const element of elements(parseHtmlFragment(body))) {
    if (element.tagName !== 'link') continue;
    const attributes = attributesOf(element);
    const rel =
      attributes
        .find((attribute) => attribute.name === 'rel')
        ?.value.toLowerCase()
        .split(/\s+/) ?? [];
    const href = attributes.find((attribute) => attribute.name === 'href')?.value.trim();
    const location = element.sourceCodeLocation;
    if (!rel.includes('stylesheet') || href === undefined || !location) continue;
    const path = stylesheetPath(href);
    if (compiled.has(path)) cuts.push({ start: location.startOffset, end: location.endOffset, href });
  }
  let text = body;
  const report: ReportLine[] = [];
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, cut.start) + text.slice(cut.end);
    const line = firstLine + (body.slice(0, cut.start).match(/\n/g)?.length ?? 0);
    report.push({
      kind: 'converted',
      file,
      line,
      message: `its link to the stylesheet ${cut.href}, which Jekyll compiled from ${compiled.get(stylesheetPath(cut.href))}, is taken out: this project's styles replace the theme's.`,
    });
  }
  return { text, report };
}
