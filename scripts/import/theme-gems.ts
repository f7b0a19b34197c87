/**
 * Files a theme gem published into the Jekyll site besides the site's own: Jekyll copies a gem's
 * `assets/` and compiles its Sass there (https://jekyllrb.com/docs/themes/#assets). They are not in the
 * site's folder, so the importer keeps the gem's own copies beside this module, with its licence: a
 * file that is content in its own right (an icon sprite other sites and the site's own includes link
 * to) is carried byte for byte; the gem's stylesheet is compiled from its Sass (sass.ts), which also
 * serves the site's own Sass as a load path, so `@import "minima"` works as it did.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitFrontMatter } from './front-matter.ts';
import type { PlannedFile } from './planned-file.ts';
import type { ReportLine } from './report.ts';
import type { SassFolder, SassSite } from './sass.ts';
import { PUBLIC_DIR } from './static-files.ts';
import type { OldUrl } from './urls.ts';

interface GemFile {
  url: string;
  what: string;
  /** Carried: the gem's own copy, below vendor/<theme>/, written to the same URL. */
  carried?: string;
  /** Compiled: the gem's Sass page, below vendor/<theme>/, compiled to the URL (and its map beside it). */
  compiled?: string;
}

/** What each common theme gem published, by its `theme:` name (minima 2.5, GitHub Pages' default). */
export const THEME_GEM_FILES: Readonly<Record<string, readonly GemFile[]>> = {
  minima: [
    { url: '/assets/main.css', what: "the minima theme's stylesheet", compiled: 'assets/main.scss' },
    { url: '/assets/minima-social-icons.svg', what: "the minima theme's icons for the social links in its footer", carried: 'minima-social-icons.svg' },
  ],
};

const gemRoot = (theme: string) => new URL(`./vendor/${theme}/`, import.meta.url);

/** The theme gem's files the Sass compiler reads (its `_sass/` and `assets/`), or undefined for a theme the importer does not keep. */
export function themeGemFolder(theme: unknown): SassFolder | undefined {
  if (typeof theme !== 'string' || !Object.hasOwn(THEME_GEM_FILES, theme)) return undefined;
  const root = gemRoot(theme);
  const files = new Set(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => posix.relative(fileURLToPath(root), posix.join(entry.parentPath, entry.name))),
  );
  return {
    name: (path) => `the ${theme} theme gem's ${path}`,
    has: (path) => files.has(path),
    text: (path) => readFileSync(new URL(path, root), 'utf8'),
  };
}

/** The theme gem's URLs the site itself does not serve (its own copy wins): carried or compiled with their files, or retired. */
export function themeGemFiles(theme: unknown, served: readonly OldUrl[], sass: SassSite): { urls: OldUrl[]; files: PlannedFile[]; report: ReportLine[] } {
  const result = { urls: [] as OldUrl[], files: [] as PlannedFile[], report: [] as ReportLine[] };
  if (typeof theme !== 'string' || !Object.hasOwn(THEME_GEM_FILES, theme)) return result;
  const own = new Set(served.map((url) => url.url));
  const from = `the ${theme} theme gem`;
  for (const file of THEME_GEM_FILES[theme] ?? []) {
    if (own.has(file.url)) continue;
    if (file.compiled !== undefined) {
      const split = splitFrontMatter(readFileSync(new URL(file.compiled, gemRoot(theme)), 'utf8'));
      const planned = sass.plan(
        { path: file.compiled, folder: 'theme', target: file.url.slice(1), values: {}, body: split?.body ?? '', bodyLine: split?.bodyLine ?? 1, from },
        PUBLIC_DIR,
      );
      result.urls.push(...planned.urls);
      result.files.push(...planned.files.map((planned) => ({ ...planned, from })));
      result.report.push(...planned.report);
      continue;
    }
    if (file.carried === undefined) {
      result.urls.push({ url: file.url, from, file: '', retired: `published by the ${theme} theme gem, not the site: ${file.what}` });
      continue;
    }
    const path = file.url.slice(1);
    const text = readFileSync(new URL(file.carried, gemRoot(theme)), 'utf8');
    result.urls.push({ url: file.url, from, file: `${path} (${file.what}, from the gem)` });
    result.files.push({ path: `${PUBLIC_DIR}/${path}`, content: { text }, from });
  }
  return result;
}
