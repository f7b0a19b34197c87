/**
 * The project the import writes into: which files are there, which of them are the sample content a
 * fresh clone ships (safe to replace), and what each planned file would do. Reading is here
 * (`inspectProject`, the file system and git); deciding is pure (`decide`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { PlannedFile } from './planned-file.ts';
import { compareText } from './report.ts';
import type { SourceSite } from './source.ts';
import { INCLUDES_DIR } from '../../src/lib/liquid/bodies.ts';

/** The folders the import writes into, and the one file outside them it replaces. */
export const CONTENT_AREAS = ['src/content/', 'src/data/', `${INCLUDES_DIR}/`, 'public/'] as const;
export const SITE_CONFIG = 'src/site.config.ts';
/** The project's own favicon: not the owner's content, never removed. */
export const PROJECT_FAVICON = 'public/favicon.svg';
/**
 * The seed entry the project ships (`src/content/pages/work/amazon.md`), by its SHA-256: sample
 * content wherever it is found, even in a copy that is not a git checkout.
 */
export const SEED_ENTRY_SHA256 = '78ec7d6a429deed436b12ddc047af8f7490fd48d66c363ecfbf0bbd360f4b6d6';

/**
 * What the import knows it may replace, committed with the project: the sample content a fresh clone
 * ships and every file the last import wrote, each by path and SHA-256. A file is replaced or removed
 * without `--force` only while its bytes are still the ones listed; anything else is the owner's.
 */
export const MANIFEST = 'src/data/.import-manifest.json';

export interface Manifest {
  /** The sample content of a fresh clone. */
  sample: Record<string, string>;
  /** What the last import wrote. */
  imported: Record<string, string>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The manifest of a project, or `undefined` when it has none (or one that cannot be read). */
export function readManifest(root: string): Manifest | undefined {
  try {
    const value = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')) as Partial<Manifest>;
    const table = (entries: unknown) =>
      Object.fromEntries(
        Object.entries(typeof entries === 'object' && entries !== null ? entries : {}).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    return { sample: table(value.sample), imported: table(value.imported) };
  } catch {
    return undefined;
  }
}

/** The manifest after an import: what it wrote, and the sample content it left in place. */
export function manifestAfter(before: Manifest | undefined, actions: readonly Action[], site: SourceSite): Manifest {
  const removed = new Set(actions.filter((action) => action.kind === 'remove').map((action) => (action as { path: string }).path));
  const imported: Record<string, string> = {};
  for (const action of actions) {
    if (action.kind === 'write' || action.kind === 'replace' || action.kind === 'unchanged')
      imported[action.file.path] = sha256(plannedBytes(action.file, site));
  }
  const sample = Object.fromEntries(Object.entries(before?.sample ?? {}).filter(([path]) => !removed.has(path) && !(path in imported)));
  return { sample, imported };
}

/** Writes the manifest of the project's sample content as it is now: run after changing the sample. */
export function writeSampleManifest(root: string, paths: readonly string[]): void {
  const sample = Object.fromEntries([...paths].sort(compareText).map((path) => [path, sha256(readFileSync(join(root, path)))]));
  writeFileSync(join(root, MANIFEST), `${JSON.stringify({ sample, imported: {} }, null, 2)}\n`);
}

export interface ProjectState {
  /** Every file in the content areas (and the site config), by project path, with its bytes. */
  existing: ReadonlyMap<string, Buffer>;
  /** Files of the sample content (or of the last import), unchanged: replaced or removed without asking. */
  sample: ReadonlySet<string>;
  /** Whether the sample content could be told (from the manifest, or from git without one); without it only the seed entry is known. */
  git: boolean;
  /** The manifest the project has, if any. */
  manifest?: Manifest | undefined;
}

/** git's blob id of some bytes, to compare a file with its committed version without running git per file. */
function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Reads the content areas and, when the project is a git checkout, the committed sample content. */
export function inspectProject(root: string): ProjectState {
  const existing = new Map<string, Buffer>();
  const paths = globSync(
    CONTENT_AREAS.map((area) => `${area}**`),
    { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false },
  );
  if (existsSync(join(root, SITE_CONFIG))) paths.push(SITE_CONFIG);
  for (const path of paths.sort(compareText)) existing.set(path, readFileSync(join(root, path)));

  existing.delete(MANIFEST);
  const sample = new Set<string>();
  const manifest = readManifest(root);
  let git = false;
  if (manifest) {
    // The manifest says exactly what is sample content or the import's own: nothing else is.
    git = true;
    for (const [path, hash] of [...Object.entries(manifest.sample), ...Object.entries(manifest.imported)]) {
      const bytes = existing.get(path);
      if (bytes && sha256(bytes) === hash) sample.add(path);
    }
  } else {
    // A project from before the manifest: the committed, unchanged files are taken for sample content.
    sampleFromGit(root, existing, sample, () => (git = true));
  }
  for (const [path, bytes] of existing) {
    if (path.startsWith('src/content/') && sha256(bytes) === SEED_ENTRY_SHA256) sample.add(path);
  }
  return { existing, sample, git, manifest };
}

function sampleFromGit(root: string, existing: ReadonlyMap<string, Buffer>, sample: Set<string>, found: () => void): void {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (realpathSync(top) === realpathSync(root)) {
      const listing = execFileSync('git', ['ls-tree', '-r', '-z', 'HEAD', '--', 'src/content', 'src/data', SITE_CONFIG, PROJECT_FAVICON], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      found();
      for (const entry of listing.split('\0')) {
        const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
        if (!match?.[1] || !match[2]) continue;
        const bytes = existing.get(match[2]);
        if (bytes && blobId(bytes) === match[1]) sample.add(match[2]);
      }
    }
  } catch {
    // Not a git checkout (or no commit yet): only the seed entry is known to be sample content.
  }
}

export type Action = { kind: 'write' | 'replace' | 'unchanged'; file: PlannedFile } | { kind: 'remove'; path: string } | { kind: 'keep'; path: string };

export interface Clash {
  path: string;
  message: string;
}

export interface Decision {
  actions: Action[];
  /** What stops the import without `--force`. */
  clashes: Clash[];
}

/** The bytes a planned file would have. */
export function plannedBytes(file: PlannedFile, site: SourceSite): Buffer {
  return 'text' in file.content ? Buffer.from(file.content.text, 'utf8') : site.bytes(file.content.copy);
}

/**
 * What each planned file does to the project, and what clashes: a file it would overwrite that is not
 * sample content, and the owner's own files it would leave mixed in with the import. With `force`,
 * clashing files are replaced and the owner's other files are kept; nothing of theirs is removed.
 */
export function decide(files: readonly PlannedFile[], state: ProjectState, site: SourceSite, force: boolean): Decision {
  const actions: Action[] = [];
  const clashes: Clash[] = [];
  const planned = new Set(files.map((file) => file.path));
  for (const file of files) {
    const current = state.existing.get(file.path);
    if (current === undefined) actions.push({ kind: 'write', file });
    else if (current.equals(plannedBytes(file, site))) actions.push({ kind: 'unchanged', file });
    else if (state.sample.has(file.path)) actions.push({ kind: 'replace', file });
    else {
      clashes.push({ path: file.path, message: 'exists with other content (not the sample content of a fresh clone); the import would overwrite it.' });
      actions.push({ kind: 'replace', file });
    }
  }
  for (const path of state.existing.keys()) {
    // A `.gitkeep` only keeps an empty folder in git: not content, so it stays.
    if (planned.has(path) || path === PROJECT_FAVICON || path === SITE_CONFIG || path.endsWith('/.gitkeep')) continue;
    if (state.sample.has(path) && !path.startsWith('public/')) {
      actions.push({ kind: 'remove', path });
    } else {
      clashes.push({
        path,
        message: "is not the project's sample content and not something the import writes; it would be left mixed in with the imported site.",
      });
      actions.push({ kind: 'keep', path });
    }
  }
  return { actions, clashes: force ? [] : clashes.sort((a, b) => compareText(a.path, b.path)) };
}
