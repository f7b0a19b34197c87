import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { lookupTable } from '../lookup.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The attributes whose root-relative URLs a feed reader must receive as absolute ones. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = lookupTable({
  a: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
});

function* elementsOf(nodes: readonly Node[]): Generator<Element> {
  for (const node of nodes) {
    if (!('tagName' in node)) continue;
    yield node;
    yield* elementsOf(node.childNodes);
  }
}

/**
 * The HTML with every root-relative link and image made absolute on `origin`
 * (`/work/acme` becomes `https://jane.dev/work/acme`), for feed readers, which read a post away from
 * the site. Only the attribute values change; everything else is kept byte for byte, by rewriting at
 * the offsets the parser reports.
 */
export function absoluteUrls(html: string, origin: string): string {
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? new URL(url, origin).href : url);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const element of elementsOf(parseFragment(html, { sourceCodeLocationInfo: true }).childNodes)) {
    for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
      const attribute = element.attrs.find((candidate) => candidate.name === name);
      const location = element.sourceCodeLocation?.attrs?.[name];
      if (!attribute || !location) continue;
      const value =
        name === 'srcset'
          ? attribute.value
              .split(',')
              .map((candidate) => candidate.trim().replace(/^\S+/, absolute))
              .join(', ')
          : absolute(attribute.value.trim());
      if (value === attribute.value) continue;
      const escaped = value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
      edits.push({ start: location.startOffset, end: location.endOffset, text: `${name}="${escaped}"` });
    }
  }
  let result = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
