import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSiteBuild, sampleSite, PROJECT_ROOT, readBuiltSite, type BuiltSite } from '../helpers/site.ts';

/** The project's `.htmlvalidate.json` (html-validate:recommended), whatever folder a fixture is built in. */
const validator = new HtmlValidate(new FileSystemConfigLoader());
const CONFIG_FILE = join(PROJECT_ROOT, 'page.html');

/**
 * What the owner wrote in a body as raw HTML is kept as written, and the site allows it by hash in
 * its Content-Security-Policy: the fixture's about page keeps the old Jekyll site's own styles, a
 * `style=""` and a `<style>` in the body. html-validate reports exactly those, as `page rule`, and
 * nothing the site writes itself.
 */
const sites = [
  { name: 'the sample site', build: sampleSite, ownerMarkup: [] },
  {
    name: 'the fixture site under /portfolio, with an image, a post and a page with its own styles',
    build: fixtureSiteBuild,
    ownerMarkup: ['about.html no-inline-style'],
  },
];

it('uses the project config, which does catch mistakes', async () => {
  const report = await validator.validateString(
    '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p><img src="x.png"></body></html>',
    CONFIG_FILE,
  );
  expect(report.valid).toBe(false);
  expect(report.results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('wcag/h37');
});

describe.each(sites)('HTML validity of $name', ({ build, ownerMarkup }) => {
  let site: BuiltSite;

  beforeAll(async () => {
    const result = await build();
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('Complete!');
    site = await readBuiltSite(result.dist);
  });

  it('has pages to validate', () => {
    expect(site.pages.size).toBeGreaterThanOrEqual(5);
  });

  it('reports 0 html-validate errors or warnings on every page, but for the owner’s own raw HTML', async () => {
    const messages: string[] = [];
    const owners: string[] = [];
    for (const [page, html] of site.pages) {
      const report = await validator.validateString(html, CONFIG_FILE);
      for (const result of report.results) {
        for (const message of result.messages) {
          if (ownerMarkup.includes(`${page} ${message.ruleId}`)) owners.push(`${page} ${message.ruleId}`);
          else messages.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
        }
      }
    }
    expect(messages).toEqual([]);
    expect(owners).toEqual(ownerMarkup);
  });
});
