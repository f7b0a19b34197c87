import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource, readSource } from '../../scripts/import/source.ts';
import { checkSite } from '../../src/lib/checks/site.ts';
import { shownFields } from '../../src/lib/html/shown-fields.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * tests/fixtures/import/post-fields: posts whose own layouts printed their own fields. Debian's Jekyll
 * 4.3.1 writes "Posted on Apr 9, 2021 by Noor Haddad" (the `fancypost` layout's `page.by`) and
 * "Oct 30, 2022 • Noor Haddad" (the site's `post` layout's `page.author`); the post without an author
 * shows only its date.
 */
const result = planImport(readSource(join(FIXTURES, 'import', 'post-fields')));
if (!result.ok) throw new Error(result.message);
const { plan } = result;
const postFiles = plan.files.flatMap((file) =>
  file.path.startsWith('src/content/posts/') && 'text' in file.content ? [{ path: file.path, text: file.content.text }] : [],
);

function checked(files = postFiles) {
  return checkSite({
    pagesDir: 'src/content/pages',
    pageFiles: [{ path: 'src/content/pages/index.md', text: '---\nlayout: page\ntitle: Home\npermalink: /\n---\nHi.\n' }],
    postsDir: 'src/content/posts',
    postFiles: files,
    posts: plan.posts,
    dataFiles: [],
    routes: [],
    publicFiles: [],
    rootDir: mkdtempSync(join(tmpdir(), 'post-fields-')),
  });
}

describe("a post's own fields its layout printed", () => {
  it('are shown with the post, as the layout printed them, and the build takes them', () => {
    const site = checked();
    expect(site.problems).toEqual([]);
    const shown = Object.fromEntries(
      site.posts.map((post) => [post.file, shownFields(post.data.show, post.data.fields).map(({ label, text }) => `${label}: ${text}`)]),
    );
    expect(shown).toEqual({
      'src/content/posts/2021-04-09-ink-wells.md': ['By: Noor Haddad'],
      'src/content/posts/2022-10-30-nibs.md': ['Author: Noor Haddad'],
      'src/content/posts/2023-01-15-paper.md': [],
    });
  });

  it('leave out what the layout printed only in an attribute, and say what they show', () => {
    const ink = postFiles.find((file) => file.path.endsWith('ink-wells.md'))?.text ?? '';
    expect(ink).toContain('show: ["by"]');
    expect(ink).toContain('background-url: "https://images.example.org/ink.jpg"');
    expect(plan.report.map((line) => `${line.file ?? ''}: ${line.message}`)).toContain(
      '_posts/2021-04-09-ink-wells.md: its layout "fancypost" printed by: written as `show: ["by"]`, so the post shows them above its body.',
    );
  });

  it('name a shown field that is not under fields:', () => {
    const wrong = [{ path: 'src/content/posts/2020-01-01-x.md', text: '---\ntitle: X\nshow: [by]\n---\nText.\n' }];
    expect(checked(wrong).problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'show: names "by", which is not under fields:. Add "by: ..." below fields:, or remove it from show.',
    ]);
  });

  it('leave out a field whose value is a map, which shows nothing, and do not name it as shown', () => {
    const mapped = planImport(
      memorySource({
        '_config.yml': 'title: Noor\n',
        '_layouts/post.html': '<article><p>by {{ page.author.name }} in {{ page.venue }}</p>{{ content }}</article>',
        '_posts/2022-01-02-quills.md': '---\nlayout: post\ntitle: Quills\nauthor:\n  name: Noor\nvenue: The Ink Review\n---\nText.\n',
        'index.md': '---\ntitle: Home\n---\nHi.\n',
      }),
    );
    if (!mapped.ok) throw new Error(mapped.message);
    const post = mapped.plan.files.find((file) => file.path.endsWith('quills.md'));
    const text = post && 'text' in post.content ? post.content.text : '';
    expect(text).toMatch(/^show: \[[^\]]*"venue"[^\]]*\]$/m);
    expect(text).not.toMatch(/^show: .*author/m);
    const said = mapped.plan.report.map((line) => line.message).filter((message) => message.includes('printed'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('printed venue:');
    expect(said[0]).not.toContain('author');
  });
});
