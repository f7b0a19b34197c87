import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/lib/liquid/engine.ts';

const engine = createEngine({
  root: mkdtempSync(join(tmpdir(), 'liquid-divided-by-')),
  url: '',
  baseurl: '',
  timezone: 'UTC',
  linkTo: () => undefined,
  postUrl: () => undefined,
});
const shown = (template: string, scope: Record<string, unknown> = {}) => engine.parseAndRenderSync(template, scope);

describe('divided_by, as Ruby Liquid divides', () => {
  it('divides integers as integers, rounding down (a theme\'s "N minute read")', () => {
    expect(shown('{{ words | divided_by: site.words_per_minute }} minute read', { words: 745, site: { words_per_minute: 200 } })).toBe('3 minute read');
    expect(shown('{{ 7 | divided_by: 2 }} {{ -7 | divided_by: 2 }} {{ "9" | divided_by: 3 }}')).toBe('3 -4 3');
  });

  it('divides as floats when either number is one', () => {
    expect(shown('{{ 7.5 | divided_by: 2 }} {{ "7.0" | divided_by: 2 }} {{ 7 | divided_by: "2.0" }}')).toBe('3.75 3.5 3.5');
  });

  // Each checked with Jekyll 4.3.1 on a page: `{{ 7 | divided_by: 2.0 }}` shows 3.5 there.
  it('reads a float literal as a float, though liquidjs hands it over as a whole number', () => {
    expect(shown('{{ 7 | divided_by: 2.0 }} {{ 6 | divided_by: 4.0 }} {{ -7 | divided_by: 2.0 }}')).toBe('3.5 1.5 -3.5');
    expect(shown('{{ 1 | divided_by: 3.0 | round: 2 }}')).toBe('0.33');
    expect(shown('{{ n | divided_by: 2.0 }}', { n: 7 })).toBe('3.5');
  });

  it('reads nil, text that is no number and other values as 0, and text as Ruby does', () => {
    expect(shown('{{ page.missing | divided_by: 2 }} {{ "abc" | divided_by: 2 }} {{ true | divided_by: 2 }}', { page: {} })).toBe('0 0 0');
    // Text is a float only when it is one whole; else its leading integer (`"1e1"` is 1).
    expect(shown('{{ " 7 " | divided_by: 2 }} {{ "1e1" | divided_by: 3 }} {{ 7 | divided_by: "2" }}')).toBe('3 0 3');
  });
});
