import { truncateText } from '../html/page-facts.ts';

/**
 * The `<meta>` tags that describe a page to search engines and link previews: Open Graph
 * (https://ogp.me) and Twitter cards. Returned as data so the layout only maps them to elements.
 */

/** One `<meta>` element: Open Graph uses `property`, everything else `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface PageFacts {
  /** The full title, as in `<title>`. */
  title: string;
  description: string;
  /** The page's absolute canonical URL. */
  url: string;
  /** The site's name: the owner's name. */
  siteName: string;
  /** `profile` for the owner's home page, `article` for a post, `website` for the rest. */
  type: 'website' | 'profile' | 'article';
  /** An absolute image URL with its text alternative, for a preview card. */
  image?: { url: string; alt: string; width?: number | undefined; height?: number | undefined } | undefined;
  /** The page language, BCP 47 (`en-GB`); written as Open Graph's `en_GB`. */
  lang?: string | undefined;
}

/** Open Graph `og:locale` is `language_TERRITORY` (`en_GB`); a tag without a territory has none to give. */
export function ogLocale(lang: string): string | undefined {
  const [language = '', region] = lang.split('-');
  return region && /^[A-Za-z]{2}$/.test(region) ? `${language.toLowerCase()}_${region.toUpperCase()}` : undefined;
}

export function socialMetaTags(page: PageFacts): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: page.type },
    { property: 'og:site_name', content: page.siteName },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: page.url },
  ];
  const locale = page.lang && ogLocale(page.lang);
  if (locale) tags.push({ property: 'og:locale', content: locale });
  if (page.image) {
    tags.push({ property: 'og:image', content: page.image.url }, { property: 'og:image:alt', content: page.image.alt });
    if (page.image.width && page.image.height) {
      tags.push({ property: 'og:image:width', content: String(page.image.width) }, { property: 'og:image:height', content: String(page.image.height) });
    }
  }
  // Every page has a wide social card made for it; a page without one gets the small text card.
  tags.push(
    { name: 'twitter:card', content: page.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: page.title },
    { name: 'twitter:description', content: page.description },
  );
  if (page.image) {
    tags.push({ name: 'twitter:image', content: page.image.url }, { name: 'twitter:image:alt', content: page.image.alt });
  }
  return tags;
}

/** The longest `<title>` search results show in full, and the most html-validate's `long-title` rule allows. */
export const TITLE_TAG_MAX_LENGTH = 70;

/**
 * The `<title>`: the page's own title, then the owner's name, except on the home page (just the name).
 * Within 70 characters: the name is dropped first, then the title is cut at a word.
 */
export function pageTitle(title: string, siteName: string, isHome: boolean): string {
  const full = isHome || title === siteName ? title : `${title} · ${siteName}`;
  if (full.length <= TITLE_TAG_MAX_LENGTH) return full;
  return truncateText(title, TITLE_TAG_MAX_LENGTH);
}
