import { describe, expect, it } from 'vitest';
import { bareDomainUrl, fixBareDomainLinks } from '../../scripts/import/links.ts';

describe('bareDomainUrl', () => {
  it.each([
    ['github.com', 'https://github.com'],
    ['www.linkedin.com/in/jane', 'https://www.linkedin.com/in/jane'],
    ['docs.example.org/a?b#c', 'https://docs.example.org/a?b#c'],
    ['notes.html', undefined],
    ['resume.pdf', undefined],
    ['/work/acme', undefined],
    ['#top', undefined],
    ['./x.com', undefined],
    ['https://github.com', undefined],
    ['mailto:jane@example.org', undefined],
  ])('%s → %s', (url, fixed) => {
    expect(bareDomainUrl(url)).toBe(fixed);
  });
});

describe('fixBareDomainLinks', () => {
  it('writes inline and reference links to bare domains with https://, and says where', () => {
    const markdown = 'See [Github](github.com) and [docs][d].\n\n[d]: www.example.org/docs\n';
    const { text, report } = fixBareDomainLinks(markdown, { file: '_posts/x.md', firstLine: 5 });
    expect(text).toBe('See [Github](https://github.com) and [docs][d].\n\n[d]: https://www.example.org/docs\n');
    expect(report.map((line) => [line.file, line.line])).toEqual([
      ['_posts/x.md', 5],
      ['_posts/x.md', 7],
    ]);
    expect(report[0]?.message).toContain('it is written "https://github.com"');
  });

  it('leaves code and ordinary links alone', () => {
    const markdown = '`[a](github.com)`\n\n    [b](github.com)\n\n[c](/work/acme) [d](page.html) [e](https://x.com)\n';
    expect(fixBareDomainLinks(markdown, { file: 'a.md', firstLine: 1 })).toEqual({ text: markdown, report: [] });
  });
});
