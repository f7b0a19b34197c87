import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of every page, delivered in a `<meta http-equiv>` tag. The site ships no
 * JavaScript and inlines its one stylesheet, so the policy can deny everything and allow back only
 * that `<style>` (by hash), same-origin and `data:` images, and nothing else; a page whose front
 * matter consents to scripts (`scripts:`) has exactly those allowed too.
 *
 * Only directives a meta tag honours are used: `frame-ancestors`, `report-uri` and `sandbox` are
 * ignored there (https://www.w3.org/TR/CSP3/#meta-element), so they would only mislead a reader.
 * JSON-LD `<script type="application/ld+json">` blocks are data, never executed, so `script-src 'none'`
 * does not touch them.
 */

/** The CSP source expression for an inline block: `'sha256-<base64>'` of its exact text. */
export function cspHash(text: string): string {
  let hash = knownHashes.get(text);
  if (hash === undefined) {
    hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    knownHashes.set(text, hash);
  }
  return hash;
}

/** Every page hashes the same stylesheet: each text is hashed once per build. */
const knownHashes = new Map<string, string>();

export interface PolicyOptions {
  /** The exact text of each inline `<style>` element on the page. */
  inlineStyles: readonly string[];
  /**
   * The exact value of each `style="..."` attribute on the page (a coloured `<span>` in an entry).
   * Each is allowed by its hash with `'unsafe-hashes'`, which allows exactly those values and no others.
   */
  styleAttributes?: readonly string[] | undefined;
  /** Origins of remote images the page shows (`https://img.shields.io`), allowed besides the site's own. */
  imageOrigins?: readonly string[] | undefined;
  /**
   * The page's consented scripts (`scripts:` in its front matter, see src/lib/checks/script-consent.ts):
   * `sha256-<base64>` of an inline script, or the exact `https://` URL of an external one. Each is
   * allowed by itself (`'sha256-…'`, or the URL, which matches that one file); without any, no script.
   */
  scripts?: readonly string[] | undefined;
}

/** The directives, in order. Each is `name source...`. */
export function cspDirectives({ inlineStyles, styleAttributes = [], imageOrigins = [], scripts = [] }: PolicyOptions): string[] {
  const scriptSources = [...new Set(scripts)].map((entry) => (entry.startsWith('sha256-') ? `'${entry}'` : entry));
  const styleSources = [...new Set(inlineStyles.map(cspHash))];
  const attributeSources = [...new Set(styleAttributes.map(cspHash))].filter((hash) => !styleSources.includes(hash));
  const allStyles = [...styleSources, ...(styleAttributes.length > 0 ? ["'unsafe-hashes'"] : []), ...attributeSources];
  return [
    "default-src 'none'",
    `script-src ${scriptSources.length > 0 ? scriptSources.join(' ') : "'none'"}`,
    `style-src ${allStyles.length > 0 ? allStyles.join(' ') : "'none'"}`,
    `img-src 'self' data:${imageOrigins.map((origin) => ` ${origin}`).join('')}`,
    // Same-origin fetches only: lets tools such as Lighthouse read robots.txt from the page; the site
    // itself runs no script that could fetch anything.
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/** The value of the `content` attribute of `<meta http-equiv="content-security-policy">`. */
export function contentSecurityPolicy(options: PolicyOptions): string {
  return cspDirectives(options).join('; ');
}
