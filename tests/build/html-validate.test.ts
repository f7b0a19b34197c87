import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, readBuiltSite, type BuiltSite } from '../helpers/site.ts';
import { buildVisitorSite } from '../helpers/visitor-site.ts';

/** The project's `.htmlvalidate.json` (html-validate:recommended), whatever folder a fixture is built in. */
const validator = new HtmlValidate(new FileSystemConfigLoader());
const CONFIG_FILE = join(PROJECT_ROOT, 'page.html');

const sites = [
  { name: 'the owner’s site', build: () => buildSite('html-validate-owner') },
  { name: 'the fixture site under /portfolio, with an image', build: () => buildVisitorSite('html-validate-visitor') },
];

it('uses the project config, which does catch mistakes', async () => {
  const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p><img src="x.png"></body></html>', CONFIG_FILE);
  expect(report.valid).toBe(false);
  expect(report.results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('wcag/h37');
});

describe.each(sites)('HTML validity of $name', ({ build }) => {
  let site: BuiltSite;

  beforeAll(async () => {
    const result = await build();
    expect(result.output).toContain('Complete!');
    expect(result.exitCode).toBe(0);
    site = await readBuiltSite(result.dist);
  });

  it('has pages to validate', () => {
    expect(site.pages.size).toBeGreaterThanOrEqual(5);
  });

  it('reports 0 html-validate errors or warnings on every page', async () => {
    const messages: string[] = [];
    for (const [page, html] of site.pages) {
      const report = await validator.validateString(html, CONFIG_FILE);
      for (const result of report.results) {
        for (const message of result.messages) messages.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(messages).toEqual([]);
  });
});
