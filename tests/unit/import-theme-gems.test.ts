import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

const retired = (files: Record<string, string>) => {
  const result = planImport(memorySource(files));
  if (!result.ok) throw new Error(result.message);
  return { urls: result.plan.urls, legacy: result.plan.files.find((file) => file.path === 'src/data/legacy-urls.txt') };
};

describe("a theme gem's own files", () => {
  it("retires minima's stylesheet and icon sprite with the reason, in the URL list", () => {
    const { urls, legacy } = retired({ '_config.yml': 'title: Lee\ntheme: minima\n', 'index.md': '---\nlayout: home\n---\nHi.\n' });
    const gem = urls.filter((url) => url.from === 'the minima theme gem');
    expect(gem.map((url) => url.url)).toEqual(['/assets/main.css', '/assets/main.css.map', '/assets/minima-social-icons.svg']);
    expect(gem.every((url) => url.retired?.includes('published by the minima theme gem'))).toBe(true);
    const text = legacy && 'text' in legacy.content ? legacy.content.text : '';
    expect(text).toContain(
      "# /assets/minima-social-icons.svg  (published by the minima theme gem, not the site: the minima theme's icons for the social links in its footer",
    );
  });

  it("leaves the site's own copy of a file served, and knows no file of another theme", () => {
    const own = retired({ '_config.yml': 'theme: minima\n', 'assets/minima-social-icons.svg': '<svg/>' }).urls;
    expect(own.filter((url) => url.url === '/assets/minima-social-icons.svg').map((url) => url.retired)).toEqual([undefined]);
    expect(retired({ '_config.yml': 'theme: jekyll-theme-cayman\n' }).urls.filter((url) => url.from.endsWith('theme gem'))).toEqual([]);
  });
});
