import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * What lets a warm build skip the card worker: the cards the last build drew from the sources, by
 * their paths, under a fingerprint of everything those cards are made from. When the fingerprint is
 * the same and every card file is still in the cache, the build copies them and starts no worker.
 *
 * The cards are made from the front matter of pages and posts, the data files, the site config and
 * the images of `public/`, by the code in `src/`. So the fingerprint covers: the front-matter block
 * of each file in `src/content/` (not the body, which no card shows, so editing a body keeps a build
 * warm), every other file in `src/` whole (data, config, layouts, the checks and card code), and the
 * name, size and time of each file in `public/` (an image's bytes are hashed when its card is drawn).
 */

export const MANIFEST_FILE = 'manifest.json';

interface Manifest {
  fingerprint: string;
  files: [string, string][];
}

/** The front-matter block of a page or post (`---` to `---`), or the whole text when it has none. */
export function frontMatterBlock(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text);
  return match && match.index === 0 ? match[0] : text;
}

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The fingerprint of what the source cards are made from (see above). */
export async function sourceFingerprint(root: string, publicDir: string): Promise<string> {
  const hash = createHash('sha256');
  const content = join(root, 'src', 'content');
  // Read one after another without the thread pool: a thousand small files cost more in round trips than in reading.
  for (const file of await filesIn(join(root, 'src'))) {
    const bytes = readFileSync(file);
    const inContent = !relative(content, file).startsWith('..') && /\.mdx?$/.test(file);
    hash.update(`${relative(root, file)}\u0000`);
    hash.update(inContent ? frontMatterBlock(bytes.toString('utf8')) : bytes);
    hash.update('\u0000');
  }
  for (const file of await filesIn(publicDir)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(publicDir, file)}\u0000${size}\u0000${mtimeMs}\u0000`);
  }
  return hash.digest('hex');
}

/** The cards of the last build, when it was made from the same sources and its files are all still there. */
export async function cachedCards(cacheDir: string, fingerprint: string): Promise<Map<string, string> | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(cacheDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.fingerprint !== fingerprint || !Array.isArray(manifest.files)) return undefined;
  return manifest.files.every(([, file]) => existsSync(file)) ? new Map(manifest.files) : undefined;
}

/** Remembers the cards drawn from these sources, for the next build. */
export async function rememberCards(cacheDir: string, fingerprint: string, files: ReadonlyMap<string, string>): Promise<void> {
  await writeFile(join(cacheDir, MANIFEST_FILE), JSON.stringify({ fingerprint, files: [...files] } satisfies Manifest));
}
