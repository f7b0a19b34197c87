import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownFilesBelowSync } from '../files.ts';
import { readEntrySource } from '../frontmatter/read-entry.ts';
import { PAGES_DIR } from '../routing/pages.ts';
import { postFacts, POSTS_DIR, type PostsConfig } from '../routing/posts.ts';
import { postSchema } from '../schema/post.ts';

/**
 * Every permalink of the site's pages and posts, as written (a post's as its style makes it), read
 * from their front matter when the config loads. Files that cannot be read are skipped here; the
 * checks report them.
 */
export function sitePermalinks(root: string, posts: PostsConfig): Set<string> {
  const permalinks = new Set<string>();
  for (const path of markdownFilesBelowSync(join(root, PAGES_DIR))) {
    const read = readEntrySource(readFileSync(join(root, PAGES_DIR, path), 'utf8'));
    const permalink = read.ok ? read.source.data['permalink'] : undefined;
    if (typeof permalink === 'string') permalinks.add(permalink);
  }
  for (const path of markdownFilesBelowSync(join(root, POSTS_DIR))) {
    const read = readEntrySource(readFileSync(join(root, POSTS_DIR, path), 'utf8'));
    const data = read.ok ? postSchema.safeParse(read.source.data) : undefined;
    const facts = data?.success ? postFacts(path, data.data, posts) : undefined;
    if (facts?.ok) permalinks.add(facts.facts.permalink);
  }
  return permalinks;
}
