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
});
