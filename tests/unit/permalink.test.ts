import { describe, expect, it } from 'vitest';
import {
  permalinkProblems,
  permalinkToFile,
  permalinkToParam,
  suggestPermalink,
} from '../../src/lib/routing/permalink.ts';

describe('valid permalinks', () => {
  // Jekyll allowed any of these; keeping them keeps old links working.
  it.each(['/work/amazon', '/work/2019/summer-research', '/projects/tooling', '/gt', '/a1/b-2/c', '/work/a--b', '/work/a-', '/work/-c'])('%s', (permalink) => {
    expect(permalinkProblems(permalink)).toEqual([]);
  });
});

describe('each broken rule has its own message and a fix', () => {
  it.each([
    ['work/amazon', 'must start with "/"', '/work/amazon'],
    ['/work/amazon/', 'must not end with "/"', '/work/amazon'],
    ['/Work/Amazon', 'must be lowercase', '/work/amazon'],
    ['/work/summer research', 'must not contain spaces', '/work/summer-research'],
    ['/work/../secret', 'must not contain "." or ".." segments', '/work/secret'],
    ['/work//amazon', 'must not contain "//"', '/work/amazon'],
    ['/work/amazon?tab=1', 'must not contain "?" or "#"', '/work/amazon'],
    ['/work/amazon#top', 'must not contain "?" or "#"', '/work/amazon'],
    ['/work/zürich', 'must use ASCII characters only', '/work/zurich'],
    ['/work/amazon.html', 'must not end with ".html"', '/work/amazon'],
    ['/work/aws_kinesis', 'may only use lowercase letters, digits and "-"', '/work/aws-kinesis'],
    ['/work/index', 'must not end in "/index"', '/work/overview'],
  ])('%s', (permalink, rule, suggestion) => {
    const problems = permalinkProblems(permalink);
    expect(problems.some((problem) => problem.includes(rule))).toBe(true);
    for (const problem of problems) expect(problem).toContain(`Write "${suggestion}".`);
  });

  it('reports several broken rules at once', () => {
    expect(permalinkProblems('Work/Amazon/')).toHaveLength(3);
  });

  it('rejects the home page address and the empty string', () => {
    expect(permalinkProblems('/')[0]).toContain("home page's address");
    expect(permalinkProblems('')[0]).toContain('is empty');
  });
});

describe('suggestPermalink', () => {
  it.each([
    ['/Work/Amazon/', '/work/amazon'],
    ['work/2019/Summer Research', '/work/2019/summer-research'],
    ['/é/', '/e'],
    ['???', undefined],
  ])('%s -> %s', (input, expected) => expect(suggestPermalink(input)).toBe(expected));
});

describe('permalink to route and file', () => {
  it.each([
    ['/work/amazon', 'work/amazon', 'work/amazon.html'],
    ['/work/2019/summer-research', 'work/2019/summer-research', 'work/2019/summer-research.html'],
    ['/projects/tooling', 'projects/tooling', 'projects/tooling.html'],
  ])('%s', (permalink, param, file) => {
    expect(permalinkToParam(permalink)).toBe(param);
    expect(permalinkToFile(permalink)).toBe(file);
  });
});
