/**
 * A feed the Jekyll site wrote itself with Liquid: Poole's, Hyde's and Lanyon's `atom.xml`, an
 * `<feed>` (or `<rss>`) whose entries loop over `site.posts`. This project serves its own Atom feed
 * at that address too (`posts.feeds` in the site config), so the URL readers subscribed to keeps
 * working. The feed element is found with the project's HTML parser, the loop with liquidjs' tokenizer.
 */
import { Tokenizer, TypeGuards } from 'liquidjs';
import { elements, parseHtmlFragment } from '../../src/lib/links/html.ts';
import { extensionOf } from './reader.ts';

const FEED_EXTENSIONS = new Set(['.xml', '.atom', '.rss']);
const FEED_ELEMENTS = new Set(['feed', 'rss']);

/** Whether a file with front matter is a feed of the site's posts: its `<feed>` or `<rss>` loops over `site.posts`. */
export function isPostsFeed(path: string, body: string): boolean {
  if (!FEED_EXTENSIONS.has(extensionOf(path))) return false;
  if (![...elements(parseHtmlFragment(body))].some((element) => FEED_ELEMENTS.has(element.tagName))) return false;
  let tokens;
  try {
    tokens = new Tokenizer(body).readTopLevelTokens();
  } catch {
    return false;
  }
  return tokens.some((token) => TypeGuards.isTagToken(token) && token.name === 'for' && /\bin\s+site\.posts\b/.test(token.args));
}
