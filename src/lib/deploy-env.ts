import { normalizeBase } from './url.ts';

/** Where the built site is published: Astro's `site` (an origin) and `base` (a path prefix). */
export interface Deployment {
  site: string;
  base: string;
}

/** Used when `SITE_URL` is not set: the address `astro preview` serves on. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** What the site config adds to the environment. */
export interface DeploymentOptions {
  /** The site config's custom `domain` (`jane.dev`), if any. */
  domain?: string | undefined;
  /** The site config's `basePath` (a Jekyll `baseurl`), used when `BASE_PATH` is not set. */
  basePath?: string | undefined;
}

/**
 * Works out the deployment from the environment: `SITE_URL` (an origin such as
 * `https://name.github.io`) and `BASE_PATH` (`/portfolio` for a GitHub Pages project site; default `/`).
 *
 * Precedence: an explicit, non-empty `SITE_URL` / `BASE_PATH` wins; otherwise a custom `domain` makes
 * the site `https://<domain>`; otherwise the local preview address. The base is then the site config's
 * `basePath`, or `/`.
 * Throws a message naming the variable and the fix when a value cannot be used.
 */
export function resolveDeployment(env: Readonly<Record<string, string | undefined>>, options: DeploymentOptions = {}): Deployment {
  const domain = options.domain?.trim().toLowerCase();
  const rawSite = env['SITE_URL']?.trim() || (domain ? `https://${domain}` : LOCAL_SITE_URL);
  let url: URL;
  try {
    url = new URL(rawSite);
  } catch {
    throw new Error(`SITE_URL "${rawSite}" is not a URL. Set it to the site's origin, like SITE_URL=https://name.github.io`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL "${rawSite}" must start with https:// (or http:// for a local preview).`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL "${rawSite}" has a path; SITE_URL is the origin only. ` + `Write SITE_URL=${url.origin} BASE_PATH=${url.pathname.replace(/\/+$/, '')}`,
    );
  }
  const rawBase = env['BASE_PATH']?.trim() || options.basePath?.trim() || '';
  if (rawBase !== '' && !/^\/?[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*\/?$/.test(rawBase) && rawBase !== '/') {
    throw new Error(`BASE_PATH "${rawBase}" is not a path. Set it to the repository's path, like BASE_PATH=/portfolio, or leave it unset for "/".`);
  }
  return { site: url.origin, base: normalizeBase(rawBase) };
}
