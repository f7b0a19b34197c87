import { z } from 'astro/zod';
import { domainProblem } from '../github-pages.ts';

/** A link on the home page and in the footer: GitHub, LinkedIn, email. */
export const profileLinkSchema = z.strictObject({
  /** What the link is, as shown: "GitHub". */
  label: z.string().trim().min(1),
  /** Where it goes: an `https:` address or a `mailto:` address. */
  href: z.string().refine((href) => /^(https:\/\/|mailto:)/.test(href), {
    error: 'must start with "https://" or "mailto:".',
  }),
});

/**
 * The owner's details, kept in `src/site.config.ts` and validated once when the site loads.
 * Everything the owner replaces lives here; templates never hard-code a name.
 */
export const siteConfigSchema = z.strictObject({
  /** The owner's name: the home page heading, every page title and the footer. */
  name: z.string().trim().min(1),
  /** One short paragraph under the name on the home page. */
  intro: z.string().trim().min(1),
  /** A one-line summary for search results and link previews of the home page. */
  description: z.string().trim().min(1).max(300),
  /** The owner's job title or field, for the home page and the `Person` structured data. */
  jobTitle: z.string().trim().min(1).optional(),
  /** Profile links shown on the home page and in the footer. */
  links: z.array(profileLinkSchema).default([]),
  /** The language of the site's text, as a BCP 47 tag (`en`, `en-GB`). */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).default('en'),
  /**
   * Your own domain, when GitHub Pages serves the site on one: a bare host name such as `jane.dev` or
   * `www.jane.dev` (no `https://`, no path). The build then writes `CNAME` and uses `https://<domain>`
   * with base `/` for canonical URLs and the sitemap. Leave it out for `<owner>.github.io` addresses.
   * An explicit `SITE_URL` / `BASE_PATH` still wins. See "Deploy to GitHub Pages" in README.md.
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
