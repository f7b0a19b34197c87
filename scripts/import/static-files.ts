/**
 * Static files: everything Jekyll copied as it was (a file without front matter, outside `_` folders)
 * goes to `public/` at the same path, so `/assets/files/resume.pdf` keeps its URL. The few files this
 * project makes itself (the 404 page, the feed, the sitemap) are listed as URLs, not copied.
 */
import { isMarkdown } from './reader.ts';
import type { PlannedFile } from './planned-file.ts';
import type { ReportLine } from './report.ts';
import { staticFileUrl, type OldUrl } from './urls.ts';
import { withoutJavaScript } from './scripts.ts';

export const PUBLIC_DIR = 'public';

/** Addresses this project serves itself, and what to call them in the URL table. */
export const PROJECT_OWN: Readonly<Record<string, string>> = {
  '/404': "404.html (this project's own 404 page)",
  '/feed.xml': "feed.xml (this project's own feed)",
  '/sitemap.xml': "sitemap.xml (this project's own sitemap)",
  '/robots.txt': "robots.txt (this project's own)",
};

/** Files macOS and Windows leave in folders: `.DS_Store`, `._x` (AppleDouble), `Thumbs.db`, `desktop.ini`. */
export function isOsJunk(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(\.DS_Store|\._.*|Thumbs\.db|ehthumbs(_vista)?\.db|desktop\.ini|Icon\r|\.Spotlight-V100|\.Trashes|\.fseventsd)$/i.test(name);
}

export interface StaticPlan {
  files: PlannedFile[];
  urls: OldUrl[];
  report: ReportLine[];
}

/**
 * A file's bytes as text, only when they are UTF-8 (a byte order mark kept): undefined for another
 * encoding (`<meta charset="iso-8859-1">` and Latin-1 bytes), which a rewrite as UTF-8 would corrupt,
 * so such a file is copied byte for byte.
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A site-root static file: where it goes, its URL, or why it is left to the project. `text` gives an
 * HTML file's text, undefined when it is not UTF-8 (`utf8Text`).
 */
export function planStaticFiles(paths: readonly string[], text?: (path: string) => string | undefined, bytesOf?: (path: string) => Buffer): StaticPlan {
  const plan: StaticPlan = { files: [], urls: [], report: [] };
  const markdownCopies: string[] = [];
  for (const path of paths) {
    if (isOsJunk(path)) {
      plan.report.push({
        kind: 'skipped',
        file: path,
        message: 'is a file the operating system leaves in folders (Finder, Explorer), not part of the site: never published.',
      });
      continue;
    }
    // An HTML file Jekyll copied as it was, with a script: this project runs scripts only on pages whose
    // front matter consents, and a copied file has none. It is copied without them, so its address and
    // the links to it still work.
    if (text !== undefined && /\.x?html?$/i.test(path) && !/^404\.html?$/i.test(path)) {
      const written = text(path);
      const stripped = written === undefined ? undefined : withoutJavaScript(written);
      // The build reads every file it serves as UTF-8 and refuses one that is not, whatever else it
      // holds: the owner saves it as UTF-8, which only the owner can do right (its <meta charset> too).
      if (written === undefined && bytesOf !== undefined) {
        const scripted = withoutJavaScript(bytesOf(path).toString('latin1')) !== undefined;
        plan.report.push({
          kind: 'leftover',
          file: path,
          message: `is an HTML file Jekyll copied as it was, and it is not UTF-8 text (Latin-1, say)${scripted ? '; it runs JavaScript, which this project runs only on pages whose front matter lists it' : ''}. The import copies it byte for byte rather than rewrite it (which would garble its letters), and the build refuses a file that is not UTF-8. Save it as UTF-8 in the Jekyll site, with <meta charset="utf-8">, and run the import again${scripted ? ', which copies it without its scripts' : ''}.`,
        });
      }
      if (stripped !== undefined) {
        plan.files.push({ path: `${PUBLIC_DIR}/${path}`, content: { text: stripped.text }, from: path });
        plan.urls.push({ url: staticFileUrl(path), from: path, file: path });
        plan.report.push({
          kind: 'changed',
          file: path,
          message: `is an HTML file Jekyll copied as it was; it ran JavaScript (${stripped.removed} script${stripped.removed === 1 ? '' : 's'} or handler${stripped.removed === 1 ? '' : 's'}), which this project runs only on pages whose front matter lists it, so it is copied without. To keep them, make it a page with front matter and a scripts: line.`,
        });
        continue;
      }
    }
    if (/^404\.html?$/i.test(path)) {
      plan.urls.push({ url: '/404', from: path, file: PROJECT_OWN['/404'] ?? '404.html' });
      plan.report.push({ kind: 'skipped', file: path, message: 'this project has its own 404 page, so it is not imported; /404 is still served.' });
      continue;
    }
    if (path === 'feed.xml' || path === 'sitemap.xml') {
      const url = `/${path}`;
      plan.urls.push({ url, from: path, file: PROJECT_OWN[url] ?? path });
      plan.report.push({ kind: 'skipped', file: path, message: `this project writes its own ${path}, so the file is not imported; ${url} is still served.` });
      continue;
    }
    plan.files.push({ path: `${PUBLIC_DIR}/${path}`, content: { copy: path }, from: path });
    if (path === 'index.html' || path === 'index.htm') {
      plan.report.push({
        kind: 'leftover',
        file: path,
        message:
          'has no front matter, so Jekyll served it as written as the home page; this project makes its own home page at /. Add front matter (layout: home, title) in the Jekyll site and run the import again, or delete public/index.html.',
      });
    }
    // GitHub Pages reads CNAME; it is not a page anyone links to.
    if (path === 'CNAME') continue;
    const url = staticFileUrl(path);
    plan.urls.push({ url, from: path, file: path === 'robots.txt' ? 'robots.txt (from public/robots.txt)' : path });
    if (isMarkdown(path)) markdownCopies.push(path);
    if (path === 'robots.txt') {
      plan.report.push({
        kind: 'changed',
        file: path,
        message:
          "is imported to public/robots.txt and is served instead of this project's own robots.txt (which names the sitemap). Delete public/robots.txt to use the project's.",
      });
    }
  }
  for (const path of markdownCopies) {
    plan.report.push({
      kind: 'changed',
      file: path,
      message: `has no front matter, so Jekyll served it as a plain file (not a page) and so does the import: public/${path}. If it should be a page, add front matter (title, permalink) in the Jekyll site and run the import again.`,
    });
  }
  return plan;
}
