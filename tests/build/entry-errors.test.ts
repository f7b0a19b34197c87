import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, FIXTURES, listFiles, readText, type SiteOptions } from '../helpers/site.ts';

/**
 * Each file in tests/fixtures/bad is one mistake. Added to the owner's site, it must fail
 * `astro build` with a message that names the file and the field (or link, or YAML reason); the
 * message is pinned by a snapshot because its wording is part of the product.
 *
 * A fixture is a single entry file (added to src/content/work), or a folder whose files are copied
 * into the site root, replacing the entries when it has any.
 */
const BAD_CASES: Record<string, { file: string; field: string }> = {
  'invalid-yaml.md': { file: 'invalid-yaml.md', field: 'front matter (line 3): the front matter is not valid YAML' },
  'yaml-unclosed-quote.md': { file: 'yaml-unclosed-quote.md', field: 'front matter' },
  'yaml-bad-indentation.md': { file: 'yaml-bad-indentation.md', field: 'front matter' },
  'unclosed-front-matter.md': { file: 'unclosed-front-matter.md', field: 'front matter (line 1): the front matter opened on line 1 is never closed' },
  'no-front-matter.md': { file: 'no-front-matter.md', field: 'front matter (line 1): the file has no front matter' },
  'empty-file.md': { file: 'empty-file.md', field: 'front matter: the file is empty' },
  'front-matter-list.md': { file: 'front-matter-list.md', field: 'front matter (line 2): the front matter must be "field: value" lines, but it is a list' },
  'front-matter-text.md': { file: 'front-matter-text.md', field: 'front matter (line 2)' },
  'front-matter-empty.md': { file: 'front-matter-empty.md', field: 'front matter (line 1): the front matter is empty' },
  'duplicated-key.md': { file: 'duplicated-key.md', field: 'front matter (line 4): "title" is written twice (lines 3 and 4)' },
  'missing-layout.md': { file: 'missing-layout.md', field: 'layout: is required' },
  'unknown-layout.md': { file: 'unknown-layout.md', field: 'layout (line 2): "post" is not a layout. Known layouts: "work_page".' },
  'missing-title.md': { file: 'missing-title.md', field: 'title: is required' },
  'title-number.md': { file: 'title-number.md', field: 'title (line 3): must be text' },
  'title-null.md': { file: 'title-null.md', field: 'title (line 3): must be text' },
  'title-empty.md': { file: 'title-empty.md', field: 'title (line 3): is empty; write the title, like title: "Amazon".' },
  'title-too-long.md': { file: 'title-too-long.md', field: 'title (line 3): is longer than 120 characters' },
  'missing-data.md': { file: 'missing-data.md', field: 'data: is required' },
  'unknown-data.md': { file: 'unknown-data.md', field: 'data (line 4): "jobs" names no collection. Known collections: "work".' },
  'data-is-a-date.md': { file: 'data-is-a-date.md', field: 'data (line 4): is a date, but "data" names the group this page is listed with; it is not a date.' },
  'missing-permalink.md': { file: 'missing-permalink.md', field: 'permalink: is required' },
  'unknown-key-typo.md': { file: 'unknown-key-typo.md', field: 'permalnk (line 5): is not a field an entry can have. Did you mean "permalink"?' },
  'unknown-key.md': { file: 'unknown-key.md', field: 'tags (line 6): is not a field an entry can have.' },
  'start-full-date.md': { file: 'start-full-date.md', field: 'start (line 6): is a full date' },
  'start-invalid-month.md': { file: 'start-invalid-month.md', field: 'start (line 6): has no month 13' },
  'start-in-words.md': { file: 'start-in-words.md', field: 'start (line 6): "June 2018" is not a year' },
  'end-before-start.md': { file: 'end-before-start.md', field: 'end (line 7): ("2019") is before start ("2021")' },
  'end-without-start.md': { file: 'end-without-start.md', field: 'start: is required when "end" is given' },
  'draft-not-boolean.md': { file: 'draft-not-boolean.md', field: 'draft (line 6): must be true or false' },
  'order-not-whole.md': { file: 'order-not-whole.md', field: 'order (line 6): must be a whole number' },
  'description-too-long.md': { file: 'description-too-long.md', field: 'description (line 6): is longer than 300 characters' },
  'permalink-no-leading-slash.md': { file: 'permalink-no-leading-slash.md', field: 'permalink (line 5): must start with "/"' },
  'permalink-trailing-slash.md': { file: 'permalink-trailing-slash.md', field: 'permalink (line 5): must not end with "/"' },
  'permalink-uppercase.md': { file: 'permalink-uppercase.md', field: 'permalink (line 5): must be lowercase' },
  'permalink-spaces.md': { file: 'permalink-spaces.md', field: 'permalink (line 5): must not contain spaces' },
  'permalink-dot-dot.md': { file: 'permalink-dot-dot.md', field: 'permalink (line 5): must not contain "." or ".." segments' },
  'permalink-double-slash.md': { file: 'permalink-double-slash.md', field: 'permalink (line 5): must not contain "//"' },
  'permalink-query.md': { file: 'permalink-query.md', field: 'permalink (line 5): must not contain "?" or "#"' },
  'permalink-fragment.md': { file: 'permalink-fragment.md', field: 'permalink (line 5): must not contain "?" or "#"' },
  'permalink-non-ascii.md': { file: 'permalink-non-ascii.md', field: 'permalink (line 5): must use ASCII characters only' },
  'permalink-html-extension.md': { file: 'permalink-html-extension.md', field: 'permalink (line 5): must not end with ".html"' },
  'permalink-clash.md': { file: 'permalink-clash.md', field: 'permalink: "/work/amazon" is also the permalink of src/content/work/amazon.md' },
  'permalink-case-clash.md': { file: 'permalink-case-clash.md', field: 'permalink (line 5): must be lowercase' },
  'permalink-page-clash.md': { file: 'permalink-page-clash.md', field: 'permalink: "/work" is the address of src/pages/work.astro' },
  'permalink-public-clash': { file: 'example.md', field: 'permalink: "/work/example" is also served by public/work/example.html' },
  'md-beside-mdx': { file: 'example.mdx', field: 'file: has the same name as "example.md"' },
  'unsupported-extension.markdown': { file: 'unsupported-extension.markdown', field: 'file: is not an entry: only .md and .mdx files (and the images they show) belong' },
  'empty-collection': { file: '', field: 'entries: the folder has no entries' },
  'two-invalid-entries': { file: 'second.md', field: 'layout (line 2): "post" is not a layout' },
  'broken-link.md': { file: 'broken-link.md', field: 'link "/work/gtt": points to a page or file that does not exist; check the permalink or file name it should name. Did you mean "/work/gt"?' },
  'broken-fragment.md': { file: 'broken-fragment.md', field: 'link "/work/gt#degree": names a "#fragment" that is not an id on the target page' },
  'broken-image.md': { file: 'broken-image.md', field: 'link "/images/team.png": points to a page or file that does not exist' },
  'stray-backtick-script.md': { file: 'stray-backtick-script.md', field: 'body (line 10): a <script> element would run JavaScript' },
  'script-from-component': { file: 'example.mdx', field: 'page: the built page has a <script>, which would run JavaScript, and the site ships none.' },
  'permalink-index.md': { file: 'permalink-index.md', field: 'permalink (line 5): must not end in "/index": that file is the folder\'s own page. Write "/work/overview".' },
  'link-to-draft': { file: 'example.md', field: 'link "/work/secret": points to src/content/work/secret.md, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove the link.' },
  'script-tag.md': { file: 'script-tag.md', field: 'body (line 10): a <script> element would run JavaScript' },
  'onclick-attribute.md': { file: 'onclick-attribute.md', field: 'body (line 8): the onclick attribute would run JavaScript' },
  'javascript-url.md': { file: 'javascript-url.md', field: 'body (line 8): a "javascript:" link would run JavaScript' },
  'liquid-baseurl.md': { file: 'liquid-baseurl.md', field: 'body (line 8): Jekyll Liquid "{{ site.baseurl }}" is left in the text. Write the link from the site root instead: "/work/gt".' },
  'liquid-link.md': { file: 'liquid-link.md', field: `body (line 8): Jekyll Liquid "{% link _work/gt.md %}" is left in the text. Link to the page's permalink instead: "/work/gt".` },
  'liquid-post-url.md': { file: 'liquid-post-url.md', field: 'body (line 8): Jekyll Liquid "{% post_url 2019-06-01-kinesis %}" is left in the text.' },
  'liquid-include.md': { file: 'liquid-include.md', field: 'body (line 8): Jekyll Liquid "{% include projects.html %}" is left in the text. Paste the included text here' },
  'liquid-raw.md': { file: 'liquid-raw.md', field: 'body (line 8): Jekyll Liquid "{% raw %}" is left in the text. Remove {% raw %} and {% endraw %}' },
};

const GOOD_CASES = ['utf8-bom.md', 'crlf-line-endings.md', 'file name with spaces.md', 'code-is-not-checked.md', 'new-tab-link.md', 'draft.md', '_private-notes.md'];

/** The site options that add one fixture to the owner's site. */
async function withFixture(kind: 'bad' | 'good', name: string): Promise<SiteOptions> {
  const path = join(FIXTURES, kind, name);
  if (!(await stat(path)).isDirectory()) {
    return { files: { [`src/content/work/${name}`]: await readText(join(FIXTURES, kind), name) } };
  }
  const files: Record<string, string> = {};
  for (const file of await listFiles(path)) files[file] = await readText(path, file);
  const entryFiles = Object.keys(files).filter((file) => file.startsWith('src/content/work/'));
  if (entryFiles.length === 0) return { files };
  const entries: Record<string, string> = {};
  for (const file of entryFiles) {
    const name = file.slice('src/content/work/'.length);
    if (name !== '.gitkeep') entries[name] = files[file] ?? '';
    delete files[file];
  }
  return { entries, files };
}

/** Our message within the build output: from its title to its "Read more" line. */
function problemMessage(output: string): string {
  return /Some (?:entries need fixing|links do not lead anywhere|pages would run JavaScript)[\s\S]*?\nRead more: .*/.exec(output)?.[0] ?? `(no entry-check message)\n${output}`;
}

describe('every fixture in tests/fixtures/bad has a case here', () => {
  it('lists the same names as the folder', async () => {
    const names = (await readdir(join(FIXTURES, 'bad'))).sort();
    expect(Object.keys(BAD_CASES).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(40);
  });
});

describe.concurrent('a mistake in an entry fails the build, naming the file and the field', () => {
  // `it.for` hands each concurrent test its own `expect`, which snapshots need.
  it.for(Object.entries(BAD_CASES))('%s', async ([name, expected], { expect }) => {
    const site = await buildSite(`bad-${name.replace(/[^a-z0-9-]/gi, '-')}`, await withFixture('bad', name));
    const message = problemMessage(site.output);
    expect(site.exitCode, site.output).not.toBe(0);
    expect(message).toContain(`src/content/work${expected.file ? `/${expected.file}` : ''}\n`);
    expect(message).toContain(`  ${expected.field}`);
    expect(message).toMatchSnapshot();
  });
});

describe.concurrent('positive controls build', () => {
  it.for(GOOD_CASES)('%s', async (name, { expect }) => {
    const site = await buildSite(`good-${name.replace(/[^a-z0-9-]/gi, '-')}`, await withFixture('good', name));
    expect(site.exitCode, site.output).toBe(0);
    expect(site.output).toContain('all resolve.');
  });
});
