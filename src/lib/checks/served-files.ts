import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import type { Problem } from '../errors.ts';
import { attributesOf, elements, javaScriptOnElement, javaScriptOnParsedElement, parseDocument, parserDisagreements, type Attribute } from '../links/html.ts';

/**
 * Every file the site serves from which a browser may run script on the site's own address, and how
 * it reads it. A static host (GitHub Pages) picks the Content-Type from the name's extension;
 * Chromium then runs script in what it renders as an HTML or XML document:
 * - HTML (`text/html`): `.html`, `.htm`, `.shtml`, read with the HTML parser, as the browser does;
 * - XML (`application/xhtml+xml`, `image/svg+xml`, `text/xml`, `application/*+xml`): `.xhtml`,
 *   `.xht`, `.svg`, `.xml`, `.xsl`, `.xslt`, `.rss`, `.atom`, `.rdf`, `.mml`, `.mathml`: any of
 *   them may hold XHTML or SVG elements, which run script when the file is opened, so every one is
 *   read with an XML parser;
 * - `.svgz` is compressed SVG, which cannot be read here: it is refused.
 * MHTML (`.mht`, `.mhtml`) is rendered by Chromium only from the local disk, never from a web
 * address, and every other type (images, PDF, text, fonts, unknown extensions) is shown or
 * downloaded without running the site's script.
 */
export type ServedKind = 'html' | 'xml' | 'refused';

/** The Content-Type GitHub Pages serves each scriptable extension with (from mime-db, as it does). */
export const SCRIPTABLE_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  htm: 'text/html',
  shtml: 'text/html',
  xhtml: 'application/xhtml+xml',
  xht: 'application/xhtml+xml',
  svg: 'image/svg+xml',
  svgz: 'image/svg+xml',
  xml: 'application/xml',
  xsl: 'application/xslt+xml',
  xslt: 'application/xslt+xml',
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  rdf: 'application/rdf+xml',
  mml: 'application/mathml+xml',
  mathml: 'application/mathml+xml',
};

const KINDS: ReadonlyMap<string, ServedKind> = new Map(
  Object.entries(SCRIPTABLE_TYPES).map(([extension, type]) => [extension, extension === 'svgz' ? 'refused' : type === 'text/html' ? 'html' : 'xml']),
);

/** How a served file is read for script, or `undefined` when no browser runs script from it. */
export function servedKind(path: string): ServedKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? undefined : KINDS.get(name.slice(dot + 1).toLowerCase());
}

/** Something in a served file that would run script, or that the checks cannot read as the browser does. */
export interface ServedFinding {
  line: number;
  message: string;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The text of a file, or where it stops being UTF-8 (the site's pages are served as UTF-8). */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let line = 1;
    // The first byte that does not start or continue a valid UTF-8 sequence.
    for (let index = 0; index < bytes.length; index++) {
      const end = Math.min(bytes.length, index + 4);
      let valid = false;
      for (let length = 1; length <= end - index && !valid; length++) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
          valid = true;
          index += length - 1;
        } catch {
          // Longer sequences are tried next.
        }
      }
      if (!valid) return { line };
      if (bytes[index] === 0x0a) line++;
    }
    return { line };
  }
}

const NOT_UTF8 = 'is not valid UTF-8, so a browser may read it in another encoding than the checks do. Save it as UTF-8.';

/** What in one served file would run script (`kind` from `servedKind`). */
export function scanServedFile(kind: ServedKind, bytes: Uint8Array): ServedFinding[] {
  if (kind === 'refused') {
    return [{ line: 1, message: 'is compressed SVG, which the checks cannot read and a browser may run script from. Publish it uncompressed, as .svg.' }];
  }
  const decoded = decodeUtf8(bytes);
  if ('line' in decoded) return [{ line: decoded.line, message: NOT_UTF8 }];
  return kind === 'html' ? scanHtml(decoded.text) : scanXml(decoded.text);
}

function describe(what: string): string {
  return `has ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}, which would run JavaScript on the site's own address, with no Content-Security-Policy. Remove it; to show such a page, link to it on its own site.`;
}

function scanHtml(text: string): ServedFinding[] {
  const document = parseDocument(text);
  const findings: ServedFinding[] = [];
  for (const element of elements(document)) {
    for (const { what, line } of javaScriptOnParsedElement(element, attributesOf(element), text)) findings.push({ line, message: describe(what) });
  }
  for (const { line, message } of parserDisagreements(document, text)) findings.push({ line, message });
  return findings;
}

/**
 * An XML file as Chromium's XML parser reads it. Refused besides script: a DOCTYPE with an internal
 * subset (its entities can build markup this reading does not expand) and an `xml-stylesheet` other
 * than CSS (XSLT writes a new document, which may hold script). Element and attribute names are
 * compared by local name, whatever their prefix, and in any case: `<x:script>` counts.
 */
export function scanXml(text: string): ServedFinding[] {
  const findings: ServedFinding[] = [];
  let parser: Parser | undefined = undefined;
  const at = () => lineAt(text, parser?.startIndex ?? 0);
  parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        const lower = name.toLowerCase();
        if (lower === '!doctype' && data.includes('[')) {
          findings.push({
            line: at(),
            message:
              'has a DOCTYPE with its own declarations (an internal subset), whose entities can write markup the checks do not read. Remove the declarations in [ ].',
          });
        }
        if (lower === '?xml-stylesheet') {
          const type = /type\s*=\s*["']([^"']*)["']/i.exec(data)?.[1]?.trim().toLowerCase();
          if (type !== 'text/css') {
            findings.push({
              line: at(),
              message:
                'has an xml-stylesheet that is not CSS: an XSLT stylesheet writes a new page, which may run script. Remove it, or publish the page as HTML.',
            });
          }
        }
      },
      onopentag(name, attributes) {
        const local = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1).toLowerCase();
        const list: Attribute[] = Object.entries(attributes).flatMap(([attribute, value]) => {
          const lower = attribute.toLowerCase();
          // `xlink:href` under any prefix is read as a link, as is the bare name.
          return local(lower) === 'href'
            ? [
                { name: 'xlink:href', value },
                { name: 'href', value },
              ]
            : [{ name: local(lower), value }];
        });
        // Read as SVG: an SVG or MathML link may open a document of its own, so `data:` pages count too.
        const found = new Set(javaScriptOnElement(local(name), 'svg', list).map(({ what }) => what));
        for (const what of found) findings.push({ line: at(), message: describe(what) });
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return findings;
}

/**
 * The post-build scan of every served file a browser may run script from, other than the pages the
 * site renders itself (the page scan reads those): each file `public/` gave the build (blamed on
 * that file) and every other HTML or XML file in the output (the feed, the sitemaps).
 */
export function scanServedFiles(outDir: string, files: readonly string[], fromPublic: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const kind = servedKind(file);
    if (kind === undefined || (file.endsWith('.html') && !fromPublic.has(file))) continue;
    const source = fromPublic.has(file) ? `public/${file}` : `dist/${file}`;
    for (const { line, message } of scanServedFile(kind, readFileSync(join(outDir, file)))) problems.push({ file: source, field: 'file', line, message });
  }
  return problems;
}
