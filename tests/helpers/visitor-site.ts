import { FIXTURE_SITE_ENV, fixtureSiteBuild, servedCopy, type CommandResult, type Site } from './site.ts';

/**
 * The site the visitor-facing browser tests walk: tests/fixtures/site (see `fixtureSiteBuild`), built
 * once per test run under `/portfolio`, so every kind of page is exercised. What the tests expect
 * of it is written down here, next to the fixture's name, so a change to the fixture shows up in one place.
 */

/** Where the visitor site is published: a GitHub Pages project site. */
export const VISITOR_ENV = FIXTURE_SITE_ENV;

/** The visitor site's build, with a private copy of its `dist` to serve (see `servedCopy`). */
export async function buildVisitorSite(name: string): Promise<Site & CommandResult> {
  return servedCopy(await fixtureSiteBuild(), name);
}

/** The header's links: the `navigation` of the sample site config (tests/fixtures/sample/src/site.config.ts). */
export const VISITOR_NAVIGATION: readonly { label: string; href: string }[] = [
  { label: 'Work', href: '/work/' },
  { label: 'Blog', href: '/blog/' },
];

/** Which header links (by the address in the site config's `navigation`) say the visitor is on a page. */
export type NavState = Readonly<Record<string, 'page' | 'true'>>;

/**
 * Every published page: the address its links use (under the base), the file it is built as, and
 * which header link, if the site config lists it, says the visitor is there (`aria-current`).
 */
export const VISITOR_PAGES: readonly { path: string; file: string; nav: NavState }[] = [
  { path: '', file: 'index.html', nav: {} },
  { path: 'work/', file: 'work/index.html', nav: { '/work/': 'page' } },
  { path: 'work/orbital', file: 'work/orbital.html', nav: { '/work/': 'true' } },
  { path: 'work/2019/summer-research', file: 'work/2019/summer-research.html', nav: { '/work/': 'true' } },
  { path: 'work/aws-intern', file: 'work/aws-intern.html', nav: { '/work/': 'true' } },
  { path: 'work/gt', file: 'work/gt.html', nav: { '/work/': 'true' } },
  { path: 'about.html', file: 'about.html', nav: { '/about.html': 'page' } },
  { path: 'blog/', file: 'blog/index.html', nav: { '/blog/': 'page' } },
  { path: 'shell/2019/06/10/useful-shell-aliases.html', file: 'shell/2019/06/10/useful-shell-aliases.html', nav: { '/blog/': 'true' } },
];

/** The work index's tiles, in the order of the fixture's src/data/work.yml, and the entry each leads to. */
export const VISITOR_TILES: readonly { name: string; summary: string; href: string | undefined; image: boolean }[] = [
  { name: 'Orbital Labs', summary: 'Platform Engineer', href: 'work/orbital', image: true },
  { name: 'Research <em>Lab</em>', summary: 'Research assistant', href: 'work/2019/summer-research', image: false },
  { name: 'AWS intern', summary: 'Software Engineering Intern', href: 'work/aws-intern', image: false },
  { name: 'Georgia Tech', summary: "Master's Degree", href: 'work/gt', image: false },
  { name: 'Hackathon', summary: 'A record with no page of its own', href: undefined, image: false },
];

/** The record image's address on the site: a file in public/, which keeps that address. */
export const VISITOR_IMAGE = '/images/work/orbital-logo.png';
