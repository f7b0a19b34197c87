/**
 * Files a theme gem published into the Jekyll site besides the site's own: Jekyll copies a gem's
 * `assets/` and compiles its Sass there (https://jekyllrb.com/docs/themes/#assets). They are the theme's
 * look, which this project's layouts and styles replace, and they are not in the site's folder: each
 * is an old URL retired with its reason, so the URL list and the report say where it went.
 */
import type { OldUrl } from './urls.ts';

interface GemFile {
  url: string;
  what: string;
}

/** What each common theme gem published, by its `theme:` name (minima 2.5, GitHub Pages' default). */
export const THEME_GEM_FILES: Readonly<Record<string, readonly GemFile[]>> = {
  minima: [
    { url: '/assets/main.css', what: "the minima theme's stylesheet, compiled from the gem's assets/main.scss: this project's styles replace it" },
    { url: '/assets/main.css.map', what: "the source map of the minima theme's stylesheet: this project's styles replace it" },
    {
      url: '/assets/minima-social-icons.svg',
      what: "the minima theme's icons for the social links in its footer: this project's profile links replace them",
    },
  ],
};

/** The retired URLs of the site's theme gem: those the site itself does not serve (its own copy wins). */
export function themeGemUrls(theme: unknown, served: readonly OldUrl[]): OldUrl[] {
  if (typeof theme !== 'string' || !Object.hasOwn(THEME_GEM_FILES, theme)) return [];
  const own = new Set(served.map((url) => url.url));
  return (THEME_GEM_FILES[theme] ?? [])
    .filter((file) => !own.has(file.url))
    .map((file) => ({ url: file.url, from: `the ${theme} theme gem`, file: '', retired: `published by the ${theme} theme gem, not the site: ${file.what}` }));
}
