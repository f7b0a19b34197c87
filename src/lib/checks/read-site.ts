import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { filesBelow, isMarkdownFile } from '../files.ts';
import { PAGES_DIR } from '../routing/pages.ts';
import { DATA_DIR, groupOfFile, LIQUID_DATA_DIR } from '../data/data-file.ts';
import { POSTS_DIR, type PostsConfig } from '../routing/posts.ts';
import type { Problem } from '../errors.ts';
import { isLiquidDataFile } from './liquid-data.ts';
import { decodeUtf8 } from './served-files.ts';
import type { ContentFile, LiquidSettings, SiteCheckInput, SitePage } from './site.ts';

/**
 * The site's content as `checkSite` reads it, from a project folder: the one place that knows which
 * files the pre-build checks see. The build integration calls it, and so do the tests, so a fixture
 * is checked exactly as the build checks it without running the build. Plain node:fs.
 */

/**
 * Reads the pages, posts, data files and the names of `public/`'s files of the project at `rootDir`.
 * `routes` are the pages `src/pages` builds itself; `posts` the site config's posts settings; `liquid`
 * what `site` holds for Liquid beyond the files. The
 * files are small and many: read one after another, they take a fraction of the time a thousand
 * reads in flight at once take.
 */
export async function readSiteInput(
  rootDir: string,
  publicDir: string,
  routes: readonly SitePage[],
  posts: PostsConfig,
  liquid?: LiquidSettings,
): Promise<SiteCheckInput> {
  const encodingProblems: Problem[] = [];
  /** A file's text; one that is not UTF-8 is a problem with its line (a browser would show "\uFFFD"). */
  const readText = (folder: string, path: string): string => {
    const bytes = readFileSync(join(rootDir, folder, path));
    const decoded = decodeUtf8(bytes);
    if ('text' in decoded) return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? `\uFEFF${decoded.text}` : decoded.text;
    encodingProblems.push({
      file: `${folder}/${path}`,
      field: 'file',
      line: decoded.line,
      message: 'is not valid UTF-8: it would be published with "\uFFFD" in place of the bad bytes. Save the file as UTF-8.',
    });
    return bytes.toString('utf8');
  };
  const readAll = (folder: string, paths: readonly string[]): ContentFile[] =>
    paths.map((path) => ({ path: `${folder}/${path}`, text: readText(folder, path) }));
  // Markdown is read for its text; images and other files only need their names.
  const readFolder = async (folder: string): Promise<ContentFile[]> =>
    (await filesBelow(join(rootDir, folder))).map((path) => ({
      path: `${folder}/${path}`,
      text: isMarkdownFile(path) ? readText(folder, path) : '',
    }));
  const pageFiles = await readFolder(PAGES_DIR);
  const postFiles = await readFolder(POSTS_DIR);
  const dataNames = (await readdir(join(rootDir, DATA_DIR)).catch(() => [])).filter((name) => groupOfFile(name) !== undefined).sort();
  const dataFiles = readAll(DATA_DIR, dataNames);
  const liquidDataFiles = readAll(LIQUID_DATA_DIR, (await filesBelow(join(rootDir, LIQUID_DATA_DIR))).filter(isLiquidDataFile));
  const readPublicHead = (path: string): Uint8Array | undefined => {
    try {
      const descriptor = openSync(join(publicDir, path), 'r');
      try {
        const head = new Uint8Array(64);
        return head.subarray(0, readSync(descriptor, head, 0, 64, 0));
      } finally {
        closeSync(descriptor);
      }
    } catch {
      return undefined;
    }
  };
  return {
    pagesDir: PAGES_DIR,
    pageFiles,
    postsDir: POSTS_DIR,
    postFiles,
    posts,
    dataFiles,
    liquidDataFiles,
    routes,
    publicFiles: await filesBelow(publicDir),
    encodingProblems,
    readPublicHead,
    rootDir,
    liquid,
  };
}
