import { z } from 'astro/zod';
import { permalinkProblems } from '../routing/permalink.ts';
import { DESCRIPTION_MAX_LENGTH, LIQUID_KEYS, SCRIPTS_KEY, SHOW_KEY, showProblems, SUBTITLE_KEY, text, TITLE_MAX_LENGTH } from './page.ts';

/** A word or a list of words, as Jekyll reads `categories` and `tags`: `programming bash` or `[programming, bash]`. */
const words = (field: string) =>
  z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], {
    error: `must be a word, several words separated by spaces, or a list, like ${field}: [programming, bash].`,
  });

/**
 * The front matter of one blog post in `src/content/posts/` (`YYYY-MM-DD-title.md`), as a Jekyll
 * `_posts` file has it. Its address follows Jekyll's rules from the file name, the date and the
 * categories (see `posts.permalink` in the site config), unless it sets its own `permalink`.
 * Strict: a key this schema does not know is an error.
 */
export const postSchema = z
  .strictObject({
    /** Only `post`, as on the Jekyll site; it may be left out. */
    layout: z.literal('post', { error: 'must be "post" or left out: posts have one layout.' }).optional(),
    /** The post's title: its heading, the browser tab, the blog's list and the feed. */
    title: text('title', { required: true, example: 'Batching writes' }).max(TITLE_MAX_LENGTH, {
      error: `is longer than ${TITLE_MAX_LENGTH} characters; shorten it.`,
    }),
    subtitle: SUBTITLE_KEY,
    /**
     * When it was published, overriding the file name's date: `2019-06-10` or `2019-06-10 10:00:00 -0500`,
     * read in the site's `posts.timezone` as Jekyll does.
     */
    date: z.union([z.date(), z.string()], { error: 'must be a date, like date: 2019-06-10 or date: 2019-06-10 10:00:00 -0500.' }).optional(),
    /** The post's categories, part of its address in Jekyll's default style: `categories: programming bash`. */
    categories: words('categories').optional(),
    /** One category, as Jekyll's `category:`. */
    category: words('category').optional(),
    /** Tags: shown with the post, never part of its address. */
    tags: words('tags').optional(),
    /** The post's own address, overriding the style: `/blog/batching-writes.html`. */
    permalink: z
      .string({ error: 'must be text, like "/blog/batching-writes.html".' })
      .superRefine((value, ctx) => {
        for (const message of permalinkProblems(value)) ctx.addIssue({ code: 'custom', message });
      })
      .optional(),
    /** The post's slug in its address, instead of the one in its file name, as Jekyll's `slug:`. */
    slug: z.string({ error: 'must be text, like slug: batching-writes' }).trim().min(1).optional(),
    /** `false` keeps the post unpublished, as in Jekyll: no page, no feed entry, no link. */
    published: z.boolean({ error: 'must be true or false (without quotes).' }).default(true),
    /** Where this post's excerpt ends (`<!--more-->`), overriding the site's `posts.excerptSeparator`. */
    excerpt_separator: z.string({ error: 'must be text, like excerpt_separator: <!--more-->' }).min(1).optional(),
    /** One or two sentences for search results and link previews. Defaults to the first paragraph. */
    description: text('description')
      .max(DESCRIPTION_MAX_LENGTH, { error: `is longer than ${DESCRIPTION_MAX_LENGTH} characters; keep it to a sentence or two.` })
      .optional(),
    /** The owner's consent for the post's scripts, as a page's `scripts:`. */
    scripts: SCRIPTS_KEY,
    ...LIQUID_KEYS,
    /** Which of `fields` the post shows above its body, as a page's `show:` (its Jekyll layout printed them). */
    show: SHOW_KEY,
  })
  .superRefine(showProblems);

export type PostInput = z.input<typeof postSchema>;
export type PostData = z.output<typeof postSchema>;

/** The front-matter keys a post may use, for "did you mean" suggestions. */
export const POST_KEYS: readonly string[] = Object.keys(postSchema.shape);
