/**
 * Scripts a Jekyll page ran: this project runs a page's script only when its front matter lists it
 * (`scripts:`), so the importer writes that consent for each script the page had, and reports it. An
 * external script is named by its exact `https://` address, an inline one by `sha256-<base64>` of its
 * text. The page's body is read with the project's HTML parser, as the build reads it.
 */
import { createHash } from 'node:crypto';
import { maskCode } from '../../src/lib/checks/body.ts';
import { consentEntriesFor } from '../../src/lib/checks/script-consent.ts';
import { attributesOf, elements, javaScriptOnElement, namespaceOf, parseDocument, parseHtmlFragment, quoteAttribute } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

export interface PageScripts {
  /** The consent entries, in the page's order, each once. */
  entries: string[];
  report: ReportLine[];
  /** The body, with the Liquid of inline scripts worked out. */
  body: string;
}

/** `sha256-<base64>` of a script's text, as a content security policy names it. */
export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The consent for every script in a Markdown body (an HTML file's body is one HTML block by now).
 * An inline script whose text has Liquid (`'{{ site.url }}'`) is hashed once its Liquid is worked
 * out by `render` (the text Jekyll wrote, or undefined when the importer cannot be sure), and that
 * text replaces the Liquid in `body`: the build would otherwise hash what its own Liquid writes,
 * which depends on where it is deployed. `firstLine`: the body's first line in the Jekyll file, when
 * the body's lines are still the file's (Markdown; an HTML body is rewritten as one block).
 */
export function pageScripts(body: string, file: string, render?: (text: string) => string | undefined, firstLine?: number): PageScripts {
  const result: PageScripts = { entries: [], report: [], body };
  if (!/<script\b/i.test(body)) return result;
  const replacements: { start: number; end: number; text: string }[] = [];
  let liquid = 0;
  /** Script texts whose Liquid the importer could not work out: the build's Liquid changes them. */
  const unresolved: string[] = [];
  // A script shown in a code block runs nowhere: blanked, every offset kept.
  for (const element of elements(parseHtmlFragment(maskCode(body)))) {
    if (element.tagName !== 'script') continue;
    const attributes = attributesOf(element);
    // The build's rule, so the consent covers what it checks: only JSON-LD is left out. Other types
    // run too, by a library that reads them (MathJax's `text/x-mathjax-config`).
    if (!javaScriptOnElement('script', 'html', attributes).some((found) => found.kind === 'script')) continue;
    const src = attributes.find((attribute) => attribute.name === 'src')?.value.trim();
    // A line of the Jekyll file, where the owner looks; none where the body's lines are not the file's.
    const at = element.sourceCodeLocation?.startLine;
    const line = firstLine === undefined || at === undefined ? undefined : firstLine + at - 1;
    if (src !== undefined) {
      const url = src.startsWith('//') ? `https:${src}` : src.replace(/^https?:\/\//i, 'https://');
      if (!/^https:\/\//.test(url)) {
        result.report.push({
          kind: 'leftover',
          file,
          line,
          message: `runs the script ${src} from the site itself; a script is allowed only from an https:// address or inline. Put its code inline, or load it from its https:// address, and list it under scripts:.`,
        });
        continue;
      }
      const written = element.sourceCodeLocation?.attrs?.['src'];
      // The build consents to the address the page loads, as an entry writes it: an http: one is
      // written https: too (`HTTPS:` as `https:`).
      if (url !== src && !src.startsWith('//') && written) {
        replacements.push({ start: written.startOffset, end: written.endOffset, text: `src=${quoteAttribute(url)}` });
        if (/^http:/i.test(src))
          result.report.push({
            kind: 'changed',
            file,
            line,
            message: `loaded the script ${src} over http:, which a page served over https does not run: it is loaded from ${url}. If that site serves no https, remove the script.`,
          });
      }
      continue;
    }
    const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
    if (text.trim() === '') continue;
    const first = element.childNodes[0]?.sourceCodeLocation;
    const last = element.childNodes.at(-1)?.sourceCodeLocation;
    if (render !== undefined && /\{\{|\{%/.test(text) && first && last) {
      const rendered = render(text);
      if (rendered !== undefined) {
        replacements.push({ start: first.startOffset, end: last.endOffset, text: rendered });
        liquid++;
      } else unresolved.push(text);
    }
  }
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start))
    result.body = `${result.body.slice(0, start)}${text}${result.body.slice(end)}`;
  // The entries as the build finds them, in the body rendered as Markdown: a script in a list item
  // loses the item's indent there, and so its text's hash changes.
  result.entries = consentEntriesFor(result.body);
  // A hash of Liquid as written is never the one the build asks for: none is written, and the owner is told.
  if (unresolved.length > 0) {
    const wrong = new Set(unresolved.map(scriptHash));
    result.entries = result.entries.filter((entry) => !wrong.has(entry));
    result.report.push({
      kind: 'leftover',
      file,
      message: `${unresolved.length === 1 ? 'a script has' : `${unresolved.length} scripts have`} Liquid in its text that the import cannot work out ({% raw %}, a plugin's tag or filter), so no consent is written for it: the build will refuse it and name the consent its text needs once its Liquid has run. Write the text Jekyll wrote instead of the Liquid, or add that consent.`,
    });
  }
  if (liquid > 0) {
    result.report.push({
      kind: 'changed',
      file,
      message: `${liquid === 1 ? 'a script' : `${liquid} scripts`} had Liquid in its text; it is written as Jekyll wrote it, so its consent stays the same wherever the site is deployed.`,
    });
  }
  if (result.entries.length > 0) {
    result.report.push({
      kind: 'changed',
      file,
      message: `ran ${result.entries.length === 1 ? 'a script' : `${result.entries.length} scripts`}; this project runs a page's scripts only with the owner's consent, so the import writes it: \`scripts: [${result.entries.join(', ')}]\`. Remove the line to turn them off.`,
    });
  }
  return result;
}

/**
 * An HTML file Jekyll copied as it was, without what would run JavaScript (scripts, `on*` handlers,
 * `javascript:` links, `srcdoc`), found as the build finds it: the file keeps its address and its
 * text, and the site still ships no script. Undefined when there was nothing to take out.
 */
export function withoutJavaScript(html: string): { text: string; removed: number } | undefined {
  const cuts: { start: number; end: number }[] = [];
  for (const element of elements(parseDocument(html))) {
    const found = javaScriptOnElement(element.tagName, namespaceOf(element), attributesOf(element));
    const location = element.sourceCodeLocation;
    if (found.length === 0 || !location) continue;
    if (found.some((item) => item.kind === 'script')) {
      cuts.push({ start: location.startOffset, end: location.endOffset });
      continue;
    }
    for (const item of found) {
      const at = item.attribute === undefined ? undefined : location.attrs?.[item.attribute];
      // The attribute and the space before it.
      if (at) cuts.push({ start: /\s/.test(html[at.startOffset - 1] ?? '') ? at.startOffset - 1 : at.startOffset, end: at.endOffset });
    }
  }
  if (cuts.length === 0) return undefined;
  let text = html;
  let last = Number.POSITIVE_INFINITY;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) {
    if (cut.end > last) continue;
    text = text.slice(0, cut.start) + text.slice(cut.end);
    last = cut.start;
  }
  return { text, removed: cuts.length };
}
