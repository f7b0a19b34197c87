/**
 * The Jekyll folder as the rest of the importer sees it: a list of files and a way to read them. This
 * is the only module that reads the source from disk; everything else works on a `SourceSite`, so the
 * unit tests can hand it a site held in memory.
 */
import { readdirSync, readFileSync, realpathSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Refusal } from './report.ts';

export interface SourceSite {
  /** Every file of the site the importer may read, as sorted `/`-separated paths relative to it. */
  files: readonly string[];
  /** A file's text (UTF-8). */
  text(path: string): string;
  /** The first bytes of a file as text, enough to see whether it starts with front matter. */
  head(path: string): string;
  /** A file's bytes, for static files copied as they are. */
  bytes(path: string): Buffer;
  /** Folders not read at all (dependencies, build output, caches), for the report. */
  skipped: readonly string[];
  /** Paths that lead outside the site: the import is refused while they are there. */
  refusals: readonly Refusal[];
}

/**
 * Folders never read: dependencies and build output. Jekyll excludes most of them too
 * (`Configuration::DEFAULT_EXCLUDES`); reading them would only be slow.
 */
export const NEVER_READ = new Set(['.git', 'node_modules', 'vendor', '_site', '.jekyll-cache', '.sass-cache', '.bundle', '.jekyll-metadata']);

/**
 * Reads a Jekyll folder's file list. Symbolic links are followed only when they stay inside the
 * folder; one that leads outside is refused, since copying it would publish a file the owner never
 * put in the site. (tinyglobby either skips links silently or follows them anywhere, so this walks
 * the folder itself to see each one.)
 */
export function readSource(root: string): SourceSite {
  const realRoot = realpathSync(root);
  const files: string[] = [];
  const refusals: Refusal[] = [];
  const skipped: string[] = [];
  const real = new Map<string, string>();
  const visited = new Set<string>();

  const walk = (folder: string, prefix: string) => {
    const realFolder = realpathSync(folder);
    if (visited.has(realFolder)) return;
    visited.add(realFolder);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const full = join(folder, entry.name);
      if (NEVER_READ.has(entry.name) && prefix === '') {
        skipped.push(entry.isDirectory() ? `${path}/` : path);
        continue;
      }
      let target = full;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let resolved: string;
        try {
          resolved = realpathSync(full);
        } catch {
          refusals.push({
            path,
            message: 'is a symbolic link to a file that does not exist. Remove the link, or copy the file into the site, and run the import again.',
          });
          continue;
        }
        if (!isInside(realRoot, resolved)) {
          refusals.push({
            path,
            message: `is a symbolic link to ${resolved}, outside the Jekyll site; the importer only reads files inside the site. Copy what it points to into the site (or remove the link) and run the import again.`,
          });
          continue;
        }
        target = resolved;
        const stats = statSync(resolved);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      }
      if (isDirectory) walk(target, path);
      else if (isFile) {
        files.push(path);
        real.set(path, target);
      }
    }
  };
  walk(realRoot, '');

  const absolute = (path: string) => {
    const file = real.get(path);
    if (file === undefined) throw new Error(`${path} is not a file of the Jekyll site.`);
    return file;
  };
  return {
    files: files.sort(),
    text: (path) => readFileSync(absolute(path), 'utf8'),
    head: (path) => {
      const descriptor = openSync(absolute(path), 'r');
      try {
        const buffer = Buffer.alloc(16);
        const length = readSync(descriptor, buffer, 0, 16, 0);
        return buffer.subarray(0, length).toString('utf8');
      } finally {
        closeSync(descriptor);
      }
    },
    bytes: (path) => readFileSync(absolute(path)),
    skipped,
    refusals,
  };
}

/** A site held in memory, for tests: path to text. */
export function memorySource(files: Record<string, string>, refusals: Refusal[] = []): SourceSite {
  const get = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`${path} is not a file of the Jekyll site.`);
    return text;
  };
  return {
    files: Object.keys(files).sort(),
    text: get,
    head: (path) => get(path).slice(0, 16),
    bytes: (path) => Buffer.from(get(path), 'utf8'),
    skipped: [],
    refusals,
  };
}

/** Whether `path` is `root` or inside it (both absolute and resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
