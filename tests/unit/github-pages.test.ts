import { describe, expect, it } from 'vitest';
import { deploymentEnv, domainProblem, githubPagesDeployment, pagesFiles, parseRepository } from '../../src/lib/github-pages.ts';
import { siteConfigSchema } from '../../src/lib/schema/site-config.ts';

describe('domainProblem', () => {
  it.each(['jane.dev', 'www.jane.dev', 'Jane.Dev', 'my-site.co.uk', 'xn--bcher-kva.example', ' jane.dev '])('%j is a bare host name', (domain) =>
    expect(domainProblem(domain)).toBeUndefined(),
  );

  it.each([
    ['https://jane.dev', `"https://jane.dev" is not a bare host name: write the domain only, with no https:// and no path, like domain: 'jane.dev'.`],
    ['https://www.jane.dev/portfolio/', `like domain: 'www.jane.dev'.`],
    ['jane.dev/', `like domain: 'jane.dev'.`],
    ['jane.dev/work', `like domain: 'jane.dev'.`],
    ['//jane.dev', `like domain: 'jane.dev'.`],
    ['jane.dev:8080', `"jane.dev:8080" has a port; GitHub Pages serves on the standard port. Write domain: 'jane.dev'.`],
    ['jane', `"jane" is not a host name. Write the domain you own`],
    ['jane dev.com', 'is not a host name.'],
    ['jane_doe.dev', 'is not a host name.'],
    ['-jane.dev', 'is not a host name.'],
    ['jane.dev.', 'is not a host name.'],
    ['127.0.0.1', 'is not a host name.'],
    ['', 'is not a host name.'],
    ['jane.github.io', `"jane.github.io" is GitHub's own address, not a custom domain. Leave domain out`],
  ])('%j: %s', (domain, message) => expect(domainProblem(domain)).toContain(message));
});

describe('the site config’s domain field', () => {
  const base = { name: 'Jane', intro: 'Hi.', description: 'Jane’s work.' };

  it.each([
    [{}, undefined],
    [{ domain: 'jane.dev' }, 'jane.dev'],
    [{ domain: ' WWW.Jane.Dev ' }, 'www.jane.dev'],
  ])('%j parses to domain %j', (extra, domain) => expect(siteConfigSchema.parse({ ...base, ...extra }).domain).toBe(domain));

  it('names the field and the fix for a URL', () => {
    const result = siteConfigSchema.safeParse({ ...base, domain: 'https://jane.dev/' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['domain', `"https://jane.dev/" is not a bare host name: write the domain only, with no https:// and no path, like domain: 'jane.dev'.`],
    ]);
  });
});

describe('parseRepository', () => {
  it.each([
    ['jane/portfolio', { owner: 'jane', name: 'portfolio' }],
    ['Jane-Doe/jane-doe.github.io', { owner: 'Jane-Doe', name: 'jane-doe.github.io' }],
    ['jane/my_site.v2', { owner: 'jane', name: 'my_site.v2' }],
  ])('%j', (repository, expected) => expect(parseRepository(repository)).toEqual(expected));

  it.each(['', 'portfolio', 'jane/', '/portfolio', 'jane/portfolio/extra', 'jane doe/portfolio'])('%j fails', (repository) =>
    expect(() => parseRepository(repository)).toThrow(`GITHUB_REPOSITORY "${repository}" is not owner/name.`),
  );
});

describe('githubPagesDeployment', () => {
  it.each([
    // User site: <owner>.github.io, served at the root.
    [{ repository: 'jane/jane.github.io' }, { site: 'https://jane.github.io', base: '/' }],
    [{ repository: 'Jane/Jane.GitHub.io' }, { site: 'https://jane.github.io', base: '/' }],
    // Project site: served under /<repo>/, the repository name as written.
    [{ repository: 'jane/portfolio' }, { site: 'https://jane.github.io', base: '/portfolio/' }],
    [{ repository: 'Jane/Portfolio' }, { site: 'https://jane.github.io', base: '/Portfolio/' }],
    [{ repository: 'jane/other.github.io' }, { site: 'https://jane.github.io', base: '/other.github.io/' }],
    // A custom domain from the site config: that origin, at the root, for either kind of repository.
    [
      { repository: 'jane/portfolio', domain: 'jane.dev' },
      { site: 'https://jane.dev', base: '/' },
    ],
    [
      { repository: 'jane/jane.github.io', domain: 'www.jane.dev' },
      { site: 'https://www.jane.dev', base: '/' },
    ],
    // Unset repository variables arrive as empty strings: they change nothing.
    [
      { repository: 'jane/portfolio', siteUrl: '', basePath: '' },
      { site: 'https://jane.github.io', base: '/portfolio/' },
    ],
    [
      { repository: 'jane/portfolio', domain: '', siteUrl: ' ' },
      { site: 'https://jane.github.io', base: '/portfolio/' },
    ],
    // Explicit overrides win, each on its own.
    [
      { repository: 'jane/portfolio', basePath: '/' },
      { site: 'https://jane.github.io', base: '/' },
    ],
    [
      { repository: 'jane/portfolio', basePath: '/site' },
      { site: 'https://jane.github.io', base: '/site/' },
    ],
    [
      { repository: 'jane/portfolio', siteUrl: 'https://jane.dev' },
      { site: 'https://jane.dev', base: '/' },
    ],
    [
      { repository: 'jane/portfolio', siteUrl: 'https://jane.github.io/' },
      { site: 'https://jane.github.io', base: '/portfolio/' },
    ],
    [
      { repository: 'jane/portfolio', domain: 'jane.dev', siteUrl: 'https://cv.jane.dev' },
      { site: 'https://cv.jane.dev', base: '/' },
    ],
    [
      { repository: 'jane/portfolio', domain: 'jane.dev', basePath: '/cv' },
      { site: 'https://jane.dev', base: '/cv/' },
    ],
    [
      { repository: 'jane/portfolio', siteUrl: 'https://jane.dev', basePath: '/portfolio' },
      { site: 'https://jane.dev', base: '/portfolio/' },
    ],
  ])('%j', (target, expected) => expect(githubPagesDeployment(target)).toEqual(expected));

  it.each([
    [{ repository: 'portfolio' }, 'GITHUB_REPOSITORY "portfolio" is not owner/name.'],
    [{ repository: 'jane/portfolio', siteUrl: 'https://jane.github.io/portfolio' }, 'Write SITE_URL=https://jane.github.io BASE_PATH=/portfolio'],
    [{ repository: 'jane/portfolio', siteUrl: 'jane.dev' }, 'SITE_URL "jane.dev" is not a URL.'],
    [{ repository: 'jane/portfolio', basePath: '/my site' }, 'BASE_PATH "/my site" is not a path.'],
  ])('%j fails', (target, message) => expect(() => githubPagesDeployment(target)).toThrow(message));
});

describe('pagesFiles', () => {
  it.each([
    [undefined, { '.nojekyll': '' }],
    ['', { '.nojekyll': '' }],
    ['jane.dev', { '.nojekyll': '', CNAME: 'jane.dev\n' }],
    [' WWW.Jane.Dev ', { '.nojekyll': '', CNAME: 'www.jane.dev\n' }],
  ])('%j', (domain, expected) => expect(pagesFiles(domain)).toEqual(expected));
});

describe('deploymentEnv', () => {
  it.each([
    ['/portfolio/', 'SITE_URL=https://jane.github.io\nBASE_PATH=/portfolio\n'],
    ['/', 'SITE_URL=https://jane.github.io\nBASE_PATH=/\n'],
  ])('writes KEY=value lines for $GITHUB_ENV, the base as a person writes it (%s)', (base, lines) =>
    expect(deploymentEnv({ site: 'https://jane.github.io', base })).toBe(lines),
  );
});
