import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * A digest of the TypeScript files at `paths` (files, or folders read recursively), by their paths
 * relative to `root` and their text. Astro keeps its content store between runs and clears it when
 * the content config file's own text or the Astro config changes; the collections' definitions,
 * schemas, loaders and Markdown plugins live in other files, so the config carries this digest of
 * them (astro.config.mjs) and a store made by other code is never reused.
 */
export function codeDigest(root: string, paths: readonly string[]): string {
  const files = paths.flatMap((path) => {
    const full = join(root, path);
    if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [full];
    return readdirSync(full, { recursive: true, encoding: 'utf8' }).map((file) => join(full, file));
  });
  const hash = createHash('sha256');
  for (const file of files.filter((file) => file.endsWith('.ts')).sort()) {
    const text = statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file, 'utf8') : '';
    hash.update(`${relative(root, file).split(sep).join('/')}\u0000${text}\u0000`);
  }
  return hash.digest('hex').slice(0, 16);
}
