/**
 * Links in an HTML file Jekyll copied as it was (a notebook exported as slides, a demo page) that led
 * nowhere on the Jekyll site either: a relative `../components/fonts/x.woff` the export never
 * shipped, a `<link href="custom.css">`, an `#anchor` with no such id. The build checks every HTML
 * file it serves, copied ones too, and refuses such a link; the import takes it out (the attribute
 * goes, an `<a>` keeps its text, a CSS `url()` becomes `about:invalid`, which loads nothing, as
 * before), and writes a bare `%` in an address as `%25`, which browsers read the same. Read with the
 * project's HTML parser and CSS tokenizer.
 */
import { cssUrls } from '../../src/lib/links/css-urls.ts';
import { attributesOf, elements, linkUrls, namespaceOf, parseDocument } from '../../src/lib/links/html.ts';
import type { ReportLine } from './report.ts';

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const BARE_PERCENT = /%(?![0-9a-f]{2})/i;
const BARE_PERCENTS = /%(?![0-9a-f]{2})/gi;
/** An address that loads nothing, and that the link check does not follow. */
const NOWHERE = 'about:invalid';

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
  const judge = (address: string): Verdict => {
    if (address === '' || EXTERNAL.test(address)) return undefined;
    if (BARE_PERCENT.test(address.replace(/\?[^#]*/, ''))) return 'percent';
    let resolved: URL;
    try {
      resolved = new URL(address, `http://site.invalid${url}`);
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

  const edits: Edit[] = [];
  const report: ReportLine[] = [];
  const lineAt = (offset: number) => 1 + (html.slice(0, offset).match(/\n/g)?.length ?? 0);
  // A file that is not UTF-8 is not rewritten: each link is left for the owner to fix.
  const note = (offset: number, address: string, what: string) =>
    report.push(
      readOnly
        ? {
            kind: 'leftover',
            file,
            line: lineAt(offset),
            message: `its link to ${address} leads nowhere (no file there, no such #id, or a "%" that starts no escape), and the build refuses it; the file is not UTF-8 text, so the import copies it byte for byte rather than rewrite it. Fix or delete that link in public/${file}, or save the file as UTF-8 in the Jekyll site and run the import again.`,
          }
        : { kind: 'changed', file, line: lineAt(offset), message: `its link to ${address} ${what}` },
    );
  const DEAD =
    'led nowhere on the Jekyll site either (no file there, or no such #id), and the build refuses a link that leads nowhere, so it is taken out (the text of a link stays).';

  for (const element of elements(document)) {
    const location = element.sourceCodeLocation;
    if (!location) continue;
    if (element.tagName === 'style') {
      const child = element.childNodes[0];
      const at = child && 'sourceCodeLocation' in child ? child.sourceCodeLocation : undefined;
      if (!child || !('value' in child) || !at) continue;
      const raw = html.slice(at.startOffset, at.endOffset);
      for (const address of new Set(cssUrls(child.value))) {
        if (judge(address) === undefined) continue;
        // The address as written, between `(` or a quote and `)` or a quote.
        let found = false;
        for (let index = raw.indexOf(address); index !== -1; index = raw.indexOf(address, index + address.length)) {
          const before = raw[index - 1] ?? '';
          const after = raw[index + address.length] ?? '';
          if (!/[('"\s]/.test(before) || !/[)'"\s]/.test(after)) continue;
          edits.push({ start: at.startOffset + index, end: at.startOffset + index + address.length, text: NOWHERE });
          found = true;
        }
        if (found)
          note(
            at.startOffset + raw.indexOf(address),
            address,
            `in its <style> led nowhere on the Jekyll site either (no file there), and the build refuses a link that leads nowhere, so it is written ${NOWHERE}, which loads nothing, as before.`,
          );
        else
          report.push({
            kind: 'leftover',
            file,
            line: lineAt(at.startOffset),
            message: `its <style> links to ${address}, which led nowhere on the Jekyll site either, written with CSS escapes the import does not rewrite; the build refuses it. Delete that url() from public/${file}.`,
          });
      }
      continue;
    }
    const attributes = attributesOf(element);
    const done = new Set<string>();
    for (const link of linkUrls(element.tagName, namespaceOf(element), attributes)) {
      if (done.has(link.attribute)) continue;
      const at = location.attrs?.[link.attribute];
      const verdict = judge(link.url);
      if (verdict === undefined || !at) continue;
      done.add(link.attribute);
      const value = attributes.find((attribute) => attribute.name === link.attribute)?.value ?? '';
      const escaped = value.replace(BARE_PERCENTS, '%25');
      if (verdict === 'percent' && judge(link.url.replace(BARE_PERCENTS, '%25')) === undefined) {
        edits.push({ start: at.startOffset, end: at.endOffset, text: `${link.attribute}="${escaped.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"` });
        note(
          at.startOffset,
          link.url,
          'has a "%" that does not start an escape, which the build refuses: it is written "%25", which a browser reads the same.',
        );
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
