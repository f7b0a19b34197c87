import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives, cspHash } from '../../src/lib/seo/csp.ts';

/** Directives a `<meta>` CSP ignores (https://www.w3.org/TR/CSP3/#meta-element). */
const IGNORED_IN_META = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

describe('cspHash', () => {
  it.each([
    ['', "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"],
    ['body{margin:0}', `'sha256-${createHash('sha256').update('body{margin:0}').digest('base64')}'`],
    ['a::after{content:"→"}', `'sha256-${createHash('sha256').update('a::after{content:"→"}', 'utf8').digest('base64')}'`],
  ])('hashes %j as UTF-8', (text, expected) => {
    expect(cspHash(text)).toBe(expected);
  });
});

describe('contentSecurityPolicy', () => {
  it('denies everything but the page’s own inline styles, images and same-origin fetches', () => {
    expect(contentSecurityPolicy({ inlineStyles: ['body{margin:0}'] })).toBe(
      `default-src 'none'; script-src 'none'; style-src ${cspHash('body{margin:0}')}; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'`,
    );
  });

  it.each([
    ['no styles', [], "style-src 'none'"],
    ['one style twice', ['a{}', 'a{}'], `style-src ${cspHash('a{}')}`],
    ['two styles', ['a{}', 'b{}'], `style-src ${cspHash('a{}')} ${cspHash('b{}')}`],
  ])('allows %s', (_case, inlineStyles, styleSrc) => {
    expect(cspDirectives({ inlineStyles })).toContain(styleSrc);
  });

  it('allows each style attribute of the page by its hash with unsafe-hashes, and nothing else', () => {
    const directives = cspDirectives({ inlineStyles: ['a{}'], styleAttributes: ['color:#B3A369', 'color:#B3A369', 'a{}'] });
    expect(directives).toContain(`style-src ${cspHash('a{}')} 'unsafe-hashes' ${cspHash('color:#B3A369')}`);
    expect(directives.join('; ')).not.toMatch(/unsafe-inline/);
  });

  it('allows the origins of remote images the page shows', () => {
    expect(cspDirectives({ inlineStyles: [], imageOrigins: ['https://img.shields.io'] })).toContain("img-src 'self' data: https://img.shields.io");
  });

  it('never weakens itself or uses a directive a meta tag ignores', () => {
    const policy = contentSecurityPolicy({ inlineStyles: ['a{}'] });
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    for (const directive of IGNORED_IN_META) expect(policy).not.toContain(directive);
  });
});
