import { absoluteUrl, withBase } from './lib/url.ts';

/**
 * Binds the pure URL helpers to this build's `site` and `base`. Templates link through `href()`
 * only, so no page hard-codes a root path that would break under a GitHub Pages project prefix.
 */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);

/** The absolute address of an internal path, for canonical and Open Graph URLs. */
export const canonical = (path: string): string => absoluteUrl(import.meta.env.SITE ?? 'http://localhost:4321', import.meta.env.BASE_URL, path);
