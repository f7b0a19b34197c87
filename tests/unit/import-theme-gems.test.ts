import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

/** assets/minima-social-icons.svg of the minima 2.5.1 gem, as Jekyll 4.3.1 published it. */
const MINIMA_2_5_1_SPRITE_SHA256 = '39f87ca832d235ede52f66a4d7ae03d050e6a8b4e1ceba6a5b646fd43ee76223';

const retired = (files: Record<string, string>) => {
  const result = planImport(memorySource(files));
  if (!result.ok) throw new Error(result.message);
  return { urls: result.plan.urls, files: result.plan.files, legacy: result.plan.files.find((file) => file.path === 'src/data/legacy-urls.txt') };
};

describe("a theme gem's own files", () => {
  it("retires minima's stylesheet with the reason, and carries its icon sprite byte for byte", () => {
    const { urls, legacy, files } = retired({ '_config.yml': 'title: Lee\ntheme: minima\n', 'index.md': '---\nlayout: home\n---\nHi.\n' });
    const gem = urls.filter((url) => url.from === 'the minima theme gem');
    expect(gem.map((url) => [url.url, url.retired === undefined])).toEqual([
      ['/assets/main.css', false],
      ['/assets/main.css.map', false],
      ['/assets/minima-social-icons.svg', true],
    ]);
    const text = legacy && 'text' in legacy.content ? legacy.content.text : '';
    expect(text).toContain("# /assets/main.css  (published by the minima theme gem, not the site: the minima theme's stylesheet");
    expect(text.split('\n')).toContain('/assets/minima-social-icons.svg');
    // The gem's own file: its symbols keep the ids the theme's includes link to (`#github`).
    const sprite = files.find((file) => file.path === 'public/assets/minima-social-icons.svg');
    const svg = sprite && 'text' in sprite.content ? sprite.content.text : '';
    expect(createHash('sha256').update(svg).digest('hex')).toBe(MINIMA_2_5_1_SPRITE_SHA256);
    expect(svg).toContain('<symbol id="github"');
  });

  it("leaves the site's own copy of a file served, and knows no file of another theme", () => {
    const own = retired({ '_config.yml': 'theme: minima\n', 'assets/minima-social-icons.svg': '<svg/>' }).urls;
    expect(own.filter((url) => url.url === '/assets/minima-social-icons.svg').map((url) => url.retired)).toEqual([undefined]);
    expect(retired({ '_config.yml': 'theme: jekyll-theme-cayman\n' }).urls.filter((url) => url.from.endsWith('theme gem'))).toEqual([]);
  });
});
