/**
 * Carries out a decided plan. Every destination is checked before the first byte is written: it must
 * be inside the project (after resolving symbolic links) and in one of the places the import writes,
 * so a crafted path or a linked folder can never make it write elsewhere.
 */
import { lstatSync, mkdirSync, readdirSync, realpathSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MANIFEST, manifestAfter, plannedBytes, readManifest, SITE_CONFIG, type Action } from './project.ts';
import type { Refusal } from './report.ts';
import { isInside, type SourceSite } from './source.ts';
import { scanServedFile, servedKind } from '../../src/lib/checks/served-files.ts';
import { INCLUDES_DIR } from '../../src/lib/liquid/bodies.ts';

/** Where the import may write: its content folders, the includes Liquid reads, and the site config. */
const WRITABLE = ['src/content/pages/', 'src/content/posts/', 'src/data/', `${INCLUDES_DIR}/`, 'public/'];
/** Where it may remove sample content. */
const REMOVABLE = ['src/content/', 'src/data/'];

/** Why a project path may not be written (or removed); undefined when it may. */
export function destinationProblem(root: string, path: string, removing = false): string | undefined {
  const allowed = removing ? REMOVABLE : WRITABLE;
  if (
    path.includes('\\') ||
    path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '') ||
    !(path === SITE_CONFIG || allowed.some((area) => path.startsWith(area)))
  ) {
    return `is not a place the import writes (${[...allowed, SITE_CONFIG].join(', ')}).`;
  }
  const realRoot = realpathSync(root);
  const target = resolve(realRoot, path);
  if (!isInside(realRoot, target)) return 'is outside the project.';
  // The folder the path is in (`public/`, `src/data/`...), resolved: every write must stay inside it
  // after links are followed, so `public/x -> ..` cannot lead a copy onto the project's own files.
  const area = path === SITE_CONFIG ? 'src/' : (allowed.find((candidate) => path.startsWith(candidate)) ?? '');
  const areaPath = resolve(realRoot, area);
  let realArea = areaPath;
  try {
    realArea = realpathSync(areaPath);
  } catch {
    // Not made yet: the import makes it.
  }
  if (!isInside(realRoot, realArea)) return `is inside ${areaPath}, which leads outside the project (a symbolic link).`;
  if (realArea !== areaPath)
    return `is inside ${area}, which is a symbolic link (to ${realArea}); the import does not write through links. Make ${area} a folder and run the import again.`;
  // The nearest folder that exists, resolved: a linked folder must not lead out of its area.
  let folder = dirname(target);
  for (;;) {
    if (!isInside(areaPath, folder)) break;
    try {
      const real = realpathSync(folder);
      if (!isInside(realArea, real)) {
        return `is inside ${folder.slice(realRoot.length + 1) || '.'}, a symbolic link to ${real}, outside ${area}; the import does not write through links. Remove the link (or replace it with a folder) and run the import again.`;
      }
      break;
    } catch {
      if (isLink(folder))
        return `is inside ${folder.slice(realRoot.length + 1)}, a symbolic link that leads nowhere. Remove the link and run the import again.`;
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  try {
    if (lstatSync(target).isSymbolicLink()) return 'is a symbolic link; the import does not write through links.';
  } catch {
    // Does not exist yet.
  }
  return undefined;
}

/** Whether a path is a symbolic link (one that leads nowhere included). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Static files that would run script on the site's own address (an SVG or an HTML file with a
 * `<script>`, a handler...): the build refuses them (src/lib/checks/served-files.ts), so the import
 * refuses them first, with the Jekyll file and line, rather than leave a build that fails.
 */
export function scriptRefusals(actions: readonly Action[], site: SourceSite): Refusal[] {
  const refusals: Refusal[] = [];
  for (const action of actions) {
    if ((action.kind !== 'write' && action.kind !== 'replace') || !action.file.path.startsWith('public/') || !('copy' in action.file.content)) continue;
    const kind = servedKind(action.file.path);
    if (kind === undefined) continue;
    for (const { line, message } of scanServedFile(kind, plannedBytes(action.file, site))) {
      refusals.push({
        path: action.file.content.copy,
        message: `(line ${line}) ${message} The site serves it from its own address, so the build would refuse it.`,
      });
    }
  }
  return refusals;
}

/** Every destination of the actions that may not be written, checked before anything is; with the site, its static files' script too. */
export function checkDestinations(root: string, actions: readonly Action[], site?: SourceSite): Refusal[] {
  const refusals: Refusal[] = site ? scriptRefusals(actions, site) : [];
  for (const action of actions) {
    if (action.kind === 'keep' || action.kind === 'unchanged') continue;
    const path = action.kind === 'remove' ? action.path : action.file.path;
    const problem = destinationProblem(root, path, action.kind === 'remove');
    if (problem) refusals.push({ path, message: `${problem} The import writes nothing outside its folders.` });
  }
  return refusals;
}

/** Writes, replaces and removes as decided, then records what it wrote in the manifest. Call `checkDestinations` first. */
export function applyActions(root: string, actions: readonly Action[], site: SourceSite): void {
  const before = readManifest(root);
  const removedFrom = new Set<string>();
  for (const action of actions) {
    if (action.kind === 'write' || action.kind === 'replace') {
      const target = join(root, action.file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, plannedBytes(action.file, site));
    } else if (action.kind === 'remove') {
      unlinkSync(join(root, action.path));
      removedFrom.add(dirname(action.path));
    }
  }
  // Folders the removals emptied (the sample's src/content/work/) go too, up to the content area.
  for (const folder of [...removedFrom].sort((a, b) => b.length - a.length)) {
    let current = folder;
    // Up to, not including, src/content and src/data themselves.
    while (REMOVABLE.some((area) => current.startsWith(area))) {
      const full = join(root, current);
      try {
        if (readdirSync(full).length > 0) break;
        rmdirSync(full);
      } catch {
        break;
      }
      current = dirname(current);
    }
  }
  // What this import wrote, so the next one knows exactly which files are its own.
  const manifest = join(root, MANIFEST);
  if (destinationProblem(root, MANIFEST) === undefined) {
    mkdirSync(dirname(manifest), { recursive: true });
    writeFileSync(manifest, `${JSON.stringify(manifestAfter(before, actions, site), null, 2)}\n`);
  }
}
