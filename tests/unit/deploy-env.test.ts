import { describe, expect, it } from 'vitest';
import { LOCAL_SITE_URL, resolveDeployment } from '../../src/lib/deploy-env.ts';

describe('resolveDeployment', () => {
  it.each([
    [{}, { site: LOCAL_SITE_URL, base: '/' }],
    [{ SITE_URL: 'https://x.github.io' }, { site: 'https://x.github.io', base: '/' }],
    [
      { SITE_URL: 'https://x.github.io/', BASE_PATH: '/portfolio' },
      { site: 'https://x.github.io', base: '/portfolio/' },
    ],
    [
      { SITE_URL: '', BASE_PATH: 'portfolio/' },
      { site: LOCAL_SITE_URL, base: '/portfolio/' },
    ],
    [
      { SITE_URL: 'https://jane.dev', BASE_PATH: '/' },
      { site: 'https://jane.dev', base: '/' },
    ],
  ])('%j', (env, expected) => expect(resolveDeployment(env)).toEqual(expected));

  it.each([
    [{ SITE_URL: 'x.github.io' }, 'SITE_URL "x.github.io" is not a URL. Set it to the site\'s origin, like SITE_URL=https://name.github.io'],
    [{ SITE_URL: 'ftp://x.github.io' }, 'must start with https://'],
    [{ SITE_URL: 'https://x.github.io/portfolio' }, 'Write SITE_URL=https://x.github.io BASE_PATH=/portfolio'],
    [{ BASE_PATH: '/my portfolio' }, 'BASE_PATH "/my portfolio" is not a path.'],
  ])('%j fails', (env, message) => expect(() => resolveDeployment(env)).toThrow(message));

  // A custom domain is the default site; an explicit, non-empty SITE_URL / BASE_PATH still wins.
  it.each([
    [{}, 'jane.dev', { site: 'https://jane.dev', base: '/' }],
    [{ SITE_URL: '', BASE_PATH: '' }, 'www.jane.dev', { site: 'https://www.jane.dev', base: '/' }],
    [{}, ' Jane.Dev ', { site: 'https://jane.dev', base: '/' }],
    [{ SITE_URL: 'https://x.github.io' }, 'jane.dev', { site: 'https://x.github.io', base: '/' }],
    [{ BASE_PATH: '/portfolio' }, 'jane.dev', { site: 'https://jane.dev', base: '/portfolio/' }],
    [{}, undefined, { site: LOCAL_SITE_URL, base: '/' }],
    [{}, '', { site: LOCAL_SITE_URL, base: '/' }],
  ])('%j with domain %j', (env, domain, expected) => expect(resolveDeployment(env, { domain })).toEqual(expected));
});
