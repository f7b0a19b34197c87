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
  /** What on the page would run JavaScript: `<script>`, `onclick attribute`, `javascript: link`. */
  javascript: string[];
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

// Comments, and the text inside <script>/<style>/<textarea>, hold no tags (their opening tags are kept).
const NOT_MARKUP = /<!--[\s\S]*?-->|(<(script|style|textarea)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi;
const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an attribute value may hold: `&amp;`, `&#39;`, `&#x2F;`. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** `srcset` lists several URLs, each followed by an optional width or density. */
function splitSrcset(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/**
 * Reads the links and ids of one page of HTML. A start-tag scanner rather than a full parser: built
 * pages are well-formed (html-validate checks them), and a build of many pages reads every one.
 */
export function extractPageFacts(html: string): PageFacts {
  const links: PageLink[] = [];
  const ids = new Set<string>();
  const javascript: string[] = [];
  const markup = html.replace(NOT_MARKUP, (_whole, openingTag: string | undefined) => openingTag ?? '');
  for (const [, rawName = '', rawAttributes = ''] of markup.matchAll(START_TAG)) {
    const name = rawName.toLowerCase();
    const wanted = URL_ATTRIBUTES[name];
    if (!wanted && !/\b(id|name|on[a-z]+)\s*=/i.test(rawAttributes)) continue;
    const attributes = new Map<string, string>();
    for (const [, attribute = '', double, single, bare] of rawAttributes.matchAll(ATTRIBUTE)) {
      const key = attribute.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decodeEntities(double ?? single ?? bare ?? ''));
    }
    if (name === 'script' && attributes.get('type')?.toLowerCase() !== 'application/ld+json') javascript.push('<script>');
    for (const key of attributes.keys()) if (/^on[a-z]+$/.test(key)) javascript.push(`${key} attribute`);
    const id = attributes.get('id');
    if (id) ids.add(id);
    const anchorName = name === 'a' ? attributes.get('name') : undefined;
    if (anchorName) ids.add(anchorName);
    for (const attribute of wanted ?? []) {
      const value = attributes.get(attribute);
      if (value === undefined) continue;
      const source = `${name}[${attribute}]`;
      const urls = attribute === 'srcset' ? splitSrcset(value) : [value.trim()];
      for (const url of urls) {
        if (/^javascript:/i.test(url.replace(/\s/g, ''))) javascript.push('javascript: link');
        links.push({ source, url });
      }
    }
  }
  return { links, ids, javascript };
}
