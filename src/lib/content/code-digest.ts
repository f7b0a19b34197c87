import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filesBelowSync } from '../files.ts';

/**
 * A digest of the TypeScript files at `paths` (files, or folders read recursively), by their paths
 * relative to `root` and their text. Astro keeps its content store between runs and clears it when
 * the content config file's own text or the Astro config changes; the collections' definitions,
 * schemas, loaders and Markdown plugins live in other files, so the config carries this digest of
 * them (astro.config.mjs) and a store made by other code is never reused.
 */
export function codeDigest(root: string, paths: readonly string[]): string {
  const files = paths.flatMap((path) => {
    if (!statSync(join(root, path), { throwIfNoEntry: false })?.isDirectory()) return [path];
    return filesBelowSync(join(root, path)).map((file) => `${path}/${file}`);
  });
  const hash = createHash('sha256');
  for (const file of files.filter((file) => file.endsWith('.ts')).sort()) {
    const full = join(root, file);
    const text = statSync(full, { throwIfNoEntry: false })?.isFile() ? readFileSync(full, 'utf8') : '';
    hash.update(`${file}\u0000${text}\u0000`);
  }
  return hash.digest('hex').slice(0, 16);
}
