import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBuiltSite, type BuiltSite } from '../helpers/site.ts';
import { buildVisitorSite, VISITOR_ENV } from '../helpers/visitor-site.ts';

const ORIGIN_AND_BASE = `${VISITOR_ENV.SITE_URL}${VISITOR_ENV.BASE_PATH}`;

/** The `content` of a `<meta>` by its `name`, `property` or `http-equiv`. Our own output, so a regex suffices. */
function meta(html: string, key: string): string | undefined {
  const tag = [...html.matchAll(/<meta\b(?:[^>"]|"[^"]*")*>/g)].map((match) => match[0]).find((tag) => new RegExp(`(name|property|http-equiv)="${key}"`).test(tag));
  const content = tag && /content="([^"]*)"/.exec(tag)?.[1];
  return content === undefined ? undefined : decode(content);
}

/** Text with the character references Astro writes turned back into characters. */
const decode = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

const jsonLdOf = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1] ?? '') as Record<string, unknown>);

/** Each page of the fixture site, by file, with its permalink. */
const PAGES = [
  ['index.html', '/'],
  ['work.html', '/work'],
  ['work/aws-intern.html', '/work/aws-intern'],
  ['work/gt.html', '/work/gt'],
  ['work/2019/summer-research.html', '/work/2019/summer-research'],
  ['work/orbital.html', '/work/orbital'],
  ['404.html', '/404'],
] as const;

describe('the head of every page, on a project site under /portfolio', () => {
  let site: BuiltSite;
  let dist: string;

  beforeAll(async () => {
    const result = await buildVisitorSite('head');
    expect(result.output).toContain('Complete!');
    expect(result.exitCode).toBe(0);
    dist = result.dist;
    site = await readBuiltSite(dist);
  });

  it('builds exactly the expected pages', () => {
    expect([...site.pages.keys()].sort()).toEqual(PAGES.map(([file]) => file).sort());
  });

  it('gives every page a unique title', () => {
    const titles = [...site.pages.values()].map((html) => /<title>([^<]*)<\/title>/.exec(html)?.[1]);
    expect(new Set(titles).size).toBe(site.pages.size);
  });

  it.each(PAGES)('%s: description, canonical, Open Graph and Twitter card', (file, permalink) => {
    const html = site.pages.get(file) ?? '';
    const url = `${ORIGIN_AND_BASE}${permalink === '/' ? '/' : permalink}`;
    const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
    expect(meta(html, 'description')).toBeTruthy();
    expect(/<link rel="canonical" href="([^"]*)">/.exec(html)?.[1]).toBe(url);
    expect(meta(html, 'og:url')).toBe(url);
    expect(meta(html, 'og:title')).toBe(title);
    expect(meta(html, 'og:description')).toBe(meta(html, 'description'));
    expect(meta(html, 'og:site_name')).toBe('Your Name');
    expect(meta(html, 'og:type')).toBe(permalink === '/' ? 'profile' : 'website');
    expect(meta(html, 'twitter:card')).toBe('summary');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain(`<link rel="icon" href="/portfolio/favicon.svg" type="image/svg+xml">`);
  });

  it.each(PAGES)('%s: a strict CSP meta that allows exactly its inline style', (file) => {
    const html = site.pages.get(file) ?? '';
    const policy = meta(html, 'content-security-policy') ?? '';
    expect(policy).toMatch(/^default-src 'none'; script-src 'none'; style-src 'sha256-[^']+'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'$/);
    expect(policy).not.toMatch(/unsafe-inline|frame-ancestors|report-uri|sandbox/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(styles).toHaveLength(1);
    for (const css of styles) expect(policy).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    // A meta policy only governs what follows it: it comes right after the charset.
    expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/);
  });

  it('describes the home page as the owner: a Person with jobTitle and profiles', () => {
    expect(jsonLdOf(site.pages.get('index.html') ?? '')).toEqual([
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
    ['work/orbital.html', 'worksFor', { '@type': 'OrganizationRole', roleName: 'Platform Engineer', startDate: '2021-03' }],
    ['work/aws-intern.html', 'alumniOf', { roleName: 'Software Engineering Intern', startDate: '2018-06', endDate: '2018-08' }],
    ['work/gt.html', 'alumniOf', { roleName: "Master's Degree", startDate: '2017', endDate: '2019' }],
  ])('describes %s as a ProfilePage whose Person %s the organization', (file, property, role) => {
    const [data] = jsonLdOf(site.pages.get(file) ?? '');
    expect(data).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', [property]: role } });
  });

  it('escapes markup inside JSON-LD, so a title cannot end the script', () => {
    const html = site.pages.get('work/2019/summer-research.html') ?? '';
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(script).not.toContain('<');
    expect(JSON.parse(script)).toMatchObject({ name: 'Research <em>Lab</em> · Your Name' });
  });

  it('describes the work index as a CollectionPage, and keeps the 404 page out of search results', () => {
    expect(jsonLdOf(site.pages.get('work.html') ?? '')).toEqual([expect.objectContaining({ '@type': 'CollectionPage' })]);
    const notFound = site.pages.get('404.html') ?? '';
    expect(jsonLdOf(notFound)).toEqual([]);
    expect(meta(notFound, 'robots')).toBe('noindex');
  });

  it('writes robots.txt pointing to the sitemap on the deployed origin and base', async () => {
    expect(await readFile(join(dist, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN_AND_BASE}/sitemap-index.xml\n`);
    expect(site.files.has('sitemap-index.xml')).toBe(true);
  });

  it('renders an entry image as AVIF and WebP with a width, height and text alternative', () => {
    const html = site.pages.get('work/orbital.html') ?? '';
    const picture = /<picture>[\s\S]*?<\/picture>/.exec(html)?.[0] ?? '';
    expect(picture).toMatch(/<source srcset="\/portfolio\/_astro\/[^"]+\.avif 96w, [^"]+\.avif 192w" type="image\/avif" sizes="96px">/);
    expect(picture).toMatch(/<source srcset="\/portfolio\/_astro\/[^"]+\.webp 96w, [^"]+\.webp 192w" type="image\/webp" sizes="96px">/);
    expect(picture).toContain('alt="Orbital Labs logo, a white triangle on an orange square"');
    expect(picture).toMatch(/width="96" height="96"/);
    for (const src of picture.matchAll(/\/portfolio\/(_astro\/[^" ,]+)/g)) expect(site.files.has(src[1] ?? '')).toBe(true);
  });

  it('uses the entry image, as PNG, for link previews', () => {
    const html = site.pages.get('work/orbital.html') ?? '';
    const image = meta(html, 'og:image') ?? '';
    expect(image).toMatch(new RegExp(`^${ORIGIN_AND_BASE}/_astro/orbital-logo\\.[\\w-]+\\.png$`));
    expect(site.files.has(image.slice(`${ORIGIN_AND_BASE}/`.length))).toBe(true);
    expect(meta(html, 'og:image:alt')).toBe('Orbital Labs logo, a white triangle on an orange square');
    expect(meta(html, 'twitter:image')).toBe(image);
    expect(meta(site.pages.get('work/gt.html') ?? '', 'og:image')).toBeUndefined();
  });
});
