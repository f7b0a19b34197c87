import { ELEMENT_NODE, parse, walkSync, type ElementNode } from 'ultrahtml';

/** One URL a built page refers to. */
export interface PageLink {
  /** The element and attribute it came from, as `a[href]`. */
  source: string;
  url: string;
}

/** What a link checker needs to know about one built page. */
export interface PageFacts {
  links: PageLink[];
  /** Every `id` (and legacy `a[name]`) on the page: the targets a `#fragment` may name. */
  ids: Set<string>;
}

/** The attributes that hold a URL to fetch or follow, per element. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
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
};

/** `srcset` lists several URLs, each followed by an optional width or density. */
function splitSrcset(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Reads the links and ids of one page of HTML. */
export function extractPageFacts(html: string): PageFacts {
  const links: PageLink[] = [];
  const ids = new Set<string>();
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const element = node as ElementNode;
    const { attributes } = element;
    if (attributes['id']) ids.add(attributes['id']);
    if (element.name === 'a' && attributes['name']) ids.add(attributes['name']);
    for (const attribute of URL_ATTRIBUTES[element.name] ?? []) {
      const value = attributes[attribute];
      if (value === undefined) continue;
      const source = `${element.name}[${attribute}]`;
      const urls = attribute === 'srcset' ? splitSrcset(value) : [value.trim()];
      for (const url of urls) links.push({ source, url });
    }
  });
  return { links, ids };
}
