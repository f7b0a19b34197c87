import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planImport, type PlannedFile } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

/** assets/minima-social-icons.svg of the minima 2.5.1 gem, as Jekyll 4.3.1 published it. */
const MINIMA_2_5_1_SPRITE_SHA256 = '39f87ca832d235ede52f66a4d7ae03d050e6a8b4e1ceba6a5b646fd43ee76223';

const retired = (files: Record<string, string>) => {
  const result = planImport(memorySource(files));
  if (!result.ok) throw new Error(result.message);
  return { urls: result.plan.urls, files: result.plan.files, legacy: result.plan.files.find((file) => file.path === 'src/data/legacy-urls.txt') };
};

const textOf = (files: readonly PlannedFile[], path: string) => {
  const file = files.find((candidate) => candidate.path === path);
  return file && 'text' in file.content ? file.content.text : '';
};

describe("a theme gem's own files", () => {
  it("compiles minima's stylesheet from the gem's Sass, with its source map, and carries its icon sprite byte for byte", () => {
    const { urls, legacy, files } = retired({ '_config.yml': 'title: Lee\ntheme: minima\n', 'index.md': '---\nlayout: home\n---\nHi.\n' });
    const gem = urls.filter((url) => url.from === 'the minima theme gem');
    expect(gem.map((url) => [url.url, url.retired === undefined])).toEqual([
      ['/assets/main.css', true],
      ['/assets/main.css.map', true],
      ['/assets/minima-social-icons.svg', true],
    ]);
    const text = legacy && 'text' in legacy.content ? legacy.content.text : '';
    expect(text.split('\n')).toEqual(expect.arrayContaining(['/assets/main.css', '/assets/main.css.map', '/assets/minima-social-icons.svg']));
    expect(text).not.toContain('# /assets/main.css');
    // minima 2.5.1's rules, from its partials: the header's top border in $grey-color-dark, the wrapper's width.
    const css = textOf(files, 'public/assets/main.css');
    expect(css).toContain('.site-header {\n  border-top: 5px solid rgb(');
    expect(css).toContain('.wrapper {\n  max-width: -webkit-calc(800px - (30px * 2));\n  max-width: calc(800px - 30px * 2);');
    expect(css.endsWith('/*# sourceMappingURL=main.css.map */\n')).toBe(true);
    const map = JSON.parse(textOf(files, 'public/assets/main.css.map')) as { file: string; sources: string[]; sourcesContent: string[] };
    expect(map.file).toBe('main.css');
    expect(map.sources).toEqual(expect.arrayContaining(['_sass/minima.scss', '_sass/minima/_base.scss', '_sass/minima/_layout.scss']));
    expect(map.sourcesContent.join('\n')).toContain('$grey-color-dark');
    // The gem's own file: its symbols keep the ids the theme's includes link to (`#github`).
    const svg = textOf(files, 'public/assets/minima-social-icons.svg');
    expect(createHash('sha256').update(svg).digest('hex')).toBe(MINIMA_2_5_1_SPRITE_SHA256);
    expect(svg).toContain('<symbol id="github"');
  });

  it("leaves the site's own copy of a file served, and knows no file of another theme", () => {
    const own = retired({ '_config.yml': 'theme: minima\n', 'assets/minima-social-icons.svg': '<svg/>' }).urls;
    expect(own.filter((url) => url.url === '/assets/minima-social-icons.svg').map((url) => url.retired)).toEqual([undefined]);
    expect(retired({ '_config.yml': 'theme: jekyll-theme-cayman\n' }).urls.filter((url) => url.from.endsWith('theme gem'))).toEqual([]);
  });
});
