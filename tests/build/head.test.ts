import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, elementsBelow, mainOf, parseHtml, select, textOf, type Element } from '../helpers/html-tree.ts';
import { FIXTURE_SITE_ENV, fixtureSiteBuild, readBuiltSite, type BuiltSite } from '../helpers/site.ts';

const ORIGIN_AND_BASE = `${FIXTURE_SITE_ENV.SITE_URL}${FIXTURE_SITE_ENV.BASE_PATH}`;

/** Each page of the fixture site (tests/fixtures/site), by file, with its permalink. */
const PAGES = [
  ['index.html', '/'],
  ['work/index.html', '/work/'],
  ['work/aws-intern.html', '/work/aws-intern'],
  ['work/gt.html', '/work/gt'],
  ['work/2019/summer-research.html', '/work/2019/summer-research'],
  ['work/orbital.html', '/work/orbital'],
  ['about.html', '/about.html'],
  ['blog/index.html', '/blog/'],
  ['shell/2019/06/10/useful-shell-aliases.html', '/shell/2019/06/10/useful-shell-aliases.html'],
  ['404.html', '/404'],
] as const;

/** A page's `<head>`, as a browser reads it. */
function headOf(html: string): Element {
  const head = select(parseHtml(html), (element) => element.tagName === 'head')[0];
  if (!head) throw new Error('the page has no <head>');
  return head;
}

/** The `content` of a `<meta>` by its `name`, `property` or `http-equiv`. */
function meta(html: string, key: string): string | undefined {
  const tag = select(
    headOf(html),
    (element) => element.tagName === 'meta' && [attribute(element, 'name'), attribute(element, 'property'), attribute(element, 'http-equiv')].includes(key),
  );
  expect(tag.length, `at most one <meta> ${key}`).toBeLessThanOrEqual(1);
  return tag[0] && attribute(tag[0], 'content');
}

const titleOf = (html: string) =>
  select(headOf(html), (element) => element.tagName === 'title')
    .map(textOf)
    .join('');

const linkHref = (html: string, rel: string) =>
  select(headOf(html), (element) => element.tagName === 'link' && attribute(element, 'rel') === rel).map((link) => attribute(link, 'href'));

/** The raw text of an element (a `<script>` or `<style>`), exactly as written. */
const rawText = (element: Element) => element.childNodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : '')).join('');

/** The JSON-LD blocks of a page, parsed. */
const jsonLdOf = (html: string) =>
  select(parseHtml(html), (element) => element.tagName === 'script' && attribute(element, 'type') === 'application/ld+json').map(
    (script) => JSON.parse(rawText(script)) as Record<string, unknown>,
  );

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the head of every page, on a project site under /portfolio', () => {
  let site: BuiltSite;
  let dist: string;

  beforeAll(async () => {
    const result = await fixtureSiteBuild();
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('Complete!');
    dist = result.dist;
    site = await readBuiltSite(dist);
  });

  const html = (file: string) => site.pages.get(file) ?? '';

  it('builds exactly the expected pages', () => {
    expect([...site.pages.keys()].sort()).toEqual(PAGES.map(([file]) => file).sort());
  });

  it('gives every page a unique title of at most 70 characters', () => {
    const titles = [...site.pages.values()].map(titleOf);
    expect(new Set(titles).size).toBe(site.pages.size);
    expect(titles.filter((title) => title.length > 70)).toEqual([]);
  });

  it('shortens a long title at a word, dropping the owner’s name first; the heading keeps it whole', () => {
    const title = 'About me, the long version, with how I came to write software for a living';
    expect(titleOf(html('about.html'))).toBe('About me, the long version, with how I came to write software for a…');
    expect(select(mainOf(html('about.html')), (element) => element.tagName === 'h1').map(textOf)).toEqual([title]);
  });

  it.each(PAGES)('%s: description, canonical, Open Graph, Twitter card, feed and icon', (file, permalink) => {
    const page = html(file);
    const url = `${ORIGIN_AND_BASE}${permalink}`;
    expect(meta(page, 'description')).toBeTruthy();
    expect(linkHref(page, 'canonical')).toEqual([url]);
    expect(meta(page, 'og:url')).toBe(url);
    expect(meta(page, 'og:title')).toBe(titleOf(page));
    expect(meta(page, 'og:description')).toBe(meta(page, 'description'));
    expect(meta(page, 'og:site_name')).toBe('Your Name');
    expect(meta(page, 'og:type')).toBe(permalink === '/' ? 'profile' : file.startsWith('shell/') ? 'article' : 'website');
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(select(parseHtml(page), (element) => element.tagName === 'html').map((element) => attribute(element, 'lang'))).toEqual(['en']);
    expect(linkHref(page, 'icon')).toEqual(['/portfolio/favicon.svg']);
    expect(
      select(headOf(page), (element) => element.tagName === 'link' && attribute(element, 'rel') === 'alternate').map(
        (link) => `${attribute(link, 'type')} ${attribute(link, 'href')}`,
      ),
    ).toEqual(['application/atom+xml /portfolio/feed.xml']);
  });

  it.each(PAGES)('%s: a strict CSP meta that allows exactly its inline styles, by hash', (file) => {
    const page = html(file);
    const policy = meta(page, 'content-security-policy') ?? '';
    const directives = policy.split('; ');
    expect(directives.filter((directive) => !directive.startsWith('style-src '))).toEqual([
      "default-src 'none'",
      "script-src 'none'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|frame-ancestors|report-uri|sandbox/);
    // Every <style> by the hash of its text; every style="" by the hash of its value, with 'unsafe-hashes'.
    const all = [...elementsBelow(parseHtml(page))];
    const styles = all.filter((element) => element.tagName === 'style').map(rawText);
    const attributes = all.map((element) => attribute(element, 'style')).filter((value): value is string => value !== undefined);
    const allowed = (directives.find((directive) => directive.startsWith('style-src ')) ?? '').split(' ').slice(1);
    expect(new Set(allowed)).toEqual(new Set([...styles.map(sha256), ...(attributes.length > 0 ? ["'unsafe-hashes'", ...attributes.map(sha256)] : [])]));
    // A meta policy only governs what follows it: it comes right after the charset.
    const head = headOf(page).childNodes.filter((node): node is Element => 'tagName' in node);
    expect(head.slice(0, 2).map((element) => element.attrs.map((attr) => attr.name).join(' '))).toEqual(['charset', 'http-equiv content']);
  });

  it('allows a body’s own style="" by its hash with \'unsafe-hashes\', and a body’s <style> by its hash', () => {
    const policy = meta(html('about.html'), 'content-security-policy') ?? '';
    expect(policy).toContain(`'unsafe-hashes' ${sha256('color: #b45309')}`);
    expect(policy).toContain(sha256('\n.about-note { font-style: italic; }\n'));
    // A page without its own styles allows only the site's stylesheet.
    expect(meta(html('work/gt.html'), 'content-security-policy')).not.toContain("'unsafe-hashes'");
  });

  it('describes the home page as the owner: a Person with jobTitle and profiles', () => {
    expect(jsonLdOf(html('index.html'))).toEqual([
      expect.objectContaining({
        '@context': 'https://schema.org',
        '@type': 'Person',
        name: 'Your Name',
        jobTitle: 'Software Engineer',
        url: `${ORIGIN_AND_BASE}/`,
        sameAs: ['https://github.com/your-username', 'https://www.linkedin.com/in/your-username'],
      }),
    ]);
  });

  it.each([
    // "3/2021 - Present": still going on, so the organization the owner works for.
    ['work/orbital.html', 'worksFor', [{ roleName: 'Platform Engineer', startDate: '2021-03' }]],
    ['work/aws-intern.html', 'alumniOf', [{ roleName: 'Software Engineering Intern', startDate: '2018-06', endDate: '2018-08' }]],
    ['work/gt.html', 'alumniOf', [{ roleName: "Master's Degree", startDate: '2017-08', endDate: '2019-05' }]],
    ['work/2019/summer-research.html', 'alumniOf', [{ roleName: 'Research assistant', startDate: '2019', endDate: '2019' }]],
  ])('describes %s as a ProfilePage whose Person %s the organization, with the periods of the record’s date', (file, property, roles) => {
    const [data] = jsonLdOf(html(file));
    expect(data).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person' } });
    const found = (data?.['mainEntity'] as Record<string, unknown> | undefined)?.[property];
    const list = (Array.isArray(found) ? found : [found]) as Record<string, unknown>[];
    expect(list.map(({ roleName, startDate, endDate }) => ({ roleName, startDate, ...(endDate === undefined ? {} : { endDate }) }))).toEqual(roles);
    for (const role of list) expect(role).toMatchObject({ '@type': 'OrganizationRole', [property]: { '@type': 'Organization' } });
  });

  it('escapes markup inside JSON-LD, so a title cannot end the script', () => {
    const script = select(parseHtml(html('work/2019/summer-research.html')), (element) => element.tagName === 'script').map(rawText)[0] ?? '';
    expect(script).not.toContain('<');
    expect(JSON.parse(script)).toMatchObject({ name: 'Research <em>Lab</em> · Your Name' });
  });

  it('describes the work index as a CollectionPage, the blog as a Blog, a post as a BlogPosting; keeps the 404 page out of search results', () => {
    expect(jsonLdOf(html('work/index.html'))).toEqual([expect.objectContaining({ '@type': 'CollectionPage' })]);
    expect(jsonLdOf(html('blog/index.html'))).toEqual([expect.objectContaining({ '@type': 'Blog' })]);
    expect(jsonLdOf(html('shell/2019/06/10/useful-shell-aliases.html'))).toEqual([
      expect.objectContaining({ '@type': 'BlogPosting', headline: 'Useful shell aliases', datePublished: '2019-06-10T00:00:00+00:00' }),
    ]);
    const notFound = html('404.html');
    expect(jsonLdOf(notFound)).toEqual([]);
    expect(meta(notFound, 'robots')).toBe('noindex');
  });

  it('writes robots.txt pointing to the sitemap on the deployed origin and base', async () => {
    expect(await readFile(join(dist, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN_AND_BASE}/sitemap-index.xml\n`);
    expect(site.files.has('sitemap-index.xml')).toBe(true);
  });

  it('renders a record image as AVIF and WebP at up to 400 px, no wider than its file, with a width and height, beside the record’s name', () => {
    const pictures = select(mainOf(html('work/orbital.html')), (element) => element.tagName === 'picture');
    expect(pictures).toHaveLength(1);
    const [picture] = pictures as [Element];
    const sources = select(picture, (element) => element.tagName === 'source').map((source) => [
      attribute(source, 'type'),
      attribute(source, 'sizes'),
      attribute(source, 'srcset'),
    ]);
    const sizes = '(min-width: 440px) 400px, calc(100vw - 40px)';
    expect(sources.map(([type, shown]) => `${type} ${shown}`)).toEqual([`image/avif ${sizes}`, `image/webp ${sizes}`]);
    // The file is 320 px wide: no copy is made wider than it.
    for (const [type, , srcset] of sources) {
      const extension = type === 'image/avif' ? 'avif' : 'webp';
      expect(srcset).toMatch(new RegExp(`^/portfolio/_astro/[^ ]+\\.${extension} 320w$`));
    }
    const [image] = select(picture, (element) => element.tagName === 'img');
    // The name is written beside the image, so the image itself says nothing more to a screen reader.
    expect(image && ['alt', 'width', 'height'].map((name) => attribute(image, name))).toEqual(['', '320', '320']);
    const urls = select(picture, () => true).flatMap((element) => [
      attribute(element, 'src'),
      ...(attribute(element, 'srcset') ?? '').split(',').map((part) => part.trim().split(' ')[0]),
    ]);
    for (const url of urls.filter((value): value is string => Boolean(value))) expect(site.files.has(url.slice('/portfolio/'.length)), url).toBe(true);
    // The original stays at the address the record names.
    expect(site.files.has('images/work/orbital-logo.png')).toBe(true);
  });

  it('gives link previews the page’s own social card, under the base', () => {
    const page = html('work/orbital.html');
    const image = meta(page, 'og:image') ?? '';
    expect(image).toBe(`${ORIGIN_AND_BASE}/og/work/orbital.png`);
    expect(site.files.has('og/work/orbital.png')).toBe(true);
    expect(meta(page, 'og:image:alt')).toBe('Orbital Labs, Your Name');
    expect(meta(page, 'twitter:image')).toBe(image);
    expect(meta(html('work/gt.html'), 'og:image')).toBe(`${ORIGIN_AND_BASE}/og/work/gt.png`);
  });
});
