import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEntrySource } from '../frontmatter/read-entry.ts';
import { isFolderPermalink } from '../routing/permalink.ts';
import { postFacts, POSTS_DIR, type PostsConfig } from '../routing/posts.ts';
import { postSchema } from '../schema/post.ts';

/** Where the site's Markdown pages live, relative to the project root. */
export const PAGES_DIR = 'src/content/pages';

function markdownFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => /\.mdx?$/.test(path));
  } catch {
    return [];
  }
}

/**
 * The folder addresses of the site (`/work/`, `/blog/`, a `pretty` post's `/2019/06/10/x/`), read
 * from the pages' and posts' front matter when the config loads: the Markdown plugins write a link
 * to `/work` as `/work/` when `/work/` is a page, so no visitor meets a redirect. Files that cannot
 * be read are skipped here; the checks report them.
 */
export function folderPermalinks(root: string, posts: PostsConfig): Set<string> {
  return new Set([...sitePermalinks(root, posts)].filter((permalink) => isFolderPermalink(permalink) && permalink !== '/'));
}

/** Every permalink of the site's pages and posts, as written (a post's as its style makes it). */
export function sitePermalinks(root: string, posts: PostsConfig): Set<string> {
  const permalinks = new Set<string>();
  for (const path of markdownFiles(join(root, PAGES_DIR))) {
    const read = readEntrySource(readFileSync(join(root, PAGES_DIR, path), 'utf8'));
    const permalink = read.ok ? read.source.data['permalink'] : undefined;
    if (typeof permalink === 'string') permalinks.add(permalink);
  }
  for (const path of markdownFiles(join(root, POSTS_DIR))) {
    const read = readEntrySource(readFileSync(join(root, POSTS_DIR, path), 'utf8'));
    const data = read.ok ? postSchema.safeParse(read.source.data) : undefined;
    const facts = data?.success ? postFacts(path.split('\\').join('/'), data.data, posts) : undefined;
    if (facts?.ok) permalinks.add(facts.facts.permalink);
  }
  return permalinks;
}
