/**
 * Base-aware link building. Every internal URL the site writes goes through here, so a site
 * deployed under a path prefix (a GitHub Pages project site at `/portfolio/`) keeps working.
 *
 * All functions are pure and take the base as an argument; `src/lib/site-url.ts`-style bindings
 * to `import.meta.env.BASE_URL` live in the presentation layer.
 */

/** Normalises a base path to the form `/` or `/segment/.../` (leading and trailing slash). */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** True for a URL that points inside this site by absolute path: `/work/gt`, not `//cdn`, `https:` or `#top`. */
export function isRootRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/**
 * Prefixes a root-relative path with the base.
 * `withBase('/portfolio/', '/work/gt')` is `/portfolio/work/gt`; the home page `/` becomes the base
 * itself (`/portfolio/`), the one address GitHub Pages serves without a redirect.
 * Anything that is not root-relative (external, protocol-relative, fragment, relative) is returned unchanged.
 */
export function withBase(base: string, path: string): string {
  if (!isRootRelative(path)) return path;
  const prefix = normalizeBase(base);
  if (prefix === '/') return path;
  // Already prefixed (for example a link written with the base by hand): leave it alone.
  if (path === prefix.slice(0, -1) || path.startsWith(prefix)) return path;
  return prefix + path.slice(1);
}

/** The path of a URL relative to the base: the inverse of `withBase` for internal paths. */
export function withoutBase(base: string, path: string): string {
  const prefix = normalizeBase(base);
  if (prefix === '/') return path;
  if (path === prefix.slice(0, -1)) return '/';
  return path.startsWith(prefix) ? path.slice(prefix.length - 1) : path;
}

/** The absolute URL of an internal path: `https://name.github.io` + base + path. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
