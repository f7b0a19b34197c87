import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, parseHtml, select } from '../helpers/html-tree.ts';
import { showcaseSiteBuild } from '../helpers/showcase-site.ts';
import { fixtureSiteBuild, sampleSite, readBuiltSite, type BuiltSite } from '../helpers/site.ts';

/**
 * A page and its CSS arrive in the first round trip: TCP's initial window is 10 segments, about
 * 14 KB (https://www.rfc-editor.org/rfc/rfc6928). Measured as zlib gzip at level 9.
 */
const PAGE_BUDGET_GZIP = 14_336;
const MAX_STYLESHEET_REQUESTS = 1;

const gzipBytes = (text: string) => gzipSync(text, { level: 9 }).length;

interface PageWeight {
  page: string;
  html: number;
  htmlGzip: number;
  stylesheets: string[];
  cssGzip: number;
  total: number;
}

/** Each page's HTML and the stylesheets it links, gzipped. Inline `<style>` is part of the HTML. */
async function pageWeights(dist: string, site: BuiltSite, base: string): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  for (const [page, html] of site.pages) {
    const links = select(
      parseHtml(html),
      (element) => element.tagName === 'link' && (attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet'),
    );
    const stylesheets = links.map((link) => attribute(link, 'href') ?? '');
    let cssGzip = 0;
    for (const href of stylesheets) cssGzip += gzipBytes(await readFile(join(dist, href.slice(base.length)), 'utf8'));
    const htmlGzip = gzipBytes(html);
    weights.push({ page, html: Buffer.byteLength(html), htmlGzip, stylesheets, cssGzip, total: htmlGzip + cssGzip });
  }
  return weights;
}

/** `<script>` elements other than JSON-LD data, and JavaScript files, with their sizes. */
async function javascript(dist: string, site: BuiltSite): Promise<string[]> {
  const inline = [...site.pages].flatMap(([page, html]) =>
    select(parseHtml(html), (element) => element.tagName === 'script')
      .filter((script) => attribute(script, 'type')?.toLowerCase() !== 'application/ld+json')
      .map((script) => {
        const text = script.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
        return `${page}: <script ${script.attrs.map((attr) => `${attr.name}="${attr.value}"`).join(' ')}> ${Buffer.byteLength(text)} bytes`;
      }),
  );
  const files: string[] = [];
  for (const file of site.files) {
    if (/\.(m?js|cjs)$/.test(file)) files.push(`${file}: ${(await readFile(join(dist, file))).length} bytes`);
  }
  return [...inline, ...files];
}

const sites = [
  { name: 'the sample site', base: '/', build: sampleSite },
  { name: 'the fixture site under /portfolio, with an image, a post and a page with its own styles', base: '/portfolio/', build: fixtureSiteBuild },
  { name: 'the showcase fixture: image tiles, placeholders, a portrait and the latest posts', base: '/', build: showcaseSiteBuild },
];

describe.each(sites)('page weight of $name', ({ base, build }) => {
  let dist: string;
  let site: BuiltSite;
  let weights: PageWeight[];

  beforeAll(async () => {
    const result = await build();
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('Complete!');
    dist = result.dist;
    site = await readBuiltSite(dist);
    weights = await pageWeights(dist, site, base);
    console.log(
      `\n  Page weight, gzip -9 (budget ${PAGE_BUDGET_GZIP} bytes for HTML + CSS):\n` +
        weights
          .map(
            (w) =>
              `  ${w.page.padEnd(32)} html ${String(w.html).padStart(6)} B, gzip ${String(w.htmlGzip).padStart(5)} B + css ${w.cssGzip} B (${w.stylesheets.length} request) = ${w.total} B`,
          )
          .join('\n'),
    );
  });

  it('builds pages to measure', () => {
    expect(weights.length).toBeGreaterThanOrEqual(5);
  });

  it(`keeps every page's HTML + CSS within ${PAGE_BUDGET_GZIP} bytes gzipped`, () => {
    expect(weights.filter((w) => w.total > PAGE_BUDGET_GZIP).map((w) => `${w.page}: ${w.total} B`)).toEqual([]);
  });

  it(`makes at most ${MAX_STYLESHEET_REQUESTS} stylesheet request per page`, () => {
    expect(weights.filter((w) => w.stylesheets.length > MAX_STYLESHEET_REQUESTS).map((w) => `${w.page}: ${w.stylesheets.join(', ')}`)).toEqual([]);
  });

  it('ships 0 bytes of JavaScript', async () => {
    expect(await javascript(dist, site)).toEqual([]);
  });
});
