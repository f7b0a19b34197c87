import { describe, expect, it } from 'vitest';
import { ogLocale, pageTitle, socialMetaTags } from '../../src/lib/seo/meta.ts';
import { robotsTxt } from '../../src/lib/seo/robots.ts';

const page = {
  title: 'Amazon · Ada',
  description: 'Streaming data.',
  url: 'https://ada.github.io/portfolio/work/amazon',
  siteName: 'Ada',
  type: 'website' as const,
};

/** Tags as `key=content` lines, easy to compare. */
const lines = (tags: ReturnType<typeof socialMetaTags>) => tags.map((tag) => `${'property' in tag ? tag.property : tag.name}=${tag.content}`);

describe('socialMetaTags', () => {
  it('gives Open Graph and a summary Twitter card for a page without an image', () => {
    expect(lines(socialMetaTags(page))).toEqual([
      'og:type=website',
      'og:site_name=Ada',
      'og:title=Amazon · Ada',
      'og:description=Streaming data.',
      'og:url=https://ada.github.io/portfolio/work/amazon',
      'twitter:card=summary',
      'twitter:title=Amazon · Ada',
      'twitter:description=Streaming data.',
    ]);
  });

  it('adds the image, its text alternative, size and locale when given', () => {
    const tags = lines(
      socialMetaTags({ ...page, type: 'profile', lang: 'en-GB', image: { url: 'https://a.dev/logo.png', alt: 'Amazon logo', width: 320, height: 200 } }),
    );
    expect(tags).toContain('og:type=profile');
    expect(tags).toContain('og:locale=en_GB');
    expect(tags).toContain('og:image=https://a.dev/logo.png');
    expect(tags).toContain('og:image:alt=Amazon logo');
    expect(tags).toContain('og:image:width=320');
    expect(tags).toContain('og:image:height=200');
    expect(tags).toContain('twitter:image=https://a.dev/logo.png');
    expect(tags).toContain('twitter:card=summary_large_image');
    expect(tags).toContain('twitter:image:alt=Amazon logo');
  });

  it('uses property for Open Graph and name for everything else', () => {
    for (const tag of socialMetaTags(page)) {
      expect('property' in tag ? tag.property.startsWith('og:') : tag.name.startsWith('twitter:')).toBe(true);
    }
  });
});

describe('small rules', () => {
  it.each([
    ['en', undefined],
    ['en-GB', 'en_GB'],
    ['pt-br', 'pt_BR'],
    ['zh-Hant', undefined],
  ])('og:locale of %s is %s', (lang, locale) => {
    expect(ogLocale(lang)).toBe(locale);
  });

  it.each([
    ['Amazon', 'Ada', false, 'Amazon · Ada'],
    ['Ada', 'Ada', true, 'Ada'],
    ['Work', 'Ada', false, 'Work · Ada'],
  ])('the title of %s on %s’s site (home: %s) is %s', (title, siteName, isHome, expected) => {
    expect(pageTitle(title, siteName, isHome)).toBe(expected);
  });

  it.each([
    ['A title that is long enough that with the name it passes seventy', 'Jane Doe', 'A title that is long enough that with the name it passes seventy'],
    [
      'An exceptionally long title that no browser tab or search result would ever show in full, however wide',
      'Jane Doe',
      'An exceptionally long title that no browser tab or search result…',
    ],
  ])('keeps <title> within 70 characters: %s', (title, siteName, expected) => {
    const result = pageTitle(title, siteName, false);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(70);
  });

  it.each([['https://ada.github.io/portfolio/sitemap-index.xml'], ['https://ada.dev/sitemap-index.xml']])(
    'robots.txt allows everything and points to %s',
    (sitemap) => {
      expect(robotsTxt(sitemap)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
    },
  );
});
