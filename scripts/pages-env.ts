/**
 * Works out SITE_URL and BASE_PATH for a GitHub Pages build from the repository, the site config's
 * `domain` and any explicit SITE_URL / BASE_PATH, prints them, and in GitHub Actions appends them to
 * $GITHUB_ENV so the build step uses them. Called by .github/workflows/deploy.yml:
 *
 *   GITHUB_REPOSITORY=jane/portfolio node scripts/pages-env.ts
 */
import { appendFileSync } from 'node:fs';
import { deploymentEnv, githubPagesDeployment } from '../src/lib/github-pages.ts';
import siteConfig from '../src/site.config.ts';

const lines = deploymentEnv(
  githubPagesDeployment({
    repository: process.env['GITHUB_REPOSITORY'] ?? '',
    domain: siteConfig.domain,
    siteUrl: process.env['SITE_URL'],
    basePath: process.env['BASE_PATH'],
  }),
);
process.stdout.write(lines);
const githubEnv = process.env['GITHUB_ENV'];
if (githubEnv) appendFileSync(githubEnv, lines);
