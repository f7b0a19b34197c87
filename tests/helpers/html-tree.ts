import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { BLOCK_ELEMENTS } from '../../src/lib/html/blocks.ts';

/** Reading built pages as a browser does: parse5's tree, never regexes over markup. */

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html);
}

/** Every element below `root`, in document order. */
export function* elementsBelow(root: Node): Generator<Element> {
  const children = 'childNodes' in root ? root.childNodes : [];
  for (const child of children) {
    if ('tagName' in child) yield child;
    yield* elementsBelow(child);
  }
}

export const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

export const hasClass = (element: Element, name: string): boolean => (attribute(element, 'class') ?? '').split(/\s+/).includes(name);

/** The elements below `root` that match. */
export function select(root: Node, match: (element: Element) => boolean): Element[] {
  return [...elementsBelow(root)].filter(match);
}

/** The text a reader sees, whitespace folded to single spaces; inline markup (a highlighted token) adds no space. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeName === '#text') parts.push((current as DefaultTreeAdapterTypes.TextNode).value);
    if (!('tagName' in current) && current.nodeName !== '#document' && current.nodeName !== '#document-fragment') return;
    if ('tagName' in current && (current.tagName === 'script' || current.tagName === 'style' || current.tagName === 'template')) return;
    const block = 'tagName' in current && BLOCK_ELEMENTS.has(current.tagName);
    if (block) parts.push(' ');
    if ('childNodes' in current) for (const child of current.childNodes) walk(child);
    if (block) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The page's `<main>` (or, for Jekyll's output, the element that holds the content). */
export function mainOf(html: string): Element {
  const document = parseHtml(html);
  const main = select(document, (element) => element.tagName === 'main')[0];
  if (!main) throw new Error('the page has no <main>');
  return main;
}
