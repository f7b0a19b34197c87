import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, parseHtml, select, textOf } from '../helpers/html-tree.ts';
import { buildSite, fixtureSiteBuild, readBuiltSite, SAMPLE_SITE, type BuiltSite } from '../helpers/site.ts';

const EXAMPLE = "// domain: 'jane.dev',";

/** The sample site's config with its commented `domain` example set to `domain`. */
async function siteConfigWithDomain(domain: string): Promise<string> {
  const text = await readFile(join(SAMPLE_SITE, 'src', 'site.config.ts'), 'utf8');
  if (!text.includes(EXAMPLE)) throw new Error(`tests/fixtures/sample/src/site.config.ts has lost its example line ${EXAMPLE}`);
  return text.replace(EXAMPLE, `domain: '${domain}',`);
}

/** Every absolute URL a built site writes for itself: canonical links and sitemap locations. */
async function ownUrls(dist: string, site: BuiltSite): Promise<{ canonical: Map<string, string>; sitemap: string[] }> {
  const canonical = new Map<string, string>();
  for (const [file, html] of site.pages) {
    const href = select(parseHtml(html), (element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical').map((link) =>
      attribute(link, 'href'),
    )[0];
    if (href) canonical.set(file, href);
  }
  const sitemap: string[] = [];
  for (const file of ['sitemap-index.xml', 'sitemap-0.xml']) {
    sitemap.push(...select(parseHtml(await readFile(join(dist, file), 'utf8')), (element) => element.tagName === 'loc').map(textOf));
  }
  return { canonical, sitemap };
}

describe('a site with a custom domain in its site config', () => {
  let result: Awaited<ReturnType<typeof buildSite>>;
  let site: BuiltSite;

  beforeAll(async () => {
    // With the Atom feed at a Jekyll theme's own feed address too (Poole's /atom.xml), as the import writes it.
    const config = (await siteConfigWithDomain('jane.dev')).replace("domain: 'jane.dev',", "domain: 'jane.dev',\n  posts: { feeds: ['/atom.xml'] },");
    result = await buildSite('pages-domain', { files: { 'src/site.config.ts': config } });
    expect(result.output).toContain('Complete!');
    site = await readBuiltSite(result.dist);
  });

  it('writes CNAME with the domain and an empty .nojekyll', async () => {
    expect(await readFile(join(result.dist, 'CNAME'), 'utf8')).toBe('jane.dev\n');
    expect(await readFile(join(result.dist, '.nojekyll'), 'utf8')).toBe('');
  });

  it('puts every canonical URL on https://jane.dev with no base path', async () => {
    const { canonical } = await ownUrls(result.dist, site);
    expect(canonical.get('index.html')).toBe('https://jane.dev/');
    expect(canonical.get('work/amazon.html')).toBe('https://jane.dev/work/amazon');
    expect([...canonical.values()].filter((url) => !url.startsWith('https://jane.dev/'))).toEqual([]);
  });

  it('lists the sitemap on https://jane.dev', async () => {
    const { sitemap } = await ownUrls(result.dist, site);
    expect(sitemap).toContain('https://jane.dev/sitemap-0.xml');
    expect(sitemap).toContain('https://jane.dev/work/amazon');
    expect(sitemap.filter((url) => !url.startsWith('https://jane.dev/'))).toEqual([]);
  });

  it('serves the Atom feed at the other address of posts.feeds too, the same feed naming that address as its own', async () => {
    const feed = await readFile(join(result.dist, 'feed.xml'), 'utf8');
    const atom = await readFile(join(result.dist, 'atom.xml'), 'utf8');
    const self = (xml: string) =>
      select(parseHtml(xml), (element) => element.tagName === 'link' && attribute(element, 'rel') === 'self').map((link) => attribute(link, 'href'));
    expect(self(feed)).toEqual(['https://jane.dev/feed.xml']);
    expect(self(atom)).toEqual(['https://jane.dev/atom.xml']);
    expect(atom.replaceAll('https://jane.dev/atom.xml', 'https://jane.dev/feed.xml')).toBe(feed);
  });

  it('never writes the local preview address', () => {
    expect([...site.pages].filter(([, html]) => html.includes('localhost')).map(([file]) => file)).toEqual([]);
  });
});

describe('a custom domain with SITE_URL and BASE_PATH set explicitly', () => {
  let result: Awaited<ReturnType<typeof buildSite>>;

  beforeAll(async () => {
    result = await buildSite('pages-domain-override', {
      files: { 'src/site.config.ts': await siteConfigWithDomain('jane.dev') },
      env: { SITE_URL: 'https://jane.github.io', BASE_PATH: '/portfolio' },
    });
    expect(result.output).toContain('Complete!');
  });

  it('lets the environment win for URLs and still writes CNAME from the config', async () => {
    const { canonical, sitemap } = await ownUrls(result.dist, await readBuiltSite(result.dist));
    expect(canonical.get('work/amazon.html')).toBe('https://jane.github.io/portfolio/work/amazon');
    expect(sitemap).toContain('https://jane.github.io/portfolio/work/amazon');
    expect(await readFile(join(result.dist, 'CNAME'), 'utf8')).toBe('jane.dev\n');
  });
});

describe('a site without a domain', () => {
  // The fixture site: a project site under /portfolio, whose config (the project's own) names no domain.
  it('writes .nojekyll and no CNAME', async () => {
    const result = await fixtureSiteBuild();
    expect(result.output).toContain('Complete!');
    const { files } = await readBuiltSite(result.dist);
    expect(files.has('.nojekyll')).toBe(true);
    expect(files.has('CNAME')).toBe(false);
  });
});
