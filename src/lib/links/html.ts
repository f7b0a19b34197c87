/**
 * HTML as a browser reads it: one parser (parse5, which implements the HTML standard's tokenizer and
 * tree builder, entities and foreign content included) for every check and every reading of HTML:
 * entry bodies, rendered content, excerpts, built pages and served HTML files. Regular expressions
 * over markup are fooled by `<!-->`, a `>` inside quotes or `&colon;`; a parse tree is not. Where
 * parse5 and the newest Chromium build different trees, the body checks and the served-file scan
 * refuse the markup (`parserDisagreements`).
 * XML files are not HTML: src/lib/checks/served-files.ts reads them with an XML parser.
 * scripts/parser-bench.mjs shows why parse5 rather than htmlparser2: the latter disagrees on hostile input.
 */
import { lookupTable } from '../lookup.ts';
import { cssUrls } from './css-urls.ts';
import { defaultTreeAdapter, html as htmlSpec, parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;
export type HtmlElement = DefaultTreeAdapterTypes.Element;

/** The namespace an element lives in: `<script>` inside `<svg>` runs as surely as in HTML. */
export type Namespace = 'html' | 'svg' | 'mathml';

/** One attribute as a browser sees it: name lowercased (with its `xlink:` prefix), value decoded. */
export interface Attribute {
  name: string;
  value: string;
}

/** Something on an element that would run JavaScript. */
export interface JavaScriptOnElement {
  kind: 'script' | 'handler' | 'url' | 'srcdoc';
  /** Short and stable: `<script>`, `onclick attribute`, `javascript: link`, `srcdoc attribute`. */
  what: string;
  /** The attribute it is in (lowercased), unless it is a `<script>` element. */
  attribute?: string;
  /** For `url`: the scheme or data type that runs, `javascript:`, `vbscript:`, `data:text/html`. */
  scheme?: string;
}

/** Parses a whole page; with `locations`, each element knows where it is written (slower). */
export function parseDocument(html: string, { locations = true }: { locations?: boolean } = {}): ParentNode {
  return parse(html, { sourceCodeLocationInfo: locations });
}

/**
 * Parses part of a page as the content of a `<div>`, which is where an entry's body ends up: not
 * parse5's default `<template>` context, which would read table parts and `<body>` differently.
 * With `locations` (the default), each node knows where it is written.
 */
export function parseHtmlFragment(
  html: string,
  { onParseError, locations = true }: { onParseError?: ((code: string, offset: number) => void) | undefined; locations?: boolean } = {},
): ParentNode {
  const context = defaultTreeAdapter.createElement('div', htmlSpec.NS.HTML, []);
  return parseFragment(context, html, {
    sourceCodeLocationInfo: locations,
    ...(onParseError ? { onParseError: (error: { code: string; startOffset: number }) => onParseError(error.code, error.startOffset) } : {}),
  });
}

export function isElement(node: Node): node is HtmlElement {
  return 'tagName' in node;
}

/** A node's children, a `<template>`'s contents included: what a walk over the page reads. */
export function childrenOf(node: ParentNode): Node[] {
  return 'tagName' in node && node.tagName === 'template' && 'content' in node ? node.content.childNodes : node.childNodes;
}

/** An attribute's value as the parser decoded it, by its name (lowercase, as the parser gives it). */
export function attributeOf(element: HtmlElement, name: string): string | undefined {
  for (const attribute of element.attrs) if (attribute.name === name && !attribute.prefix) return attribute.value;
  return undefined;
}

/** The text below a node, as the parser decoded it (comments left out). */
export function textOf(node: ParentNode): string {
  let text = '';
  for (const child of childrenOf(node)) {
    if (child.nodeName === '#text' && 'value' in child) text += child.value;
    else if ('childNodes' in child) text += textOf(child);
  }
  return text;
}

/** Every element below `root`, in document order, `<template>` contents included. */
export function* elements(root: ParentNode): Generator<HtmlElement> {
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!('tagName' in node)) continue;
    yield node;
    const children = childrenOf(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
  }
}

export function namespaceOf(element: HtmlElement): Namespace {
  if (element.namespaceURI === htmlSpec.NS.SVG) return 'svg';
  if (element.namespaceURI === htmlSpec.NS.MATHML) return 'mathml';
  return 'html';
}

/** The element's attributes, names as written in markup (`xlink:href`), values decoded by the parser. */
export function attributesOf(element: HtmlElement): Attribute[] {
  return element.attrs.map((attribute) => ({
    name: attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name,
    value: attribute.value,
  }));
}

/** Where an attribute (or, without one, the element's start tag) is written in the parsed text. */
export function locationOf(element: HtmlElement, attribute?: string): { line: number; offset: number } | undefined {
  const location = element.sourceCodeLocation;
  if (!location) return undefined;
  const at = (attribute !== undefined ? location.attrs?.[attribute] : undefined) ?? location.startTag ?? location;
  return { line: at.startLine, offset: at.startOffset };
}

/**
 * A URL the way the URL parser starts reading it: leading and trailing C0 controls and spaces
 * removed, tabs and newlines removed anywhere. `" java\tscript:"` is `javascript:`.
 * https://url.spec.whatwg.org/#concept-basic-url-parser
 */
export function normalizeUrl(url: string): string {
  return trimUrl(url).replace(/[\t\n\r]/g, '');
}

/** A URL without the leading and trailing C0 controls and spaces the URL parser drops. */
export function trimUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- the C0 controls are what the URL parser drops
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** Document types a browser renders as a page that can run script, when a `data:` URL is opened in a frame or followed. */
const SCRIPTABLE_DATA_TYPES = new Set(['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/xml']);

/**
 * The scheme by which following or embedding `url` would run script: `javascript:` and `vbscript:`
 * anywhere; `data:` documents (`data:text/html`) where the URL is opened as a page (`navigable`).
 */
export function scriptingScheme(url: string, navigable: boolean): string | undefined {
  // Every scheme ends in ":" (decoded by now, even when written `&colon;`): most links have none.
  if (!url.includes(':')) return undefined;
  const normal = normalizeUrl(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normal)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return `${scheme}:`;
  if (scheme !== 'data' || !navigable) return undefined;
  // https://fetch.spec.whatwg.org/#data-url-processor: the type runs to the first ",", parameters after ";".
  const type = (normal.slice('data:'.length).split(',')[0] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return SCRIPTABLE_DATA_TYPES.has(type) ? `data:${type}` : undefined;
}

/**
 * The links of a page, per HTML element: the attributes the link checker resolves and the build
 * writes the base path into.
 */
export const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = lookupTable({
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  script: ['src'],
  form: ['action'],
});

/** HTML attributes that hold one URL, by element, beyond LINK_ATTRIBUTES: what the link check reads too. */
const MORE_HTML_LINKS: Readonly<Record<string, readonly string[]>> = lookupTable({
  a: ['ping'],
  area: ['ping'],
  link: ['imagesrcset'],
  img: ['longdesc'],
  input: ['src', 'formaction'],
  button: ['formaction'],
});
/** The same for the elements whose one such attribute is `cite` or `background`. */
const CITE_OR_BACKGROUND: Readonly<Record<string, string>> = lookupTable({
  blockquote: 'cite',
  q: 'cite',
  del: 'cite',
  ins: 'cite',
  body: 'background',
  table: 'background',
  td: 'background',
  th: 'background',
});

/** SVG attributes whose value may be a CSS `url(#x)` reference to an element of the page. */
const SVG_URL_PROPERTIES = new Set(['fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'cursor']);

/** One URL on an element, with the attribute it is in (or `style` for a `<style>` element's text). */
export interface ElementLink {
  attribute: string;
  url: string;
}

/**
 * Every URL an element refers to, as the link check reads them: each URL-bearing attribute HTML
 * defines (`href`, `src`, `srcset`, `poster`, `data`, `action`, `formaction`, `ping`, `cite`,
 * `background`, a refresh `<meta>`'s `content`...), `href` and `xlink:href` on any SVG or MathML
 * element (`<a>`, `<image>`, `<use>`, `<feImage>`...), SVG's `url(#x)` properties, and CSS `url()`
 * in a `style` attribute. `cssUrls` reads a `<style>` element's text.
 */
export function linkUrls(tagName: string, namespace: Namespace, attributes: readonly Attribute[]): ElementLink[] {
  const links: ElementLink[] = [];
  const valueOf = (name: string) => attributes.find((attribute) => attribute.name === name)?.value;
  const push = (attribute: string, value: string) => {
    if (attribute === 'srcset' || attribute === 'imagesrcset') for (const { url } of srcsetUrls(value)) links.push({ attribute, url });
    else if (attribute === 'ping')
      for (const url of value.split(/[\t\n\f\r ]+/)) {
        if (url !== '') links.push({ attribute, url });
      }
    else links.push({ attribute, url: value.trim() });
  };
  if (namespace === 'html') {
    const citeOrBackground = CITE_OR_BACKGROUND[tagName];
    const names = [...(LINK_ATTRIBUTES[tagName] ?? []), ...(MORE_HTML_LINKS[tagName] ?? []), ...(citeOrBackground === undefined ? [] : [citeOrBackground])];
    for (const name of names) {
      if (name === 'src' && tagName === 'input' && valueOf('type')?.trim().toLowerCase() !== 'image') continue;
      const value = valueOf(name);
      if (value !== undefined) push(name, value);
    }
    if (tagName === 'meta' && valueOf('http-equiv')?.trim().toLowerCase() === 'refresh') {
      const url = refreshUrl(valueOf('content') ?? '');
      if (url !== undefined) links.push({ attribute: 'content', url: url.trim() });
    }
  } else {
    for (const name of ['href', 'xlink:href']) {
      const value = valueOf(name);
      if (value !== undefined) push(name, value);
    }
    if (namespace === 'svg') {
      for (const { name, value } of attributes) if (SVG_URL_PROPERTIES.has(name)) for (const url of cssUrls(`a:${value}`)) links.push({ attribute: name, url });
    }
  }
  const style = valueOf('style');
  if (style !== undefined) for (const url of cssUrls(style)) links.push({ attribute: 'style', url });
  return links;
}

/** Attributes that hold one URL a browser fetches or follows, on whatever element they appear: what the script check reads. */
const URL_ATTRIBUTES = new Set([
  'href',
  'xlink:href',
  'src',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
  'lowsrc',
  'dynsrc',
  'cite',
  'longdesc',
  'codebase',
  'classid',
  'manifest',
  'icon',
]);
/** Attributes that hold several URLs. */
const URL_LIST_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'ping', 'archive']);

/** Where a URL is opened as a page of its own, so a `data:text/html` document would run. */
function isNavigable(tagName: string, namespace: Namespace, attribute: string): boolean {
  // An SVG <a>, <use> or animation, or a MathML link, may open a document of its own.
  if (namespace !== 'html') return true;
  switch (attribute) {
    case 'href':
      return tagName === 'a' || tagName === 'area' || tagName === 'base';
    case 'src':
      return tagName === 'iframe' || tagName === 'frame' || tagName === 'embed';
    case 'data':
      return tagName === 'object';
    case 'action':
    case 'formaction':
      return true;
    default:
      return false;
  }
}

/** The URLs of a `srcset`, with where each starts in the value. https://html.spec.whatwg.org/#parsing-a-srcset-attribute */
export function srcsetUrls(value: string): { url: string; start: number }[] {
  const urls: { url: string; start: number }[] = [];
  let position = 0;
  while (position < value.length) {
    while (position < value.length && /[\s,]/.test(value[position] ?? '')) position++;
    if (position >= value.length) break;
    const start = position;
    while (position < value.length && !/\s/.test(value[position] ?? '')) position++;
    let url = value.slice(start, position);
    const trailingCommas = /,+$/.exec(url);
    if (trailingCommas) {
      url = url.slice(0, -trailingCommas[0].length);
    } else {
      // Descriptors run to the next comma outside parentheses.
      let depth = 0;
      while (position < value.length) {
        const character = value[position];
        if (character === '(') depth++;
        else if (character === ')') depth = Math.max(0, depth - 1);
        else if (character === ',' && depth === 0) break;
        position++;
      }
    }
    if (url !== '') urls.push({ url, start });
  }
  return urls;
}

/** The URL of `<meta http-equiv="refresh" content="0; url=...">`. https://html.spec.whatwg.org/#shared-declarative-refresh-steps */
export function refreshUrl(content: string): string | undefined {
  const match = /^[\s\d.]*[;,]?\s*(?:url\s*=\s*)?(["']?)([\s\S]*)$/i.exec(content.trim());
  if (!match) return undefined;
  const [, quote = '', rest = ''] = match;
  const url = quote && rest.includes(quote) ? rest.slice(0, rest.indexOf(quote)) : rest;
  return url.trim() === '' ? undefined : url;
}

const SVG_ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform']);

/** The URLs an attribute holds, if it holds any. */
function urlsIn(tagName: string, namespace: Namespace, attribute: Attribute, all: readonly Attribute[]): string[] {
  const { name, value } = attribute;
  if (URL_ATTRIBUTES.has(name)) return [value];
  if (URL_LIST_ATTRIBUTES.has(name)) return name === 'srcset' || name === 'imagesrcset' ? srcsetUrls(value).map(({ url }) => url) : value.split(/\s+/);
  if (namespace === 'html' && tagName === 'meta' && name === 'content') {
    const httpEquiv = all
      .find((other) => other.name === 'http-equiv')
      ?.value.trim()
      .toLowerCase();
    const url = httpEquiv === 'refresh' ? refreshUrl(value) : undefined;
    return url === undefined ? [] : [url];
  }
  // <set attributeName="href" to="javascript:..."> gives an SVG link a new address after the page loads.
  if (namespace === 'svg' && SVG_ANIMATIONS.has(tagName.toLowerCase()) && ['to', 'from', 'by', 'values'].includes(name)) {
    const animated = all
      .find((other) => other.name.toLowerCase() === 'attributename')
      ?.value.trim()
      .toLowerCase();
    if (animated === 'href' || animated === 'xlink:href') return value.split(';');
  }
  return [];
}

/**
 * What on one element would run JavaScript: a `<script>` (in HTML, SVG or MathML) other than
 * JSON-LD data; any `on*` event-handler attribute; a `javascript:`/`vbscript:` URL, or a `data:`
 * document where it is opened as a page, in any URL-bearing attribute (a refresh `<meta>` included);
 * an `<iframe srcdoc>`, which is a page of its own. Values are taken as decoded by the parser.
 */
export function javaScriptOnElement(tagName: string, namespace: Namespace, attributes: readonly Attribute[]): JavaScriptOnElement[] {
  const found: JavaScriptOnElement[] = [];
  const tag = tagName.toLowerCase();
  if (tag === 'script') {
    const type = attributes
      .find((attribute) => attribute.name.toLowerCase() === 'type')
      ?.value.trim()
      .toLowerCase();
    if (type !== 'application/ld+json') found.push({ kind: 'script', what: '<script>' });
  }
  for (const attribute of attributes) {
    const name = attribute.name.toLowerCase();
    if (/^on[a-z]+$/.test(name)) {
      found.push({ kind: 'handler', what: `${name} attribute`, attribute: name });
      continue;
    }
    if (name === 'srcdoc' && tag === 'iframe') {
      found.push({ kind: 'srcdoc', what: 'srcdoc attribute', attribute: name });
      continue;
    }
    const navigable = isNavigable(tag, namespace, name) || (tag === 'meta' && name === 'content');
    for (const url of urlsIn(tagName, namespace, { name, value: attribute.value }, attributes)) {
      const scheme = scriptingScheme(url, navigable);
      if (scheme) {
        found.push({ kind: 'url', what: `${scheme} link`, attribute: name, scheme });
        break;
      }
    }
  }
  return found;
}

/** Something that would run JavaScript, and where it is in the parsed text. */
export interface JavaScriptFound extends JavaScriptOnElement {
  /** 1-based line in the parsed text. */
  line: number;
  /** Offset in the parsed text of the attribute (or the start tag). */
  offset: number;
  /** The attribute's name as written, `onClick`: the parser lowercases it. */
  writtenAttribute?: string;
}

/** What on one parsed element would run JavaScript, and where; `text` is what was parsed. */
export function javaScriptOnParsedElement(element: HtmlElement, attributes: readonly Attribute[], text: string): JavaScriptFound[] {
  if (attributes.length === 0 && element.tagName !== 'script') return [];
  return javaScriptOnElement(element.tagName, namespaceOf(element), attributes).map((finding) => {
    const { line, offset } = locationOf(element, finding.attribute) ?? { line: 1, offset: 0 };
    const written = finding.attribute !== undefined ? text.slice(offset, offset + finding.attribute.length) : undefined;
    return { ...finding, line, offset, ...(written && written.toLowerCase() === finding.attribute ? { writtenAttribute: written } : {}) };
  });
}

/** Everything below `root` that would run JavaScript, in document order. `text` is what was parsed. */
export function javaScriptIn(root: ParentNode, text: string): JavaScriptFound[] {
  const found: JavaScriptFound[] = [];
  for (const element of elements(root)) found.push(...javaScriptOnParsedElement(element, attributesOf(element), text));
  return found;
}

/** One start tag in a raw HTML string, with where it and each attribute are written. */
export interface RawStartTag {
  tagName: string;
  namespace: Namespace;
  attributes: Attribute[];
  /** Offset of the `<`. */
  start: number;
  /** Where each attribute is written, `name="value"` whole, by name. */
  spans: ReadonlyMap<string, { start: number; end: number }>;
}

/** The start tags a browser would make of a raw HTML string (comments, text and raw text excluded). */
export function rawStartTags(raw: string): RawStartTag[] {
  const tags: RawStartTag[] = [];
  for (const element of elements(parseHtmlFragment(raw))) {
    const location = element.sourceCodeLocation;
    const startTag = location?.startTag;
    // Elements the parser implied (a <tbody>, a closing-tag-less <p>) have no tag of their own.
    if (!location || !startTag || raw[startTag.startOffset] !== '<') continue;
    const spans = new Map<string, { start: number; end: number }>();
    for (const [name, span] of Object.entries(location.attrs ?? {})) spans.set(name, { start: span.startOffset, end: span.endOffset });
    tags.push({ tagName: element.tagName, namespace: namespaceOf(element), attributes: attributesOf(element), start: startTag.startOffset, spans });
  }
  return tags;
}

/** An attribute value between quotes, with what would end or change it escaped. */
export function quoteAttribute(value: string, quote: '"' | "'" = '"'): string {
  const escaped = value.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
  return `${quote}${escaped}${quote}`;
}

/** A change to a raw HTML string: a new value for an attribute, or text inserted at an offset. */
export type RawEdit = { tag: RawStartTag; attribute: string; value: string } | { at: number; text: string };

/**
 * Applies edits to raw HTML and leaves every other character as written: an attribute's value is
 * replaced in its own quotes (an unquoted or missing value gets double quotes); its name, the
 * spacing around `=` and the rest of the tag stay as they were.
 */
export function editRawHtml(raw: string, edits: readonly RawEdit[]): string {
  const splices: { start: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    if ('at' in edit) {
      splices.push({ start: edit.at, end: edit.at, text: edit.text });
      continue;
    }
    const span = edit.tag.spans.get(edit.attribute);
    if (!span) continue;
    const written = raw.slice(span.start, span.end);
    const equals = written.indexOf('=');
    if (equals === -1) {
      splices.push({ start: span.end, end: span.end, text: `=${quoteAttribute(edit.value)}` });
      continue;
    }
    const valueStart = equals + 1 + (/^\s*/.exec(written.slice(equals + 1))?.[0].length ?? 0);
    const quote = written[valueStart] === "'" ? "'" : '"';
    splices.push({ start: span.start + valueStart, end: span.end, text: quoteAttribute(edit.value, quote) });
  }
  let result = raw;
  for (const { start, end, text } of splices.sort((a, b) => b.start - a.start)) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/** Something in the markup the parser read differently from the newest Chromium, and where. */
export interface Disagreement {
  /** Offset in the parsed text. */
  offset: number;
  line: number;
  message: string;
}

/** The message for markup inside a `<select>` that parse5 drops. */
export const SELECT_DISAGREEMENT =
  'markup inside <select> other than <option>, <optgroup> and <hr> is read differently by browsers: the newest Chromium keeps it (customizable select), older parsers drop it, so the checks cannot see what a visitor gets. Write only <option>, <optgroup> and <hr> inside <select>, or show the choices as a list.';

/**
 * Where parse5 and the newest Chromium may build different trees from the same markup, so the checks
 * would not see what a visitor's browser runs: today, tags inside `<select>` that parse5 drops and
 * Chromium's customizable select keeps (`<select><img onerror=...>`). Found by what the parser left
 * out: any character inside a `<select>` that no node of its tree was made from. Needs locations.
 */
export function parserDisagreements(root: ParentNode, text: string): Disagreement[] {
  const found: Disagreement[] = [];
  for (const element of elements(root)) {
    if (element.tagName !== 'select' || namespaceOf(element) !== 'html') continue;
    const location = element.sourceCodeLocation;
    if (!location?.startTag) continue;
    const start = location.startTag.endOffset;
    const end = location.endTag?.startOffset ?? location.endOffset;
    const covered: [number, number][] = [];
    let dropped: number | undefined;
    const stack: Node[] = [...element.childNodes];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      const at = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
      if ('tagName' in node) {
        const own = node.sourceCodeLocation;
        if (own?.startTag) covered.push([own.startTag.startOffset, own.startTag.endOffset]);
        if (own?.endTag) covered.push([own.endTag.startOffset, own.endTag.endOffset]);
        stack.push(...node.childNodes);
      } else if (at) {
        // Adjacent text is merged into one node whose span runs over a tag dropped between the parts.
        const raw = text.slice(at.startOffset, at.endOffset);
        const value = 'value' in node && typeof node.value === 'string' ? node.value : '';
        const count = (within: string) => within.split('<').length - 1;
        if (count(raw) > count(value)) dropped ??= at.startOffset + (count(value) === 0 ? raw.indexOf('<') : 0);
        covered.push([at.startOffset, at.endOffset]);
      }
    }
    covered.sort((a, b) => a[0] - b[0]);
    let cursor = start;
    const gaps: [number, number][] = [];
    for (const [from, to] of covered) {
      if (from > cursor) gaps.push([cursor, Math.min(from, end)]);
      cursor = Math.max(cursor, to);
    }
    if (cursor < end) gaps.push([cursor, end]);
    const gap = gaps.find(([from, to]) => text.slice(from, to).trim() !== '');
    const gapAt = gap ? gap[0] + (text.slice(gap[0], gap[1]).length - text.slice(gap[0], gap[1]).trimStart().length) : undefined;
    const offset = gapAt === undefined ? dropped : dropped === undefined ? gapAt : Math.min(gapAt, dropped);
    if (offset === undefined) continue;
    found.push({ offset, line: text.slice(0, offset).split('\n').length, message: SELECT_DISAGREEMENT });
  }
  return found;
}
