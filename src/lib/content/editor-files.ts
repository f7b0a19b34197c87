/**
 * Files an editor or a tool writes for a moment beside the file being saved, and removes or renames
 * over it: `astro dev` ignores them, so a save never shows "is not a page" for a file the owner never
 * made. (`npm run build` still reports any of them left behind.)
 */
const EDITOR_FILES: readonly RegExp[] = [
  /^sed[A-Za-z0-9]{6}$/, // sed -i
  /^\.?.*\.sw[a-p]$/, // vim swap files
  /^4913$/, // vim's probe for a writable folder
  /~$/, // vim, emacs, nano backups
  /^\.#/, // emacs lock files
  /^#.*#$/, // emacs auto-save
  /___jb_(tmp|old)___$/, // JetBrains safe write
  /\.kate-swp$/, // Kate
  /^\.goutputstream-/, // gedit
  /\.(tmp|temp|crswap)$/i, // generic, and Chrome's File System Access saves
  /^\.(DS_Store|~lock\..*#)$/, // macOS, LibreOffice lock files
];

/** Whether a file name (no folder) is one an editor writes while saving. */
export function isEditorFile(name: string): boolean {
  return EDITOR_FILES.some((pattern) => pattern.test(name));
}

/**
 * Whether a check may have read a file in the middle of its save: a page or post whose front matter
 * cannot be read yet (empty, or not closed). `astro dev` then reads the site again before saying
 * anything, so neither that file's problem nor its knock-on effects (a record whose entry seems
 * gone) are shown for a save that completes a moment later.
 */
export function readMidSave(problems: readonly { field: string }[]): boolean {
  return problems.some((problem) => problem.field === 'front matter');
}
