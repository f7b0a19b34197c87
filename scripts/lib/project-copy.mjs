/**
 * Copies of the project for the measuring scripts. They live under tests/.output/ (ignored by git)
 * rather than the OS temp folder: inside the project, Node resolution walks up to the project's
 * node_modules, with no symlink for Vite to resolve to another root, and the shared dist/ of the
 * working tree is never touched.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT_ROOT = join(PROJECT_ROOT, 'tests', '.output');
export const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

// Copied at run time, so the scripts measure whatever the site is today.
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'];

/**
 * Replaces `root` with a fresh copy of the project's sources (no dist/, .astro/ or caches).
 * @param {string} root
 */
export async function copyProject(root) {
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  for (const file of PROJECT_FILES) {
    if (existsSync(join(PROJECT_ROOT, file))) await cp(join(PROJECT_ROOT, file), join(root, file), { recursive: true });
  }
}
