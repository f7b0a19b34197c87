import { describe, expect, it } from 'vitest';
import { pageSchema } from '../../src/lib/schema/page.ts';
import { postSchema } from '../../src/lib/schema/post.ts';
import { planOf, plannedText } from '../helpers/import-plan.ts';

/**
 * A theme that shows `page.subtitle` under the title (beautiful-jekyll's header include does, for pages
 * and posts): the subtitle stays `subtitle:`, which this project shows the same way. A theme that never
 * printed it kept it only as a variable: it goes under `fields:`, still read by Liquid, never shown.
 */
const HEADER = '<header><h1>{{ page.title }}</h1>{% if page.subtitle %}<span class="page-subheading">{{ page.subtitle }}</span>{% endif %}</header>';
const SITE = {
  '_config.yml': 'title: Someone\n',
  '_layouts/default.html': '<html><body>{% include header.html %}{{ content }}</body></html>',
  '_layouts/page.html': '---\nlayout: default\n---\n<div>{{ content }}</div>',
  '_layouts/post.html': '---\nlayout: default\n---\n<article>{{ content }}</article>',
  'about.md': '---\nlayout: page\ntitle: About\nsubtitle: Why I build pipelines\n---\nHi.\n',
  '_posts/2020-01-02-first.md': '---\nlayout: post\ntitle: First\nsubtitle: Notes from a backfill\n---\nText.\n',
};
const LONG = 'x'.repeat(161);

describe('subtitle', () => {
  it('stays the page’s and the post’s subtitle where the theme showed it (here in an include)', () => {
    const plan = planOf({ ...SITE, '_includes/header.html': HEADER });
    expect(plannedText(plan, 'src/content/pages/about.md')).toBe(
      '---\nlayout: page\ntitle: About\nsubtitle: Why I build pipelines\npermalink: /about.html\n---\nHi.\n',
    );
    expect(plannedText(plan, 'src/content/posts/2020-01-02-first.md')).toContain('\nsubtitle: Notes from a backfill\n');
    expect(plannedText(plan, 'src/content/posts/2020-01-02-first.md')).not.toContain('fields:');
  });

  it('goes under fields: where no layout or include printed it', () => {
    const plan = planOf({ ...SITE, '_includes/header.html': HEADER.replace('{{ page.subtitle }}', '') });
    expect(plannedText(plan, 'src/content/pages/about.md')).toContain('\nfields:\n  subtitle: Why I build pipelines\n');
    expect(plannedText(plan, 'src/content/posts/2020-01-02-first.md')).toContain('\nfields:\n  subtitle: Notes from a backfill\n');
  });

  it('goes under fields:, reported, when it is longer than a title line holds', () => {
    const plan = planOf({ ...SITE, '_includes/header.html': HEADER, 'about.md': `---\nlayout: page\ntitle: About\nsubtitle: ${LONG}\n---\nHi.\n` });
    expect(plannedText(plan, 'src/content/pages/about.md')).toContain(`\nfields:\n  subtitle: ${LONG}\n`);
    expect(plan.report.map((line) => `${line.file}: ${line.message}`)).toContain(
      'about.md: its subtitle is 161 characters, longer than the 160 this project shows under a title: it is kept under `fields:`, not shown. Shorten it and move it back to `subtitle:` to show it.',
    );
  });

  it('is plain text of at most 160 characters, for pages and posts alike', () => {
    const page = { layout: 'page', title: 'About', permalink: '/about.html' };
    const post = { title: 'First' };
    for (const schema of [pageSchema({ groups: [] }), postSchema] as const) {
      const base = schema === postSchema ? post : page;
      expect(schema.safeParse({ ...base, subtitle: 'Why I build pipelines' }).success).toBe(true);
      const issues = (value: unknown) => schema.safeParse({ ...base, subtitle: value }).error?.issues.map((issue) => issue.message);
      expect(issues(LONG)).toEqual(['is longer than 160 characters; keep it to one line, and put the rest in the body.']);
      expect(issues('  ')).toEqual(['is empty; write some text or remove the line.']);
      expect(issues(3)).toEqual(['must be text; put the value in quotes, like subtitle: "..."']);
    }
  });
});
