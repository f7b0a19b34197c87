/**
 * GitHub Pages rules, as plain functions: what a custom domain may look like, where a repository's
 * site is published, and the files Pages itself reads from the build output.
 * The deploy workflow (through `scripts/pages-env.ts`) and the Astro integration are thin shells over these.
 */
import { resolveDeployment, type Deployment } from './deploy-env.ts';

// One DNS label: letters, digits and `-`, not starting or ending with `-` (RFC 1123).
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The host name inside something that was probably meant as a domain (`https://jane.dev/` -> `jane.dev`). */
function hostIn(value: string): string | undefined {
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).hostname;
    return domainProblem(host) === undefined ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `domain` cannot be used as a custom domain, or `undefined` when it is a bare host name such as
 * `jane.dev` or `www.jane.dev`. The message says what is wrong and the value to write instead.
 */
export function domainProblem(domain: string): string | undefined {
  const value = domain.trim().toLowerCase();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/.test(value) && !/^[a-z0-9.-]+:\d+$/.test(value);
  if (hasScheme || /[/?#@]/.test(value)) {
    const host = hostIn(value);
    return (
      `"${domain}" is not a bare host name: write the domain only, with no https:// and no path, ` +
      (host ? `like domain: '${host}'.` : `like domain: 'jane.dev'.`)
    );
  }
  if (value.includes(':')) {
    return `"${domain}" has a port; GitHub Pages serves on the standard port. Write domain: '${value.split(':')[0]}'.`;
  }
  const labels = value.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? '')) {
    return (
      `"${domain}" is not a host name. Write the domain you own, letters, digits and "-" in dot-separated parts, ` +
      `like domain: 'jane.dev' or domain: 'www.jane.dev'.`
    );
  }
  if (value === 'github.io' || value.endsWith('.github.io')) {
    return `"${domain}" is GitHub's own address, not a custom domain. Leave domain out: the deploy workflow publishes to https://${value}/ without it.`;
  }
  return undefined;
}

/** The owner and name of a repository given as `owner/name` (the form of `GITHUB_REPOSITORY`). */
export function parseRepository(repository: string): { owner: string; name: string } {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(repository.trim());
  if (!match?.[1] || !match[2]) {
    throw new Error(
      `GITHUB_REPOSITORY "${repository}" is not owner/name. Run this in GitHub Actions, which sets it, ` +
        `or set it by hand: GITHUB_REPOSITORY=jane/portfolio`,
    );
  }
  return { owner: match[1], name: match[2] };
}

/** What decides where a GitHub Pages site is published. Empty strings count as unset (an unset `vars.X` is ''). */
export interface PagesTarget {
  /** `owner/name`, as in `GITHUB_REPOSITORY`. */
  repository: string;
  /** The `domain` from the site config, if any. */
  domain?: string | undefined;
  /** An explicit origin (repository variable `SITE_URL`); wins over everything else. */
  siteUrl?: string | undefined;
  /** An explicit base path (repository variable `BASE_PATH`); wins over everything else. */
  basePath?: string | undefined;
}

/**
 * Where GitHub Pages publishes this repository's site, as Astro's `site` and `base`.
 *
 * Precedence, highest first:
 * 1. `siteUrl` / `basePath` set explicitly (each on its own). A `siteUrl` on a host other than
 *    `<owner>.github.io` is a custom domain, so its base defaults to `/`.
 * 2. `domain` from the site config: `https://<domain>`, base `/`.
 * 3. The repository: `<owner>.github.io` is a user site (`https://<owner>.github.io`, base `/`);
 *    any other name is a project site (`https://<owner>.github.io`, base `/<name>/`).
 */
export function githubPagesDeployment(target: PagesTarget): Deployment {
  const { owner, name } = parseRepository(target.repository);
  const pagesHost = `${owner.toLowerCase()}.github.io`;
  const repositoryBase = name.toLowerCase() === pagesHost ? '/' : `/${name}`;
  const siteUrl = target.siteUrl?.trim() || undefined;
  const basePath = target.basePath?.trim() || undefined;
  const domain = target.domain?.trim() || undefined;

  let site: string;
  let base: string;
  if (siteUrl) {
    site = siteUrl;
    base = hostOf(siteUrl) === pagesHost ? repositoryBase : '/';
  } else if (domain) {
    site = `https://${domain}`;
    base = '/';
  } else {
    site = `https://${pagesHost}`;
    base = repositoryBase;
  }
  // The same checks and normal form as a local build with these variables.
  return resolveDeployment({ SITE_URL: site, BASE_PATH: basePath ?? base });
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The files GitHub Pages reads from the published folder, by name:
 * `.nojekyll` (empty) so a site published from a branch is not run through Jekyll, which would drop
 * `_astro/`; and `CNAME` with the custom domain when there is one.
 */
export function pagesFiles(domain?: string): Record<string, string> {
  const files: Record<string, string> = { '.nojekyll': '' };
  const host = domain?.trim().toLowerCase();
  if (host) files['CNAME'] = `${host}\n`;
  return files;
}

/** `KEY=value` lines for `$GITHUB_ENV`, so later steps of the job build with this deployment. */
export function deploymentEnv(deployment: Deployment): string {
  // Written the way a person types it (`/portfolio`, or `/`): the build reads either form.
  const base = deployment.base === '/' ? '/' : deployment.base.replace(/\/$/, '');
  return `SITE_URL=${deployment.site}\nBASE_PATH=${base}\n`;
}
