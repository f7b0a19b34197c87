import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { formatReport } from '../../scripts/import/report.ts';
import { memorySource } from '../../scripts/import/source.ts';

function plan(files: Record<string, string>) {
  const result = planImport(memorySource(files));
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const PAGES = {
  'about.md': '---\nlayout: page\ntitle: About\n---\nHello, I am Lee.\n',
  'talks.md': '---\nlayout: talks\ntitle: Talks\n---\nMy talks.\n',
  '_posts/2024-10-09-ghostway.md': '---\ntitle: ghostway\n---\nText.\n',
};

describe('a site whose theme is not in its folder', () => {
  it('says which layouts came from the remote theme, what the pages became, and that the rest was imported', () => {
    const result = plan({
      '_config.yml': 'title: Lee\nremote_theme: someone/paper-theme@v2\ndefaults:\n  - scope: {path: ""}\n    values: {layout: post}\n',
      ...PAGES,
    });
    const line = result.report.find((item) => item.file === '_config.yml' && item.message.includes('remote_theme'));
    expect(line?.kind).toBe('skipped');
    expect(line?.message).toBe(
      'names `remote_theme: someone/paper-theme@v2`: Jekyll fetches that theme from GitHub when it builds (the jekyll-remote-theme plugin), so it is not in the site\'s folder: the importer cannot read its layouts "page", "post", "talks" (used by 3 pages and posts), nor its includes, Sass and assets. Those pages keep their own text and front matter, written with this project\'s layouts as listed under "Layouts"; what the theme\'s layouts showed around them (headers, lists, fields) is not carried. Everything in the site\'s own folder is imported as listed. To carry more, copy the theme\'s _layouts/ (and _includes/) into the Jekyll site and run the import again.',
    );
    // The pages themselves are moved.
    expect(result.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['src/content/pages/about.md', 'src/content/pages/talks.md', 'src/content/posts/2024-10-09-ghostway.md']),
    );
    expect(formatReport(result.report)).toContain('remote_theme: someone/paper-theme@v2');
  });

  it('names a layout the site has but whose parent came from the theme', () => {
    const result = plan({
      '_config.yml': 'title: Lee\nremote_theme: someone/paper-theme\n',
      '_layouts/talks.html': '---\nlayout: base\n---\n<article>{{ content }}</article>',
      'talks.md': PAGES['talks.md'],
    });
    expect(result.report.find((item) => item.file === '_config.yml')?.message).toContain('its layouts "base" (used by 1 page and posts)');
  });

  it('says so when the site has its own copy of every layout it uses', () => {
    const result = plan({
      '_config.yml': 'title: Lee\nremote_theme: someone/researcher@gem\n',
      '_layouts/default.html': '<!DOCTYPE html><html><body>{{ content }}</body></html>',
      'index.md': '---\nlayout: default\n---\nHi.\n',
    });
    expect(result.report.find((item) => item.file === '_config.yml')?.message).toContain(
      'The site has its own copy of every layout its pages use ("default"), which Jekyll used instead of the theme\'s, so the import reads those',
    );
  });

  it('speaks of a theme gem the importer keeps no copy of, and not of minima, whose files it keeps', () => {
    const gem = plan({ '_config.yml': 'title: Lee\ntheme: jekyll-theme-cayman\n', ...PAGES });
    expect(gem.report.find((item) => item.file === '_config.yml')?.message).toMatch(
      /^names `theme: jekyll-theme-cayman`: that theme gem was installed where Jekyll ran, so it is not in the site's folder, and the importer keeps no copy of it: the importer cannot read its layouts/,
    );
    const minima = plan({ '_config.yml': 'title: Lee\ntheme: minima\n', ...PAGES });
    expect(minima.report.some((item) => item.file === '_config.yml' && item.message.startsWith('names `theme'))).toBe(false);
  });
});
