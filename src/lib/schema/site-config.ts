import { z } from 'astro/zod';
import { formatProblems, schemaIssuesToProblems } from '../errors.ts';
import { domainProblem } from '../github-pages.ts';
import { SCRIPTS_KEY } from './page.ts';

/** Required text: a friendly message when it is missing, not text, or blank. */
const requiredText = (example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required, like ${example}.` : `must be text in quotes, like ${example}.`) })
    .trim()
    .min(1, { error: `is empty; write it, like ${example}.` });

/** A link on the home page and in the footer: GitHub, LinkedIn, email. */
export const profileLinkSchema = z.strictObject({
  /** What the link is, as shown: "GitHub". */
  label: requiredText("label: 'GitHub'"),
  /** Where it goes: an `https:` address or a `mailto:` address. */
  href: z.string().refine((href) => /^(https:\/\/|mailto:)/.test(href), {
    error: 'must start with "https://" or "mailto:".',
  }),
});

/** One link of the header navigation. */
export const navigationLinkSchema = z.strictObject({
  /** The text shown: "Work". */
  label: requiredText("label: 'Work'"),
  /** A page's address from the site root (`/work/`), a file in `public/`, or a full `https://` address. */
  href: z
    .string()
    .trim()
    .refine((href) => href.startsWith('/') || /^https:\/\//.test(href), {
      error: 'must be an address from the site root, like "/work/", or start with "https://".',
    }),
});

/** The owner's photo on the home page. */
export const portraitSchema = z.strictObject({
  /** A JPEG, PNG, WebP or AVIF file in `public/`, from the site root: `/assets/images/me.jpg`. Square looks best; it is shown round. */
  src: z
    .string()
    .trim()
    .regex(/^\/[^?#]*\.(jpe?g|png|webp|avif)$/i, {
      error: "must be a JPEG, PNG, WebP or AVIF file in public/, from the site root, like src: '/assets/images/me.jpg'.",
    }),
  /** What the photo shows, for screen readers: `Jane Doe, smiling, in front of a whiteboard`. */
  alt: requiredText("alt: 'Jane Doe in front of a whiteboard'"),
});

/** What the home page (`layout: home`) shows after the owner's own text. */
export const homeConfigSchema = z.strictObject({
  /** How many records to show as tiles, from the first group in the navigation, in its file's order; 0 shows none. */
  records: z.number().int().min(0).default(6),
  /** How many of the newest posts to list; 0 lists none, `'all'` every post (as minima's home layout did). */
  posts: z.union([z.number().int().min(0), z.literal('all')], { error: "must be a number of posts, like posts: 3, or 'all'." }).default(3),
});

/** Blog posts' settings: Jekyll's `permalink`, `timezone` and `excerpt_separator`. */
export const postsConfigSchema = z.strictObject({
  /**
   * Jekyll's permalink style for posts: `date` (the default, `/:categories/:year/:month/:day/:title.html`),
   * `pretty`, `ordinal`, `weekdate`, `none`, or a pattern such as `/blog/:year/:title/`.
   */
  permalink: z.string().trim().min(1).default('date'),
  /** The time zone post dates are read in, as Jekyll's `timezone`: `America/New_York`. */
  timezone: z
    .string()
    .refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { error: "must be a time zone name, like timezone: 'America/New_York' or 'UTC'." },
    )
    .default('UTC'),
  /** Where a post's excerpt ends, as Jekyll's `excerpt_separator`; by default the first paragraph. */
  excerptSeparator: z.string().min(1).optional(),
  /** Posts per page of the blog's index, few enough for the page to stay within its 14 KB budget; more get numbered pages. */
  perPage: z.number().int().min(1).default(10),
  /**
   * More addresses of the Atom feed, besides `/feed.xml`, where the Jekyll site had its own feed file
   * (Poole's, Hyde's and Lanyon's `/atom.xml`) or jekyll-feed's `feed.path`: `['/atom.xml']`, so
   * subscriptions keep working.
   */
  feeds: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\/([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]+\.(xml|atom|rss)$/, { error: "must be a path of an .xml file, like feeds: ['/atom.xml']." })
        .refine((path) => path !== '/feed.xml', { error: 'is the feed\'s own address already: leave "/feed.xml" out.' }),
    )
    .default([]),
});

/**
 * The owner's details, kept in `src/site.config.ts` and validated once when the site loads.
 * Everything the owner replaces lives here; templates never hard-code a name.
 */
export const siteConfigSchema = z.strictObject({
  /** The owner's name: the home page heading, every page title and the footer. */
  name: requiredText("name: 'Jane Doe'"),
  /**
   * A sentence or two about you: the home page's text when the site has no `layout: home` page, and
   * your description in search engines' structured data.
   */
  intro: requiredText("intro: 'I build streaming data systems.'").optional(),
  /** A one-line summary for search results and link previews of the home page. */
  description: requiredText("description: 'The portfolio of Jane Doe, software engineer.'").max(300, {
    error: 'is longer than 300 characters; search results show about 160, so keep it to a sentence.',
  }),
  /** The owner's job title or field, for the home page and the `Person` structured data. */
  jobTitle: requiredText("jobTitle: 'Software Engineer'").optional(),
  /** Your email address, shown as written where a page said `{{ site.email }}` on the Jekyll site. */
  email: z
    .string()
    .trim()
    .regex(/^[^\s@]+@[^\s@]+$/, { error: "must be an email address, like email: 'jane@example.org'." })
    .optional(),
  /** Your photo, shown round beside the home page's headline; left out, the home page shows none. */
  portrait: portraitSchema.optional(),
  /** What the home page shows after your own text: the latest records as tiles and the newest posts. */
  home: homeConfigSchema.prefault({}),
  /** Profile links shown in the footer (and on the home page when the site has no `layout: home` page). */
  links: z.array(profileLinkSchema).default([]),
  /**
   * The header's links, in order: a page (`/work/`) or a file in `public/` (`/assets/files/resume.pdf`),
   * as the Jekyll site's `header_pages`. Left out: the home page, then each group's index page and the blog.
   */
  navigation: z.array(navigationLinkSchema).optional(),
  /**
   * The path the site lives under when it is not at the root of its address (a Jekyll `baseurl`):
   * `/portfolio`. `BASE_PATH` and the deploy workflow's repository name override it.
   */
  basePath: z
    .string()
    .trim()
    .regex(/^\/([A-Za-z0-9._~-]+\/?)*$/, { error: "must be a path like basePath: '/portfolio'." })
    .optional(),
  /** How blog posts are addressed and dated, as the Jekyll site's `_config.yml` said. */
  posts: postsConfigSchema.prefault({}),
  /**
   * Consent for scripts on every page, as a page's own `scripts:` (docs/visitors.md, "Security model"):
   * the exact `https://` URL of an external script, or `sha256-<base64>` of an inline one. A page
   * may then carry any of them; its Content-Security-Policy allows exactly the ones it carries.
   */
  scripts: SCRIPTS_KEY.transform((list) => list ?? []),
  /** The language of the site's text, as a BCP 47 tag (`en`, `en-GB`). */
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "must be a language tag, like lang: 'en' or lang: 'en-GB'." })
    .default('en'),
  /**
   * Your own domain, when GitHub Pages serves the site on one: a bare host name such as `jane.dev` or
   * `www.jane.dev` (no `https://`, no path). The build then writes `CNAME` and uses `https://<domain>`
   * with base `/` for canonical URLs and the sitemap. Leave it out for `<owner>.github.io` addresses.
   * An explicit `SITE_URL` / `BASE_PATH` still wins. See docs/deploy.md.
   */
  domain: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const problem = domainProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => value.toLowerCase())
    .optional(),
});

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Where the owner's details live, for messages. */
export const SITE_CONFIG_FILE = 'src/site.config.ts';

/**
 * Validates the owner's details once, failing with the same friendly format as entry problems:
 * the file, then one `field: message` line per mistake.
 */
export function validateSiteConfig(input: SiteConfigInput): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = schemaIssuesToProblems(SITE_CONFIG_FILE, result.error.issues, Object.keys(siteConfigSchema.shape), undefined, 'the site config');
  throw new SiteConfigError(formatProblems('The site config needs fixing', problems));
}

/** A mistake in the site config, whose message is the whole story: no stack trace needed. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}
