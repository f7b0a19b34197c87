import type { PostData } from '../schema/post.ts';
import { JekyllUrlError, parsePostFileName, postCategories, postDate, postUrl, type PostDate } from './jekyll-urls.ts';
import { permalinkProblems } from './permalink.ts';
import { isPublishedFile } from './pages.ts';
import type { PostFactsResult } from './post-facts.ts';

/**
 * Blog posts as Jekyll addresses and dates them: the file name gives the date and slug
 * (`2019-06-10-useful-shell-aliases.md`), the folders above the file and the front matter give the
 * categories, and the site's permalink style (`posts.permalink`) puts them together. The rules
 * themselves live in `jekyll-urls.ts`; this applies them to this project's posts folder.
 */

/** Where posts live, relative to the project root. */
export const POSTS_DIR = 'src/content/posts';

/** The site config's `posts` settings. */
export interface PostsConfig {
  permalink: string;
  timezone: string;
  excerptSeparator?: string | undefined;
  /** Posts per page of the blog's list (10 when not given). */
  perPage?: number | undefined;
  /** More addresses of the Atom feed (`/atom.xml`), besides `/feed.xml`. */
  feeds?: readonly string[] | undefined;
}

export type { PostFacts, PostFactsResult } from './post-facts.ts';

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function rfc3339(date: PostDate): string {
  const offset = date.utcOffsetSeconds;
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60;
  return (
    `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)}` +
    `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  );
}

/**
 * The facts of one post, from its path below the posts folder (`programming/2019-03-02-x.md`) and
 * its front matter; or the field at fault and what to write.
 */
export function postFacts(path: string, data: PostData, config: PostsConfig): PostFactsResult {
  const segments = path.split('/');
  const fileName = segments.pop() ?? path;
  const name = parsePostFileName(fileName);
  if (!name) {
    return {
      ok: false,
      field: 'file',
      message: `"${fileName}" does not start with the post's date. Name it like "2019-06-10-${
        fileName
          .replace(/\.mdx?$/, '')
          .replace(/[^A-Za-z0-9]+/g, '-')
          .toLowerCase() || 'title'
      }.md", as in Jekyll's _posts.`,
    };
  }
  const date = postDate({ fileDate: name.date, frontMatterDate: data.date, timezone: config.timezone });
  if ('error' in date) return { ok: false, field: data.date === undefined ? 'file' : 'date', message: date.error };
  let categories: string[];
  try {
    // Folders above the file are categories, as folders above Jekyll's _posts; `_drafts` and the like are not.
    categories = postCategories({ categories: data.categories, category: data.category, folders: segments.filter((folder) => !folder.startsWith('_')) });
  } catch (error) {
    if (error instanceof JekyllUrlError) return { ok: false, field: 'categories', message: error.message };
    throw error;
  }
  const permalink = postUrl({ style: config.permalink, permalink: data.permalink, date, slug: data.slug ?? name.slug, title: data.title, categories });
  const problems = permalinkProblems(permalink);
  if (problems.length > 0) {
    return {
      ok: false,
      field: data.permalink === undefined ? 'file' : 'permalink',
      message: `makes the address "${permalink}", which ${problems[0]?.replace(/^may only/, 'may only')} Rename the file or set a permalink.`,
    };
  }
  return {
    ok: true,
    facts: {
      permalink,
      published: new Date(date.epochMilliseconds),
      day: `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`,
      dateTime: rfc3339(date),
      categories,
    },
  };
}

/** Unpublished: `published: false`, or a file in a `_` folder such as `_drafts/`. */
export function isPublishedPost(path: string, data: PostData): boolean {
  return isPublishedFile(path, !data.published);
}
