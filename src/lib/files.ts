import { readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * The one way the project lists a folder's files: recursively, relative to the folder, `/`-separated
 * and sorted, so every reader (checks, loader, config, integrations, importer) sees the same files.
 * A folder that does not exist has none.
 */

/** Pages and posts: Markdown or MDX. */
export const isMarkdownFile = (path: string): boolean => /\.mdx?$/.test(path);

const relativeFiles = (folder: string, found: readonly Dirent[]): string[] =>
  found
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();

/** Every file below `folder`, relative to it. */
export async function filesBelow(folder: string): Promise<string[]> {
  return relativeFiles(folder, await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []));
}

/** `filesBelow`, for code that runs before anything async can (the Astro config, the content config). */
export function filesBelowSync(folder: string): string[] {
  try {
    return relativeFiles(folder, readdirSync(folder, { recursive: true, withFileTypes: true }));
  } catch {
    return [];
  }
}

/** The Markdown and MDX files below `folder`, relative to it. */
export async function markdownFilesBelow(folder: string): Promise<string[]> {
  return (await filesBelow(folder)).filter(isMarkdownFile);
}

/** `markdownFilesBelow`, synchronously. */
export function markdownFilesBelowSync(folder: string): string[] {
  return filesBelowSync(folder).filter(isMarkdownFile);
}
