/**
 * Links in an HTML file Jekyll copied as it was (a notebook exported as slides, a demo page) that led
 * nowhere on the Jekyll site either: a relative `../components/fonts/x.woff` the export never
 * shipped, a `<link href="custom.css">`, an `#anchor` with no such id. The build checks every HTML
 * file it serves, copied ones too, and refuses such a link; the import takes it out (the attribute
 * goes, an `<a>` keeps its text, a CSS `url()` becomes `about:invalid`, which loads nothing, as
 * before), and writes a bare `%` in an address as `%25`, which browsers read the same. A CSS
 * `url()` changes alone: the rest of its `style` attribute or `<style>` stays as written. Relative
 * addresses resolve against the first `<base href>`, as in a browser; one that base sends elsewhere
 * is written from the site root, since the build's link check reads addresses against the file's own.
 * Read with the project's HTML parser and CSS tokenizer.
 */
import { cssUrlSpans } from '../../src/lib/links/css-urls.ts';
import { attributesOf, elements, linkUrls, namespaceOf, parseDocument, quoteAttribute } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const BARE_PERCENT = /%(?![0-9a-f]{2})/i;
const BARE_PERCENTS = /%(?![0-9a-f]{2})/gi;
/** An address that loads nothing, and that the link check does not follow. */
const NOWHERE = 'about:invalid';
/** Attributes that hold several addresses: not rewritten whole for one of them. */
const MANY = new Set(['srcset', 'imagesrcset', 'ping']);

type Verdict = 'dead' | 'percent' | undefined;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/**
 * The copied file with its dead links taken out, and a report line for each; undefined when it has
 * none. `url` is the address the file is served at; `served` the site paths the import serves
 * (`servedSitePaths`).
 */
export function withoutDeadStaticLinks(
  html: string,
  url: string,
  served: ReadonlySet<string>,
  file: string,
  { readOnly = false }: { readOnly?: boolean } = {},
): { text: string; report: ReportLine[] } | undefined {
  const document = parseDocument(html);
  const ids = new Set<string>();
  for (const element of elements(document)) {
    for (const { name, value } of attributesOf(element)) if (name === 'id' || (name === 'name' && element.tagName === 'a')) ids.add(value);
  }
  const ownPath = decoded(new URL(url, 'http://site.invalid/').pathname);
  const page = new URL(url, 'http://site.invalid/');
  // Relative addresses resolve against the first <base href>, as in a browser.
  let base = page;
  for (const element of elements(document)) {
    if (element.tagName !== 'base' || namespaceOf(element) !== 'html') continue;
    const href = attributesOf(element).find((attribute) => attribute.name === 'href')?.value;
    if (href === undefined) continue;
    try {
      base = new URL(href.trim(), page);
    } catch {
      // A base a browser cannot read leaves the page's own address.
    }
    break;
  }
  const judge = (address: string): Verdict => {
    if (address === '' || EXTERNAL.test(address)) return undefined;
    if (BARE_PERCENT.test(address.replace(/\?[^#]*/, ''))) return 'percent';
    let resolved: URL;
    try {
      resolved = new URL(address, base);
    } catch {
      return 'dead';
    }
    if (resolved.host !== 'site.invalid') return undefined;
    const path = decoded(resolved.pathname);
    const fragment = decoded(resolved.hash.slice(1));
    if (path === undefined || fragment === undefined) return 'dead';
    if (!served.has(path)) return 'dead';
    // Only this file's own ids are known here.
    if (path === ownPath && fragment !== '' && fragment.toLowerCase() !== 'top' && !ids.has(fragment)) return 'dead';
    return undefined;
  };

  /** A working relative address that <base href> sends elsewhere than the page's own folder: the same address from the site root. */
  const fromRoot = (address: string): string | undefined => {
    if (base === page || address === '' || address.startsWith('/') || EXTERNAL.test(address)) return undefined;
    let resolved: URL;
    let plain: URL;
    try {
      resolved = new URL(address, base);
      plain = new URL(address, page);
    } catch {
      return undefined;
    }
    if (resolved.host !== 'site.invalid' || resolved.href === plain.href) return undefined;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  };

  const edits: Edit[] = [];
  const report: ReportLine[] = [];
  // Where each line starts, found once: a file of many dead links is not rescanned for each.
  const lineStarts = [0];
  for (let index = html.indexOf('\n'); index !== -1; index = html.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  // A file that is not UTF-8 is not rewritten: each link is left for the owner to fix.
  const note = (offset: number, address: string, what: string, rebased?: string) =>
    report.push(
      readOnly
        ? {
            kind: 'leftover',
            file,
            line: lineAt(offset),
            message: `its link to ${address} ${
              rebased === undefined
                ? 'leads nowhere (no file there, no such #id, or a "%" that starts no escape), and the build refuses it'
                : `is relative to the file's <base href>, which the build's link check does not read, so the build refuses it (write it ${rebased})`
            }; the file is not UTF-8 text, so the import copies it byte for byte rather than rewrite it. Once the file is saved as UTF-8 in the Jekyll site, the import fixes the link.`,
          }
        : { kind: 'changed', file, line: lineAt(offset), message: `its link to ${address} ${what}` },
    );
  const DEAD =
    'led nowhere on the Jekyll site either (no file there, or no such #id), and the build refuses a link that leads nowhere, so it is taken out (the text of a link stays).';
  const CSS_DEAD = `led nowhere on the Jekyll site either (no file there), and the build refuses a link that leads nowhere, so it is written ${NOWHERE}, which loads nothing, as before.`;
  const rebasedMessage = (rebased: string) =>
    `is relative to the file's <base href>, which the build's link check does not read: it is written ${rebased}, from the site root, which a browser reads the same.`;
  const PERCENT = 'has a "%" that does not start an escape, which the build refuses: it is written "%25", which a browser reads the same.';

  /**
   * CSS with each url() address that needs it changed, and nothing else: a dead one becomes
   * `about:invalid`, a bare `%` in a working one `%25`. `offset` is where the CSS starts in the file,
   * for the report; `where` says where the CSS is.
   */
  const cssFixed = (css: string, offset: number, where: string): string => {
    let text = css;
    for (const span of cssUrlSpans(css).reverse()) {
      const verdict = judge(span.url);
      const written = css.slice(span.start, span.end);
      if (verdict === undefined) {
        const rebased = written === span.url ? fromRoot(span.url) : undefined;
        if (rebased === undefined) continue;
        text = text.slice(0, span.start) + rebased + text.slice(span.end);
        note(offset + span.start, span.url, `${where}${rebasedMessage(rebased)}`, rebased);
        continue;
      }
      if (verdict === 'percent' && judge(span.url.replace(BARE_PERCENTS, '%25')) === undefined) {
        // Written with CSS escapes, the address is left for the owner: changing its `%` alone could change another character.
        if (written !== span.url) {
          report.push({
            kind: 'leftover',
            file,
            line: lineAt(offset + span.start),
            message: `its link to ${span.url} ${where}has a "%" that does not start an escape, written with CSS escapes the import does not rewrite; the build refuses it. Write that "%" as "%25" in public/${file}.`,
          });
          continue;
        }
        text = text.slice(0, span.start) + written.replace(BARE_PERCENTS, '%25') + text.slice(span.end);
        note(offset + span.start, span.url, `${where}${PERCENT}`);
        continue;
      }
      text = text.slice(0, span.start) + NOWHERE + text.slice(span.end);
      note(offset + span.start, span.url, `${where}${CSS_DEAD}`);
    }
    return text;
  };

  for (const element of elements(document)) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    if (element.tagName === 'style') {
      const child = element.childNodes[0];
      const at = child && 'sourceCodeLocation' in child ? child.sourceCodeLocation : undefined;
      if (!child || !('value' in child) || !at) continue;
      // The text as written (a <style> holds no character references), so offsets are the file's.
      const raw = html.slice(at.startOffset, at.endOffset);
      const fixed = cssFixed(raw, at.startOffset, 'in its <style> ');
      if (fixed !== raw) edits.push({ start: at.startOffset, end: at.endOffset, text: fixed });
      continue;
    }
    const attributes = attributesOf(element);
    const done = new Set<string>();
    for (const link of linkUrls(element.tagName, namespaceOf(element), attributes)) {
      if (done.has(link.attribute)) continue;
      const at = location.attrs?.[link.attribute];
      if (!at) continue;
      const value = attributes.find((attribute) => attribute.name === link.attribute)?.value ?? '';
      const rewrite = (text: string) =>
        edits.push({
          start: at.startOffset,
          end: at.endOffset,
          text: `${html.slice(at.startOffset, at.endOffset).split('=')[0]?.trimEnd() ?? link.attribute}=${quoteAttribute(text)}`,
        });
      // A style attribute keeps its other declarations: only the url() addresses in it change.
      if (link.attribute === 'style') {
        done.add('style');
        const fixed = cssFixed(value, at.startOffset, 'in its style attribute ');
        if (fixed !== value) rewrite(fixed);
        continue;
      }
      const verdict = judge(link.url);
      if (verdict === undefined) {
        // Relative to <base href>, which the build's link check does not read: written from the site root, which a browser reads the same.
        const rebased = fromRoot(link.url);
        if (rebased !== undefined && !MANY.has(link.attribute)) {
          done.add(link.attribute);
          rewrite(rebased);
          note(at.startOffset, link.url, rebasedMessage(rebased), rebased);
        }
        continue;
      }
      done.add(link.attribute);
      if (verdict === 'percent' && judge(link.url.replace(BARE_PERCENTS, '%25')) === undefined) {
        rewrite(value.replace(BARE_PERCENTS, '%25'));
        note(at.startOffset, link.url, PERCENT);
        continue;
      }
      // The attribute and the space before it.
      edits.push({ start: /\s/.test(html[at.startOffset - 1] ?? '') ? at.startOffset - 1 : at.startOffset, end: at.endOffset, text: '' });
      note(at.startOffset, link.url, DEAD);
    }
  }
  if (edits.length === 0) return report.length > 0 ? { text: html, report } : undefined;
  let text = html;
  let last = Number.POSITIVE_INFINITY;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    if (edit.end > last) continue;
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    last = edit.start;
  }
  return { text, report };
}
