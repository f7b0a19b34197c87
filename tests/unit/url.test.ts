import { describe, expect, it } from 'vitest';
import { absoluteUrl, isRootRelative, normalizeBase, withBase, withoutBase } from '../../src/lib/url.ts';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['portfolio', '/portfolio/'],
    ['/portfolio', '/portfolio/'],
    ['/portfolio/', '/portfolio/'],
    ['//a/b//', '/a/b/'],
  ])('%j -> %s', (input, expected) => expect(normalizeBase(input)).toBe(expected));
});

describe('isRootRelative', () => {
  it.each([
    ['/work/gt', true],
    ['/', true],
    ['//cdn.example.com/x.js', false],
    ['https://example.com', false],
    ['#top', false],
    ['work/gt', false],
    ['mailto:me@example.com', false],
  ])('%s -> %s', (url, expected) => expect(isRootRelative(url)).toBe(expected));
});

describe('withBase', () => {
  it.each([
    ['/', '/work/gt', '/work/gt'],
    ['/', '/', '/'],
    ['/portfolio', '/work/gt', '/portfolio/work/gt'],
    ['/portfolio/', '/work/gt', '/portfolio/work/gt'],
    ['/portfolio/', '/', '/portfolio/'],
    ['/portfolio/', '/favicon.svg', '/portfolio/favicon.svg'],
    ['/portfolio/', '/work/gt#intro', '/portfolio/work/gt#intro'],
    // Already prefixed by hand: not doubled.
    ['/portfolio/', '/portfolio/work/gt', '/portfolio/work/gt'],
    ['/portfolio/', '/portfolio', '/portfolio'],
    // A path that only starts with the same letters is not the base.
    ['/portfolio/', '/portfolios/x', '/portfolio/portfolios/x'],
    // Not root-relative: unchanged.
    ['/portfolio/', 'https://aws.amazon.com/', 'https://aws.amazon.com/'],
    ['/portfolio/', '//cdn.example.com/a', '//cdn.example.com/a'],
    ['/portfolio/', '#top', '#top'],
    ['/portfolio/', 'gt', 'gt'],
    ['/portfolio/', 'mailto:me@example.com', 'mailto:me@example.com'],
  ])('base %s, %s -> %s', (base, path, expected) => expect(withBase(base, path)).toBe(expected));
});

describe('withoutBase', () => {
  it.each([
    ['/', '/work/gt', '/work/gt'],
    ['/portfolio/', '/portfolio/work/gt', '/work/gt'],
    ['/portfolio/', '/portfolio/', '/'],
    ['/portfolio/', '/portfolio', '/'],
    ['/portfolio/', '/elsewhere', '/elsewhere'],
  ])('base %s, %s -> %s', (base, path, expected) => expect(withoutBase(base, path)).toBe(expected));
});

describe('absoluteUrl', () => {
  it.each([
    ['https://x.github.io', '/', '/work/amazon', 'https://x.github.io/work/amazon'],
    ['https://x.github.io', '/portfolio', '/work/amazon', 'https://x.github.io/portfolio/work/amazon'],
    ['https://x.github.io', '/portfolio/', '/', 'https://x.github.io/portfolio/'],
    ['https://jane.dev', '/', '/', 'https://jane.dev/'],
  ])('%s + %s + %s', (site, base, path, expected) => expect(absoluteUrl(site, base, path)).toBe(expected));
});
