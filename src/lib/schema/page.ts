import { isConsentEntry } from '../checks/consent-entry.ts';
import { z } from 'astro/zod';
import { permalinkProblems } from '../routing/permalink.ts';

/**
 * The owner's consent for scripts on a page or post: each entry is the exact `https://` URL of an
 * external script or `sha256-<base64>` of an inline script's text. The page's
 * Content-Security-Policy allows exactly these; any other script fails the build, and the
 * message prints the line to add. Without it the page runs no JavaScript.
 */
export const SCRIPTS_KEY = z
  .array(
    z.string().refine(isConsentEntry, {
      error: (issue) =>
        `"${String(issue.input)}" is not a script: write the exact https:// URL of an external script, or sha256-<base64> of an inline one (the build prints it).`,
    }),
    { error: 'must be a list of scripts, like scripts: ["https://cdn.example/plot.js"].' },
  )
  .optional();

/**
 * The page templates a page can name in `layout`, as on the owner's Jekyll theme. Each maps to a
 * component in `src/layouts/`.
 */
export const LAYOUT_NAMES = ['work_page', 'work', 'home', 'page', 'blog'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** The layouts that belong to a group and so need `data`: an entry, and the group's index page. */
export const GROUP_LAYOUTS: readonly LayoutName[] = ['work_page', 'work'];

/** Longest title that still fits a browser tab and a search result. */
export const TITLE_MAX_LENGTH = 120;
/** Longest description search engines show in full. */
export const DESCRIPTION_MAX_LENGTH = 300;
/** Longest subtitle: one line under the title. */
export const SUBTITLE_MAX_LENGTH = 160;

const SHOW_ERROR = 'must be a list of field names, each with its label if it has one, like show: [venue, {paperurl: Download paper here}].';

export const listOf = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ');

/** Text that is never blank; an optional field may be left out, a required one must be written. */
export const text = (field: string, { required = false, example = 'Amazon' } = {}) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is required. Write it, like ${field}: "${example}".` : `must be text; put the value in quotes, like ${field}: "..."`,
    })
    .trim()
    .min(1, { error: required ? `is empty; write the ${field}, like ${field}: "${example}".` : 'is empty; write some text or remove the line.' });

/**
 * The keys of a page or post that Jekyll's Liquid reads (see src/lib/liquid/). `fields` holds the
 * Jekyll document's own variables, which Liquid reads as `page.<key>`; `liquid: false` shows the
 * body's braces as written.
 */
/**
 * Which of `fields` the page shows above its body, in order, each as a label and its value (an
 * address as a link): `show: [venue, date, paperurl]`, as the Jekyll layout printed them. An item
 * `{venue: Published in}` gives the field the label its layout printed; `{date: {format: "%B %d, %Y"}}`
 * shows a date as the layout printed it (Ruby's strftime), with an optional `label`.
 */
export const SHOW_KEY = z
  .array(
    z.union(
      [
        z.string(),
        z
          .record(z.string(), z.union([z.string(), z.strictObject({ label: z.string().optional(), format: z.string().optional() })]))
          .refine((item) => Object.keys(item).length === 1),
      ],
      { error: SHOW_ERROR },
    ),
    { error: SHOW_ERROR },
  )
  .optional();

/** Each `show` item must name a key under `fields`. */
export function showProblems(entry: { show?: z.output<typeof SHOW_KEY>; fields?: Record<string, unknown> | undefined }, ctx: z.RefinementCtx): void {
  for (const item of entry.show ?? []) {
    const key = typeof item === 'string' ? item : (Object.keys(item)[0] ?? '');
    if (entry.fields?.[key] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['show'],
        message: `names "${key}", which is not under fields:. Add "${key}: ..." below fields:, or remove it from show.`,
      });
    }
  }
}

/** A line under the title, as many Jekyll themes show `page.subtitle`. Plain text. */
export const SUBTITLE_KEY = text('subtitle', { example: 'Notes from the field' })
  .max(SUBTITLE_MAX_LENGTH, { error: `is longer than ${SUBTITLE_MAX_LENGTH} characters; keep it to one line, and put the rest in the body.` })
  .optional();

export const LIQUID_KEYS = {
  /**
   * The Jekyll document's own front-matter variables that no other key here names (`venue`,
   * `citation`, `paperurl`, `location`, `excerpt`...). Liquid reads each as `page.<key>`.
   */
  fields: z.record(z.string(), z.unknown(), { error: 'must be "key: value" lines, indented under fields:' }).optional(),
  /**
   * `false` shows the body as written: its `{{ }}` and `{% %}` are not run as Liquid. Left out,
   * a Markdown (`.md`) body with `{{` or `{%` is run through Liquid before Markdown, as on Jekyll.
   */
  liquid: z.boolean({ error: 'must be true or false (without quotes).' }).optional(),
};

export interface PageSchemaOptions {
  /** The groups `data` may name: the data files in `src/data/` (`work` for `src/data/work.yml`). */
  groups: readonly string[];
}

/**
 * The front matter of one page in `src/content/pages/` (`.md` or `.mdx`): an entry (`work_page`),
 * a group's index (`work`), the home page, a plain page, or the blog's index. Strict: a key this
 * schema does not know is an error, so a typo such as `permalnk` never silently drops a page.
 */
export function pageSchema({ groups }: PageSchemaOptions) {
  return z
    .strictObject({
      /**
       * The page template: `work_page` (an entry: its record, then the body), `work` (a group's index:
       * the intro, then a tile per record), `home`, `page` (title and body) or `blog` (the posts).
       */
      layout: z.enum(LAYOUT_NAMES, {
        error: (issue) =>
          issue.input === undefined
            ? `is required. Write the page's template, one of ${listOf(LAYOUT_NAMES)}.`
            : issue.input === 'post'
              ? `"post" is the layout of blog posts, which live in src/content/posts/ as YYYY-MM-DD-title.md. A page's layout is one of ${listOf(LAYOUT_NAMES)}.`
              : `"${String(issue.input)}" is not a layout. Known layouts: ${listOf(LAYOUT_NAMES)}${issue.input === 'default' ? '; "page" shows a title and the body' : ''}.`,
      }),
      /** The page's title: the `<h1>` (except on the home page), the browser tab and link labels. Plain text. */
      title: text('title', { required: true }).max(TITLE_MAX_LENGTH, {
        error: `is longer than ${TITLE_MAX_LENGTH} characters; shorten it and put the detail in the body or in "description".`,
      }),
      /**
       * The page's exact public address, as on the Jekyll site: `/work/amazon` (written as
       * `work/amazon.html`), `/work/` (a folder's page, `work/index.html`), `/about.html`, or `/`.
       */
      permalink: z
        .string({ error: (issue) => (issue.input === undefined ? `is required. Write an address like "/work/amazon".` : 'must be text, like "/work/amazon".') })
        .superRefine((value, ctx) => {
          for (const message of permalinkProblems(value)) ctx.addIssue({ code: 'custom', message });
        }),
      /**
       * The group an entry or index page belongs to: the name of its data file, `work` for
       * `src/data/work.yml`, where the entry's record (role, dates, image, links) is kept under its title.
       */
      data: z
        .string({
          error: (issue) =>
            issue.input instanceof Date
              ? `is a date, but "data" names the data file of the page's group; it is not a date. Write "data: work".`
              : `must be the name of a data file in src/data/, like "data: work".`,
        })
        .refine((group) => groups.includes(group), {
          error: (issue) =>
            groups.length === 0
              ? `"${String(issue.input)}" names no data file: src/data/ has none. Create src/data/${String(issue.input)}.yml with one record per entry.`
              : `"${String(issue.input)}" names no data file. Known data files: ${listOf(groups)} (in src/data/).`,
        })
        .optional(),
      /** The home page's heading; its `title` names the page in the browser tab. */
      headline: text('headline').optional(),
      subtitle: SUBTITLE_KEY,
      /** One or two sentences for search results and link previews. Defaults to the first paragraph. */
      description: text('description')
        .max(DESCRIPTION_MAX_LENGTH, { error: `is longer than ${DESCRIPTION_MAX_LENGTH} characters; keep it to a sentence or two.` })
        .optional(),
      /** `true` keeps the page unpublished: no page, no sitemap entry, no link. */
      draft: z.boolean({ error: 'must be true or false (without quotes).' }).default(false),
      /** The owner's consent for the page's scripts (SCRIPTS_KEY). */
      scripts: SCRIPTS_KEY,
      /**
       * The Jekyll collection the page belongs to (`publications` for a file of `_publications/`):
       * Liquid lists it in `site.publications`, ordered by `date`, then by file name.
       */
      collection: z
        .string({ error: 'must be the name of a collection, like collection: publications' })
        .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be one word (letters, digits, "-" or "_"), like collection: publications' })
        .optional(),
      ...LIQUID_KEYS,
      /**
       * Which of `fields` the page shows above its body, in order, each as a label and its value (an
       * address as a link): `show: [venue, date, paperurl]`, as the Jekyll layout printed them. An item
       * `{venue: Published in}` gives the field the label its layout printed; `{date: {format: "%B %d, %Y"}}`
       * shows a date as the layout printed it (Ruby's strftime), with an optional `label`.
       */
      show: SHOW_KEY,
      /**
       * Old addresses of this page, as jekyll-redirect-from: each gets a page that sends visitors here
       * (a meta refresh and a link, no script). `redirect_from: [/old/, /older.html]`.
       */
      redirect_from: z
        .union([z.string(), z.array(z.string())], { error: 'must be an address or a list of addresses, like redirect_from: [/old/].' })
        .transform((value) => (typeof value === 'string' ? [value] : value))
        .optional(),
      /** Sends visitors of this page's address elsewhere, as jekyll-redirect-from: `redirect_to: https://lab.example.org/` or `/new/`. */
      redirect_to: z.string({ error: 'must be an address, like redirect_to: /new/ or redirect_to: https://example.org/.' }).trim().min(1).optional(),
    })
    .superRefine((page, ctx) => {
      const grouped = GROUP_LAYOUTS.includes(page.layout);
      if (grouped && page.data === undefined) {
        const example = groups[0] ?? 'work';
        ctx.addIssue({
          code: 'custom',
          path: ['data'],
          message: `is required for layout "${page.layout}": it names the data file of the page's group. Write "data: ${example}".`,
        });
      }
      if (!grouped && page.data !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['data'], message: `is only read by the "work_page" and "work" layouts; remove it, or change the layout.` });
      }
      if (page.headline !== undefined && page.layout !== 'home') {
        ctx.addIssue({ code: 'custom', path: ['headline'], message: `is only shown by the "home" layout; remove it, or change the layout.` });
      }
      showProblems(page, ctx);
      page.redirect_from?.forEach((address, index) => {
        if (!address.startsWith('/'))
          ctx.addIssue({ code: 'custom', path: ['redirect_from', index], message: `"${address}" must be an address from the site root, like "/old/".` });
        else
          for (const problem of permalinkProblems(address))
            ctx.addIssue({ code: 'custom', path: ['redirect_from', index], message: `"${address}" ${problem}` });
      });
      if (page.redirect_to !== undefined && !page.redirect_to.startsWith('/') && !/^https?:\/\//.test(page.redirect_to)) {
        ctx.addIssue({ code: 'custom', path: ['redirect_to'], message: 'must be an address from the site root ("/new/") or a full address ("https://...").' });
      }
      if (page.layout === 'home' && page.permalink !== '/') {
        ctx.addIssue({ code: 'custom', path: ['permalink'], message: `of a "home" page must be "/": the home page is the site's root.` });
      }
    });
}

export type PageSchema = ReturnType<typeof pageSchema>;
/** What an author writes in a page's front matter. */
export type PageInput = z.input<PageSchema>;
/** What templates receive after validation. */
export type PageData = z.output<PageSchema>;

/** The front-matter keys a page may use, for "did you mean" suggestions. */
export const PAGE_KEYS: readonly string[] = Object.keys(pageSchema({ groups: [] }).shape);
