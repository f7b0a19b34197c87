import { schemaIssuesToProblems, type Problem } from '../errors.ts';
import { readEntrySource } from '../frontmatter/read-entry.ts';
import { isPublished } from '../routing/entries.ts';
import { WORK_ENTRY_KEYS, workEntrySchema, type WorkEntryData } from '../schema/work-entry.ts';
import { checkBody } from './body.ts';

/** A file found in the collection folder. */
export interface CollectionFile {
  /** Path relative to the project root, `/`-separated: `src/content/work/amazon.md`. */
  path: string;
  /** The file's text (read for `.md` and `.mdx` only). */
  text: string;
}

/** A page the site builds from `src/pages`, whose address no entry may take. */
export interface SitePage {
  /** Its address: `/work`. */
  path: string;
  /** The file that makes it, relative to the project root: `src/pages/work.astro`. */
  file: string;
}

export interface EntryCheckInput {
  /** The collection folder, relative to the project root: `src/content/work`. */
  collectionDir: string;
  files: readonly CollectionFile[];
  /** The static pages of `src/pages`. */
  pages: readonly SitePage[];
  /** Every file in `public/`, relative to it, `/`-separated. */
  publicFiles: readonly string[];
}

/** An entry that passed its own checks: the permalink map link reports use. */
export interface CheckedEntry {
  file: string;
  data: WorkEntryData;
  published: boolean;
}

export interface EntryCheckResult {
  problems: Problem[];
  entries: CheckedEntry[];
}

const ENTRY_EXTENSIONS = /\.(md|mdx)$/;
/** Images an entry may keep beside itself and name in `image: ./logo.png`. */
const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|avif)$/i;
const baseName = (path: string) => path.split('/').pop() ?? path;

/**
 * Every check of the collection that needs no build: file names, front matter, the schema,
 * permalink clashes (with each other, with pages and with `public/` files), Liquid left from the
 * Jekyll site and anything that would run JavaScript. All problems are collected; none stops the others.
 */
export function checkEntries(input: EntryCheckInput): EntryCheckResult {
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = [];
  // Dotfiles (.DS_Store, .gitkeep) are the file system's, not the owner's.
  const files = input.files.filter((file) => !baseName(file.path).startsWith('.'));
  const entryFiles = files.filter((file) => ENTRY_EXTENSIONS.test(file.path));

  for (const file of files) {
    if (!ENTRY_EXTENSIONS.test(file.path) && !IMAGE_EXTENSIONS.test(file.path)) {
      problems.push({
        file: file.path,
        field: 'file',
        message: `is not an entry: only .md and .mdx files (and the images they show) belong in ${input.collectionDir}. Rename it to .md, or move it out of the folder.`,
      });
    }
  }

  if (entryFiles.length === 0) {
    problems.push({
      file: input.collectionDir,
      field: 'entries',
      message: 'the folder has no entries. Add one .md file per job or school, starting with layout, title, data and permalink.',
    });
  }

  const stems = new Map<string, string[]>();
  for (const { path } of entryFiles) {
    const stem = path.replace(ENTRY_EXTENSIONS, '');
    stems.set(stem, [...(stems.get(stem) ?? []), path]);
  }
  for (const paths of stems.values()) {
    if (paths.length < 2) continue;
    for (const path of paths) {
      const others = paths.filter((other) => other !== path).map(baseName);
      problems.push({
        file: path,
        field: 'file',
        message: `has the same name as ${others.map((name) => `"${name}"`).join(', ')}; the site would keep only one of them. Rename or remove one.`,
      });
    }
  }

  const sources = entryFiles.map((file) => ({ file, read: readEntrySource(file.text) }));
  const permalinkByFileName = new Map<string, string>();
  for (const { file, read } of sources) {
    const permalink = read.ok ? read.source.data['permalink'] : undefined;
    if (typeof permalink === 'string') permalinkByFileName.set(baseName(file.path), permalink);
  }

  for (const { file, read } of sources) {
    if (!read.ok) {
      problems.push({ file: file.path, field: 'front matter', line: read.error.line, message: read.error.message });
      continue;
    }
    const { data, body, bodyLine, lineOf } = read.source;
    const parsed = workEntrySchema.safeParse(data);
    if (parsed.success) {
      const entry = { id: file.path, filePath: file.path, data: parsed.data };
      entries.push({ file: file.path, data: parsed.data, published: isPublished(entry) });
    } else {
      problems.push(...schemaIssuesToProblems(file.path, parsed.error.issues, WORK_ENTRY_KEYS, lineOf));
    }
    for (const problem of checkBody(body, { bodyLine, permalinkOfFile: (name) => permalinkByFileName.get(name) })) {
      problems.push({ file: file.path, ...problem });
    }
  }

  problems.push(...permalinkClashes(entries.filter((entry) => entry.published), input));
  return { problems, entries };
}

/** Two published entries, an entry and a page, or an entry and a `public/` file wanting one address. */
function permalinkClashes(published: readonly CheckedEntry[], input: EntryCheckInput): Problem[] {
  const problems: Problem[] = [];
  // Valid permalinks are lowercase, so entries clash only on equal addresses.
  const byAddress = new Map<string, CheckedEntry[]>();
  for (const entry of published) {
    byAddress.set(entry.data.permalink, [...(byAddress.get(entry.data.permalink) ?? []), entry]);
  }
  for (const group of byAddress.values()) {
    for (const entry of group) {
      for (const other of group) {
        if (other === entry) continue;
        problems.push({
          file: entry.file,
          field: 'permalink',
          message: `"${entry.data.permalink}" is also the permalink of ${other.file}. Every page needs its own address: change one of them.`,
        });
      }
    }
  }

  // Pages and public files may use capitals; on a case-insensitive disk `About.html` and `about.html`
  // are one file, so those comparisons ignore case.
  const pages = new Map(input.pages.map((page) => [page.path.toLowerCase().replace(/(.)\/$/, '$1'), page]));
  const publicFiles = new Map(input.publicFiles.map((file) => [file.toLowerCase(), file]));
  for (const entry of published) {
    const permalink = entry.data.permalink.toLowerCase();
    const page = pages.get(permalink);
    if (page) {
      problems.push({
        file: entry.file,
        field: 'permalink',
        message: `"${entry.data.permalink}" is the address of ${page.file}. Choose another permalink, like "${permalink}/${baseName(entry.file).replace(ENTRY_EXTENSIONS, '')}".`,
      });
    }
    const relative = permalink.slice(1);
    for (const candidate of [relative, `${relative}.html`, `${relative}/index.html`]) {
      const file = publicFiles.get(candidate);
      if (file) {
        problems.push({
          file: entry.file,
          field: 'permalink',
          message: `"${entry.data.permalink}" is also served by public/${file}. Remove that file or choose another permalink.`,
        });
      }
    }
  }
  return problems;
}
