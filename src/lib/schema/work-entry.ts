import { z } from 'astro/zod';
import { normalizeYearMonth, yearMonthProblem } from '../dates.ts';
import { permalinkProblems } from '../routing/permalink.ts';

/** The page templates an entry can name in `layout`. Each maps to a component in `src/layouts/`. */
export const LAYOUT_NAMES = ['work_page'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/**
 * The groups an entry can name in `data`: the collections defined in `src/content.config.ts`.
 * As a Jekyll site's `_data/work.yml` drove a sidebar, the entries of a group form the navigation.
 */
export const GROUP_NAMES = ['work'] as const;
export type GroupName = (typeof GROUP_NAMES)[number];

/** Longest title that still fits a browser tab and a search result. */
export const TITLE_MAX_LENGTH = 120;
/** Longest description search engines show in full. */
export const DESCRIPTION_MAX_LENGTH = 300;

/** Longest image description; a screen reader reads it in full, so a phrase, not a paragraph. */
export const IMAGE_ALT_MAX_LENGTH = 150;

/**
 * An image path as written in front matter. Typed `unknown` both ways so `src/content.config.ts` can
 * swap in Astro's `image()`, whose declared types are its metadata object.
 */
const entryImagePath: z.ZodType<unknown, unknown> = z
  .string({ error: 'must be the path of an image file, like image: ../../assets/logo.png' })
  .trim()
  .min(1, { error: 'is empty; write a path like image: ../../assets/logo.png or remove the line.', abort: true })
  // The formats the build turns into AVIF and WebP; an SVG or GIF would fail later with Astro's own error.
  .regex(/\.(png|jpe?g|webp|avif)$/i, { error: 'must be a PNG, JPEG, WebP or AVIF file, like image: ../../assets/logo.png' });

const listOf = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** Text that is never blank; an optional field may be left out, a required one must be written. */
const text = (field: string, { required = false } = {}) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required.` : `must be text; put the value in quotes, like ${field}: "..."`) })
    .trim()
    .min(1, { error: required ? `is empty; write the ${field}, like ${field}: "Amazon".` : 'is empty; write some text or remove the line.' });

const yearMonth = z
  .union([z.string(), z.number(), z.date()])
  .superRefine((value, ctx) => {
    const problem = yearMonthProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => normalizeYearMonth(value as string | number));

/**
 * The front matter of one work entry (`src/content/work/*.md` or `.mdx`). Strict: a key this schema
 * does not know is an error, so a typo such as `permalnk` never silently drops a page.
 */
export const workEntrySchema = z
  .strictObject({
    /** The page template: `work_page` renders a job or school page with its group's navigation. */
    layout: z.enum(LAYOUT_NAMES, {
      error: (issue) =>
        issue.input === undefined
          ? `is required. Write "layout: work_page".`
          : `"${String(issue.input)}" is not a layout. Known layouts: ${listOf(LAYOUT_NAMES)}.`,
    }),
    /** The page's title: the `<h1>`, the browser tab and the navigation label. Plain text, never markup. */
    title: text('title', { required: true }).max(TITLE_MAX_LENGTH, {
      error: `is longer than ${TITLE_MAX_LENGTH} characters; shorten it and put the detail in the body or in "description".`,
    }),
    /**
     * The group whose entries form this page's navigation, like the Jekyll `_data/<name>.yml` file
     * that drove the sidebar. It names a collection; it is not a date.
     */
    data: z.enum(GROUP_NAMES, {
      error: (issue) =>
        issue.input === undefined
          ? `is required: it names the group this page is listed with. Write "data: work".`
          : issue.input instanceof Date
            ? `is a date, but "data" names the group this page is listed with; it is not a date. Write "data: work".`
            : `"${String(issue.input)}" names no collection. Known collections: ${listOf(GROUP_NAMES)}.`,
    }),
    /**
     * The page's exact public address from the site root, as on the Jekyll site: `/work/amazon` is
     * served at `/work/amazon`. Lowercase letters, digits and `-`, in `/`-separated segments, no trailing slash.
     */
    permalink: z
      .string({ error: (issue) => (issue.input === undefined ? `is required. Write an address like "/work/amazon".` : 'must be text, like "/work/amazon".') })
      .superRefine((value, ctx) => {
        for (const message of permalinkProblems(value)) ctx.addIssue({ code: 'custom', message });
      }),
    /** One or two sentences for search results, link previews and the `/work` index. Defaults to the first paragraph. */
    description: text('description')
      .max(DESCRIPTION_MAX_LENGTH, { error: `is longer than ${DESCRIPTION_MAX_LENGTH} characters; keep it to a sentence or two.` })
      .optional(),
    /** Your role there: "Software Engineer", "M.S. Computer Science". */
    role: text('role').optional(),
    /** Where: "Seattle, WA", "Remote". */
    location: text('location').optional(),
    /** When it began: a year (`2018`) or a year and month (`2018-06`). */
    start: yearMonth.optional(),
    /** When it ended, in the same form as `start`. Leave it out for a current position. */
    end: yearMonth.optional(),
    /** Position in navigation and listings: lower comes first. Entries without it follow, newest first. */
    order: z.number({ error: 'must be a whole number, like "order: 1".' }).int({ error: 'must be a whole number, like "order: 1".' }).optional(),
    /** `true` keeps the entry unpublished: no page, no sitemap entry, no navigation link. */
    draft: z.boolean({ error: 'must be true or false (without quotes).' }).default(false),
    /**
     * A logo or photo for the page: a PNG, JPEG, WebP or AVIF in `src/assets/`, written as a path
     * from the entry file, `../../assets/amazon-logo.png`. The build checks the file exists and serves
     * it as AVIF and WebP with a width and height, so nothing shifts as it loads. Needs `imageAlt`.
     * (A plain path here; `src/content.config.ts` swaps in Astro's `image()`, which resolves the file.)
     */
    image: entryImagePath.optional(),
    /**
     * What the image shows, for people who cannot see it and for link previews: "Amazon logo",
     * "Me at the 2019 ICSE poster session". Required with `image`.
     */
    imageAlt: text('imageAlt').max(IMAGE_ALT_MAX_LENGTH, { error: `is longer than ${IMAGE_ALT_MAX_LENGTH} characters; say what the image shows in a short phrase.` }).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.start && entry.end && entry.end < entry.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `("${entry.end}") is before start ("${entry.start}"); swap them or fix the year.` });
    }
    if (entry.image !== undefined && entry.imageAlt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: `is required when "image" is given: say what the image shows, like imageAlt: "${entry.title} logo".` });
    }
    if (entry.imageAlt !== undefined && entry.image === undefined) {
      ctx.addIssue({ code: 'custom', path: ['imageAlt'], message: `describes an image, but there is no "image"; add image: ../../assets/logo.png or remove imageAlt.` });
    }
    if (entry.end && !entry.start) {
      ctx.addIssue({ code: 'custom', path: ['start'], message: `is required when "end" is given; write the year it began, like "start: ${entry.end.slice(0, 4)}".` });
    }
  });

/** What an author writes in front matter. */
export type WorkEntryInput = z.input<typeof workEntrySchema>;
/** What templates receive after validation. */
export type WorkEntryData = z.output<typeof workEntrySchema>;

/** The front-matter keys an entry may use, for "did you mean" suggestions. */
export const WORK_ENTRY_KEYS: readonly string[] = Object.keys(workEntrySchema.shape);
