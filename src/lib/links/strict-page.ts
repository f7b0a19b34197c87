import { cssUrls } from './css-urls.ts';
import { javaScriptOnElement, linkUrls, type Attribute } from './html.ts';
import type { PageFacts, PageJavaScript, PageLink } from './extract.ts';
import { lookupTable } from '../lookup.ts';

/**
 * The facts of a built page read in one pass, for pages written in the strict form this site's
 * layouts and Markdown renderer write: a doctype, `<html>`, `<head>`, `<body>`, every element
 * closed by its own end tag in order, attributes in quotes. For such a page the HTML standard's
 * parser makes exactly one element of each start tag, with that tag's attributes (no element is
 * implied with attributes, closed early, moved, copied or dropped), so the tags read here are the
 * elements a browser builds, in the same order. Anything outside that form returns `undefined`, and
 * the page is read by parse5 instead (`extractPageFacts`), as is every page where this finds script.
 * tests/unit/strict-page.test.ts holds it to parse5 on generated pages.
 */
export function strictPageFacts(html: string): PageFacts | undefined {
  // The preprocessor rewrites CR and NUL, and the tokenizer reads NUL differently per state.
  if (html.includes('\r') || html.includes('\0')) return undefined;
  if (!/^<!doctype html>/i.test(html)) return undefined;
  const reader = new StrictReader(html);
  return reader.read() ? reader.facts() : undefined;
}

/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Elements whose text is raw (no tags inside): read here only when that text holds no `<`. */
const RAW_TEXT = new Set(['style', 'script', 'title']);

/**
 * Start tags the tree builder treats specially (implying, closing, moving, dropping or re-namespacing
 * elements, or switching the tokenizer to a state this reader does not follow): a page with any of
 * them is read by parse5.
 */
const PARSE5_ONLY = new Set([
  'html', 'head', 'body', 'frameset', 'frame', 'form', 'image', 'isindex',
  'table', 'caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'select', 'option', 'optgroup', 'datalist', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript',
  'plaintext', 'template', 'svg', 'math', 'keygen', 'param', 'basefont', 'bgsound', 'menuitem',
  'rb', 'rp', 'rt', 'rtc', 'nobr', 'button', 'applet', 'object', 'marquee', 'listing', 'search',
]);

/** Start tags that close an open `<p>` (the standard's "close a p element"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary',
  'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'li', 'dd', 'dt', 'hr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** The standard's "special" elements that end the search for an open `<li>`, `<dd>` or `<dt>` to close. */
const STOPS_LIST_ITEM_SEARCH = new Set([
  'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button',
  'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'dl', 'dt', 'embed', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'header', 'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'li', 'link', 'listing', 'main',
  'marquee', 'menu', 'meta', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'param', 'plaintext',
  'pre', 'script', 'search', 'section', 'select', 'source', 'style', 'summary', 'table', 'tbody', 'td',
  'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);
/** What the `<head>` may hold in the strict form. */
const HEAD_CONTENT = new Set(['meta', 'link', 'title', 'style', 'script', 'base']);

/** The character references read in attribute values; any other `&` sends the page to parse5. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = lookupTable({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });

const isWhitespace = (code: number) => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c;
const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
const isTagNameCharacter = (code: number) => isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d;
const isAttributeNameCharacter = (code: number) => isTagNameCharacter(code) || code === 0x5f || code === 0x3a || code === 0x2e;

/** A code point a numeric reference may name and stay itself: no controls, surrogates or noncharacters. */
function isPlainCodePoint(code: number): boolean {
  if (code === 0x09 || code === 0x0a) return true;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code >= 0xfdd0 && code <= 0xfdef) return false;
  if ((code & 0xfffe) === 0xfffe) return false;
  return code <= 0x10ffff;
}

class StrictReader {
  private position = 0;
  private readonly stack: string[] = [];
  /** Where the page is: before `<html>`, in `<html>` before `<head>`, in the head, between head and body, in the body, after it. */
  private part: 'start' | 'html' | 'head' | 'between' | 'body' | 'after-body' | 'end' = 'start';
  private readonly links: PageLink[] = [];
  private readonly ids = new Set<string>();
  private readonly javascriptAt: PageJavaScript[] = [];
  private readonly html: string;

  constructor(html: string) {
    this.html = html;
    this.position = '<!doctype html>'.length;
  }

  facts(): PageFacts {
    return { links: this.links, ids: this.ids, javascript: this.javascriptAt.map(({ what }) => what), javascriptAt: this.javascriptAt };
  }

  /** Reads the whole page; false as soon as it leaves the strict form. */
  read(): boolean {
    const { html } = this;
    while (this.position < html.length) {
      const next = html.indexOf('<', this.position);
      const textEnd = next === -1 ? html.length : next;
      if (!this.textAllowed(this.position, textEnd)) return false;
      if (next === -1) break;
      const after = html.charCodeAt(next + 1);
      if (isAsciiLetter(after)) {
        if (!this.startTag(next)) return false;
      } else if (after === 0x2f /* / */) {
        if (!this.endTag(next)) return false;
      } else {
        // Comments, `<!...>`, `<?...>` and a bare `<` have rules of their own.
        return false;
      }
    }
    return this.part === 'end' && this.stack.length === 0;
  }

  /** Text is only ever inside the body, or whitespace between the parts of the page. */
  private textAllowed(start: number, end: number): boolean {
    if (this.part === 'body' || start === end) {
      this.position = end;
      return true;
    }
    for (let index = start; index < end; index++) if (!isWhitespace(this.html.charCodeAt(index))) return false;
    this.position = end;
    return true;
  }

  private startTag(start: number): boolean {
    const { html } = this;
    let index = start + 1;
    while (index < html.length && isTagNameCharacter(html.charCodeAt(index))) index++;
    const name = html.slice(start + 1, index).toLowerCase();
    const attributes: Attribute[] = [];
    let selfClosing = false;
    for (;;) {
      const before = index;
      while (index < html.length && isWhitespace(html.charCodeAt(index))) index++;
      const code = html.charCodeAt(index);
      if (code === 0x3e /* > */) {
        index++;
        break;
      }
      if (code === 0x2f /* / */) {
        if (html.charCodeAt(index + 1) !== 0x3e) return false;
        selfClosing = true;
        index += 2;
        break;
      }
      // An attribute starts after whitespace; `a="x"b` and `<a"` are read by parse5.
      if (index === before || !(isAsciiLetter(code) || code === 0x5f || code === 0x3a)) return false;
      const nameStart = index;
      while (index < html.length && isAttributeNameCharacter(html.charCodeAt(index))) index++;
      const attributeName = html.slice(nameStart, index).toLowerCase();
      let cursor = index;
      while (cursor < html.length && isWhitespace(html.charCodeAt(cursor))) cursor++;
      let value = '';
      if (html.charCodeAt(cursor) === 0x3d /* = */) {
        cursor++;
        while (cursor < html.length && isWhitespace(html.charCodeAt(cursor))) cursor++;
        const quote = html.charCodeAt(cursor);
        if (quote !== 0x22 && quote !== 0x27) return false;
        const close = html.indexOf(quote === 0x22 ? '"' : "'", cursor + 1);
        if (close === -1) return false;
        const decoded = decodeAttributeValue(html.slice(cursor + 1, close));
        if (decoded === undefined) return false;
        value = decoded;
        index = close + 1;
        const following = html.charCodeAt(index);
        if (!(isWhitespace(following) || following === 0x3e || following === 0x2f)) return false;
      } else {
        const following = html.charCodeAt(index);
        if (!(isWhitespace(following) || following === 0x3e || following === 0x2f)) return false;
      }
      // A name written twice keeps its first value.
      if (!attributes.some((attribute) => attribute.name === attributeName)) attributes.push({ name: attributeName, value });
    }
    if (!this.placeStartTag(name, selfClosing)) return false;
    this.record(name, attributes);
    this.position = index;
    if (RAW_TEXT.has(name)) {
      // Raw text is read here only up to its own end tag, with no `<` before it.
      const close = html.indexOf('<', index);
      const endTag = `</${name}>`;
      if (close === -1 || html.slice(close, close + endTag.length).toLowerCase() !== endTag) return false;
      this.stack.pop();
      if (name === 'style') for (const url of cssUrls(html.slice(index, close))) this.links.push({ source: 'style', url, line: 1 });
      this.position = close + endTag.length;
    }
    return true;
  }

  /** Puts a start tag where the tree builder would, or answers false where it would do more than that. */
  private placeStartTag(name: string, selfClosing: boolean): boolean {
    const { stack } = this;
    if (name === 'html' || name === 'head' || name === 'body') {
      const expected = { html: 'start', head: 'html', body: 'between' } as const;
      if (this.part !== expected[name] || selfClosing) return false;
      this.part = name === 'html' ? 'html' : name === 'head' ? 'head' : 'body';
      stack.push(name);
      return true;
    }
    if (this.part === 'head') {
      if (!HEAD_CONTENT.has(name) || stack[stack.length - 1] !== 'head') return false;
    } else if (this.part !== 'body') {
      return false;
    }
    if (PARSE5_ONLY.has(name)) return false;
    if (CLOSES_P.has(name) && stack.includes('p')) return false;
    if (HEADINGS.has(name) && HEADINGS.has(stack[stack.length - 1] ?? '')) return false;
    if (name === 'a' && stack.includes('a')) return false;
    if (name === 'li' || name === 'dd' || name === 'dt') {
      const closes = name === 'li' ? ['li'] : ['dd', 'dt'];
      for (let depth = stack.length - 1; depth >= 0; depth--) {
        const open = stack[depth] ?? '';
        if (closes.includes(open)) return false;
        if (STOPS_LIST_ITEM_SEARCH.has(open) && open !== 'address' && open !== 'div' && open !== 'p') break;
      }
    }
    if (VOID.has(name)) return true;
    // `<div/>` is an open <div> in HTML: the slash is ignored.
    stack.push(name);
    return true;
  }

  private endTag(start: number): boolean {
    const { html, stack } = this;
    let index = start + 2;
    if (!isAsciiLetter(html.charCodeAt(index))) return false;
    while (index < html.length && isTagNameCharacter(html.charCodeAt(index))) index++;
    const name = html.slice(start + 2, index).toLowerCase();
    if (html.charCodeAt(index) !== 0x3e) return false;
    // Every element is closed by its own end tag, innermost first.
    if (stack[stack.length - 1] !== name) return false;
    stack.pop();
    if (name === 'head') this.part = 'between';
    else if (name === 'body') this.part = 'after-body';
    else if (name === 'html') {
      if (this.part !== 'after-body') return false;
      this.part = 'end';
    }
    this.position = index + 1;
    return true;
  }

  /** What `extractPageFacts` reads of one element. */
  private record(tagName: string, attributes: readonly Attribute[]): void {
    if (attributes.length === 0 && tagName !== 'script') return;
    // Script needs a <script>, an on* or srcdoc attribute, or a value naming a scheme that runs:
    // `javascript:`, `vbscript:` or `data:`, which tabs and line breaks cannot split. Most elements have none.
    if (tagName === 'script' || attributes.some(({ name, value }) => name.startsWith('on') || name === 'srcdoc' || mayNameScriptScheme(value))) {
      for (const { what } of javaScriptOnElement(tagName, 'html', attributes)) this.javascriptAt.push({ what, line: 1 });
    }
    if (attributes.length === 0) return;
    const valueOf = (name: string) => attributes.find((attribute) => attribute.name === name)?.value;
    const id = valueOf('id');
    if (id) this.ids.add(id);
    const anchorName = tagName === 'a' ? valueOf('name') : undefined;
    if (anchorName) this.ids.add(anchorName);
    for (const { attribute, url } of linkUrls(tagName, 'html', attributes)) this.links.push({ source: `${tagName}[${attribute}]`, url, line: 1 });
  }
}

/** Whether a value may hold a URL whose scheme runs script: `script:` or `data:` once tabs and line breaks are out. */
function mayNameScriptScheme(value: string): boolean {
  if (!value.includes(':')) return false;
  return /script:|data:/i.test(/[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, '') : value);
}

/** An attribute value with its character references decoded, or undefined for one this reader leaves to parse5. */
function decodeAttributeValue(raw: string): string | undefined {
  if (!raw.includes('&')) return raw;
  let result = '';
  let last = 0;
  for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', last)) {
    const end = raw.indexOf(';', at);
    if (end === -1) return undefined;
    const reference = raw.slice(at + 1, end);
    let text: string | undefined;
    if (reference.startsWith('#')) {
      const digits = reference.slice(1);
      const code = /^[xX][0-9a-fA-F]{1,6}$/.test(digits) ? parseInt(digits.slice(1), 16) : /^[0-9]{1,7}$/.test(digits) ? parseInt(digits, 10) : undefined;
      text = code !== undefined && isPlainCodePoint(code) ? String.fromCodePoint(code) : undefined;
    } else {
      text = NAMED_REFERENCES[reference];
    }
    if (text === undefined) return undefined;
    result += raw.slice(last, at) + text;
    last = end + 1;
  }
  return result + raw.slice(last);
}
