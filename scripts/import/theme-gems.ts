/**
 * Files a theme gem published into the Jekyll site besides the site's own: Jekyll copies a gem's
 * `assets/` and compiles its Sass there (https://jekyllrb.com/docs/themes/#assets). They are not in the
 * site's folder. A file that is content in its own right (an icon sprite other sites and the site's own
 * includes link to) is carried, byte for byte, from a copy kept beside this module with its licence;
 * the theme's look, which this project's layouts and styles replace, is an old URL retired with its
 * reason, so the URL list and the report say where it went.
 */
import { readFileSync } from 'node:fs';
import type { PlannedFile } from './planned-file.ts';
import { PUBLIC_DIR } from './static-files.ts';
import type { OldUrl } from './urls.ts';

interface GemFile {
  url: string;
  what: string;
  /** Carried: the gem's own copy, below theme-gems/<theme>/, written to the same URL. */
  carried?: string;
}

/** What each common theme gem published, by its `theme:` name (minima 2.5, GitHub Pages' default). */
export const THEME_GEM_FILES: Readonly<Record<string, readonly GemFile[]>> = {
  minima: [
    { url: '/assets/main.css', what: "the minima theme's stylesheet, compiled from the gem's assets/main.scss: this project's styles replace it" },
    { url: '/assets/main.css.map', what: "the source map of the minima theme's stylesheet: this project's styles replace it" },
    { url: '/assets/minima-social-icons.svg', what: "the minima theme's icons for the social links in its footer", carried: 'minima-social-icons.svg' },
  ],
};

/** The theme gem's URLs the site itself does not serve (its own copy wins): carried with their files, or retired. */
export function themeGemFiles(theme: unknown, served: readonly OldUrl[]): { urls: OldUrl[]; files: PlannedFile[] } {
  if (typeof theme !== 'string' || !Object.hasOwn(THEME_GEM_FILES, theme)) return { urls: [], files: [] };
  const own = new Set(served.map((url) => url.url));
  const from = `the ${theme} theme gem`;
  const urls: OldUrl[] = [];
  const files: PlannedFile[] = [];
  for (const file of THEME_GEM_FILES[theme] ?? []) {
    if (own.has(file.url)) continue;
    if (file.carried === undefined) {
      urls.push({ url: file.url, from, file: '', retired: `published by the ${theme} theme gem, not the site: ${file.what}` });
      continue;
    }
    const path = file.url.slice(1);
    const text = readFileSync(new URL(`./theme-gems/${theme}/${file.carried}`, import.meta.url), 'utf8');
    urls.push({ url: file.url, from, file: `${path} (${file.what}, from the gem)` });
    files.push({ path: `${PUBLIC_DIR}/${path}`, content: { text }, from });
  }
  return { urls, files };
}
