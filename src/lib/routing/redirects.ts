/**
 * Redirects as jekyll-redirect-from made them: a page's `redirect_from` addresses each get a small page
 * that sends the visitor to the page, and a page with `redirect_to` is itself such a page. Ours redirect
 * with a meta refresh, a canonical link and a visible link, and no script. `/redirects.json` maps each
 * old address to its target, as the plugin's file did.
 * https://github.com/jekyll/jekyll-redirect-from/blob/v0.16.0/lib/jekyll-redirect-from/generator.rb
 */
import { escapeHtml } from '../html/escape.ts';
import { permalinkToFile } from './permalink.ts';

/** One address that redirects: where it is served, and where it sends the visitor. */
export interface Redirect {
  /** The address served, written as a permalink: `/about/`, `/resume`, `/about.html`. */
  permalink: string;
  /** A site address (`/cv/`) or a full URL (`https://lab.example.org/`). */
  to: string;
  /** The page's file that asks for it, for messages. */
  file: string;
}

/** The part of a page the redirects need. */
export interface RedirectingPage {
  id: string;
  filePath?: string | undefined;
  data: { permalink: string; redirect_from?: readonly string[] | undefined; redirect_to?: string | undefined };
}

const servedFilesOf = new WeakMap<readonly RedirectingPage[], Set<string>>();

/** The files the pages themselves are written to. */
function servedFiles(pages: readonly RedirectingPage[]): Set<string> {
  let files = servedFilesOf.get(pages);
  if (!files) {
    files = new Set(pages.filter((page) => page.data.redirect_to === undefined).map((page) => permalinkToFile(page.data.permalink)));
    servedFilesOf.set(pages, files);
  }
  return files;
}

/** Whether a target leaves the site. */
export const isExternal = (to: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(to) || to.startsWith('//');

/**
 * The redirects of the published pages: `redirect_to` first (the page's own address), then each
 * `redirect_from`. An address a page serves itself is never taken by a redirect.
 */
export function redirectsOf(pages: readonly RedirectingPage[]): Redirect[] {
  const served = new Set(pages.filter((page) => page.data.redirect_to === undefined).map((page) => page.data.permalink));
  const redirects = new Map<string, Redirect>();
  for (const page of pages) {
    const file = page.filePath ?? page.id;
    if (page.data.redirect_to !== undefined) redirects.set(page.data.permalink, { permalink: page.data.permalink, to: page.data.redirect_to, file });
  }
  for (const page of pages) {
    const file = page.filePath ?? page.id;
    const to = page.data.redirect_to ?? page.data.permalink;
    for (const from of page.data.redirect_from ?? []) {
      if (served.has(from) || redirects.has(from) || from === page.data.permalink) continue;
      redirects.set(from, { permalink: from, to, file });
    }
  }
  // `/old` and `/old.html` are one file, `old.html`, as in Jekyll's output: the first one written stays.
  const byFile = new Map<string, Redirect>();
  for (const redirect of redirects.values()) {
    const output = permalinkToFile(redirect.permalink);
    if (!byFile.has(output) && !servedFiles(pages).has(output)) byFile.set(output, redirect);
  }
  return [...byFile.values()];
}

/** `/redirects.json`: each old address to its target's full URL, as jekyll-redirect-from wrote it. */
export function redirectsJson(redirects: readonly Redirect[], absolute: (path: string) => string): string {
  const map: Record<string, string> = {};
  for (const redirect of redirects) map[redirect.permalink] = isExternal(redirect.to) ? redirect.to : absolute(redirect.to);
  return JSON.stringify(map);
}

/** What a redirect page needs from the site: its language, addresses with the base path, and absolute ones. */
export interface RedirectPageContext {
  lang: string;
  href: (path: string) => string;
  absolute: (path: string) => string;
  /** The page's content security policy, when the build sets one. */
  csp?: string | undefined;
}

/**
 * A redirect page as jekyll-redirect-from wrote it, without the script: a meta refresh, a canonical
 * link and a visible link, so it works with no JavaScript and passes a policy that allows none.
 */
export function redirectHtml(redirect: Redirect, context: RedirectPageContext): string {
  const target = isExternal(redirect.to) ? redirect.to : context.href(redirect.to);
  const canonical = isExternal(redirect.to) ? redirect.to : context.absolute(redirect.to);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(context.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    ...(context.csp ? [`<meta http-equiv="content-security-policy" content="${escapeHtml(context.csp)}">`] : []),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Redirecting…</title>',
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">`,
    '<meta name="robots" content="noindex">',
    '</head>',
    '<body>',
    '<main>',
    '<h1>Redirecting…</h1>',
    `<p><a href="${escapeHtml(target)}">Click here if you are not redirected.</a></p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
