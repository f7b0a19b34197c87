import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyUrlsFile, staticFileUrl } from '../../scripts/import/urls.ts';
import { permalinkToFile } from '../../src/lib/routing/permalink.ts';
import {
  buildOnce,
  buildSite,
  checkSiteFolder,
  createSite,
  FIXTURES,
  fixtureSite,
  listFiles,
  readText,
  staticRoutes,
  type SiteOptions,
} from '../helpers/site.ts';

/**
 * Each file or folder in tests/fixtures/bad is one mistake. Added to the sample site, it must stop
 * the build with a message that names the file, the field (and its line when known) and what to
 * write instead; the message is pinned by a snapshot because its wording is part of the product.
 *
 * A fixture is a single page (added to the sample site as `src/content/pages/work/<name>`), or a
 * folder laid out as a site root whose files are laid over the sample site. Every fixture site gets
 * the standard data file tests/fixtures/site-data/work.yml as `src/data/work.yml`, with a record for
 * each title the fixtures use; a folder with its own `src/data/work.yml` replaces it.
 *
 * Mistakes found before the build are checked in this process, by `checkSite` on the files the
 * build's own reader reads (`readSiteInput`): no child process, so each takes milliseconds. A few of
 * them are also built for real, to prove the build says exactly the same. Mistakes only a built page
 * shows (links, script from a component, old URLs) are built.
 */

interface BadCase {
  /** The file the message names, from the site root. */
  file: string;
  /**
   * What the message says about it: the start of its `  field (line n): message` line, or a pattern
   * that line matches where the site's message is not yet right (see the comment on the case).
   */
  field: string | RegExp;
  /** `after`: found in the built pages, so the fixture is built. */
  found?: 'after';
  /** Found before the build, and also built to prove the build reports the same message. */
  build?: true;
}

const page = (name: string) => `src/content/pages/work/${name}`;
const DATA = 'src/data/work.yml';
const post = (name: string) => `src/content/posts/${name}`;

const BAD_CASES: Record<string, BadCase> = {
  // Front matter that cannot be read.
  'invalid-yaml.md': { file: page('invalid-yaml.md'), field: 'front matter (line 3): the front matter is not valid YAML', build: true },
  'yaml-unclosed-quote.md': { file: page('yaml-unclosed-quote.md'), field: 'front matter (line 6): the front matter is not valid YAML' },
  'yaml-bad-indentation.md': { file: page('yaml-bad-indentation.md'), field: 'front matter (line 3): the front matter is not valid YAML' },
  'unclosed-front-matter.md': { file: page('unclosed-front-matter.md'), field: 'front matter (line 1): the front matter opened on line 1 is never closed' },
  'no-front-matter.md': { file: page('no-front-matter.md'), field: 'front matter (line 1): the file has no front matter' },
  'empty-file.md': { file: page('empty-file.md'), field: 'front matter: the file is empty' },
  'front-matter-list.md': {
    file: page('front-matter-list.md'),
    field: 'front matter (line 2): the front matter must be "field: value" lines, but it is a list',
  },
  'front-matter-text.md': {
    file: page('front-matter-text.md'),
    field: 'front matter (line 2): the front matter must be "field: value" lines, but it is the text',
  },
  'front-matter-empty.md': { file: page('front-matter-empty.md'), field: 'front matter (line 1): the front matter is empty' },
  'duplicated-key.md': { file: page('duplicated-key.md'), field: 'front matter (line 4): "title" is written twice (lines 3 and 4)' },
  // The page schema.
  'missing-layout.md': { file: page('missing-layout.md'), field: "layout: is required. Write the page's template" },
  'unknown-layout.md': { file: page('unknown-layout.md'), field: 'layout (line 2): "post" is the layout of blog posts, which live in src/content/posts/' },
  // Like the other required fields, it says what to write.
  'missing-title.md': { file: page('missing-title.md'), field: /^ {2}title: is required\. .*title: "/ },
  'title-number.md': { file: page('title-number.md'), field: 'title (line 3): must be text' },
  'title-null.md': { file: page('title-null.md'), field: 'title (line 3): must be text' },
  'title-empty.md': { file: page('title-empty.md'), field: 'title (line 3): is empty; write the title, like title: "Amazon".' },
  'title-too-long.md': { file: page('title-too-long.md'), field: 'title (line 3): is longer than 120 characters' },
  'missing-data.md': {
    file: page('missing-data.md'),
    field: 'data: is required for layout "work_page": it names the data file of the page\'s group. Write "data: work".',
  },
  'unknown-data.md': { file: page('unknown-data.md'), field: 'data (line 4): "jobs" names no data file. Known data files: "work"' },
  'data-is-a-date.md': { file: page('data-is-a-date.md'), field: 'data (line 4): is a date, but "data" names the data file of the page\'s group' },
  'data-on-plain-page.md': {
    file: page('data-on-plain-page.md'),
    field: 'data (line 4): is only read by the "work_page" and "work" layouts; remove it, or change the layout.',
  },
  'home-not-at-root.md': { file: page('home-not-at-root.md'), field: 'permalink (line 5): of a "home" page must be "/"' },
  'missing-permalink.md': { file: page('missing-permalink.md'), field: 'permalink: is required. Write an address like "/work/amazon".' },
  'unknown-key-typo.md': { file: page('unknown-key-typo.md'), field: 'permalnk (line 5): is not a field a page can have. Did you mean "permalink"?' },
  'unknown-key.md': { file: page('unknown-key.md'), field: 'tags (line 6): is not a field a page can have. Remove it, or use one of:' },
  'draft-not-boolean.md': { file: page('draft-not-boolean.md'), field: 'draft (line 6): must be true or false' },
  'description-too-long.md': { file: page('description-too-long.md'), field: 'description (line 6): is longer than 300 characters' },
  // Permalinks.
  'permalink-no-leading-slash.md': { file: page('permalink-no-leading-slash.md'), field: 'permalink (line 5): must start with "/"' },
  'permalink-spaces.md': {
    file: page('permalink-spaces.md'),
    field: 'permalink (line 5): must not contain spaces: use "-" between words (or "%20", as Jekyll wrote a space in an address). Write "/work/example-co".',
  },
  'permalink-dot-dot.md': { file: page('permalink-dot-dot.md'), field: 'permalink (line 5): must not contain "." or ".." segments' },
  'permalink-double-slash.md': { file: page('permalink-double-slash.md'), field: 'permalink (line 5): must not contain "//"' },
  'permalink-query.md': { file: page('permalink-query.md'), field: 'permalink (line 5): must not contain "?" or "#"' },
  'permalink-fragment.md': { file: page('permalink-fragment.md'), field: 'permalink (line 5): must not contain "?" or "#"' },
  'permalink-non-ascii.md': {
    file: page('permalink-non-ascii.md'),
    field:
      'permalink (line 5): must use ASCII characters only: write "e" for "é" and so on (or percent-encode it, "%C3%A9", as Jekyll wrote it in an address). Write "/work/zurich".',
  },
  'permalink-index.md': { file: page('permalink-index.md'), field: 'permalink (line 5): names the folder\'s own page; write the folder\'s address "/work/"' },
  'permalink-pdf.md': {
    file: page('permalink-pdf.md'),
    field: 'permalink (line 5): ends in ".pdf", but a page is written as HTML. To publish a .pdf file at this address, put it in public/work/resume.pdf',
  },
  'permalink-astro-folder.md': {
    file: page('permalink-astro-folder.md'),
    field: 'permalink (line 5): "/_astro/" is where the build writes the site\'s styles and images. Choose another address.',
  },
  'permalink-clash.md': {
    file: page('permalink-clash.md'),
    field: 'permalink (line 5): "/work/amazon" is also the permalink of src/content/pages/work/amazon.md',
  },
  'permalink-case-clash.md': {
    file: page('permalink-case-clash.md'),
    field:
      'permalink (line 5): "/work/Amazon" and the permalink "/work/amazon" of src/content/pages/work/amazon.md differ only in capitals: on macOS and Windows',
  },
  'permalink-html-twin': {
    file: page('example-html.md'),
    field: 'permalink (line 4): "/work/example.html" and the permalink "/work/example" of src/content/pages/work/example.md are written to the same file',
  },
  'permalink-page-clash.md': {
    file: page('permalink-page-clash.md'),
    field: 'permalink (line 5): "/404" is the address of src/pages/404.astro, which the site builds itself',
  },
  'permalink-public-clash': { file: page('example.md'), field: 'permalink (line 5): "/work/example" is also served by public/work/example.html' },
  // The pages folder.
  'md-beside-mdx': { file: page('example.mdx'), field: 'file: has the same name as "example.md"' },
  'unsupported-extension.markdown': {
    file: page('unsupported-extension.markdown'),
    field: 'file: is not a page: only .md and .mdx files (and the images they show) belong in src/content/pages',
  },
  'empty-collection': { file: 'src/content/pages', field: 'pages: the folder has no pages. Add one .md file per page' },
  'two-invalid-entries': { file: page('second.md'), field: 'layout (line 2): "post" is the layout of blog posts', build: true },
  // Data files and records, and how pages and records name each other.
  'title-without-record.md': {
    file: page('title-without-record.md'),
    field: 'title: "Example Corp" has no record in src/data/work.yml; the closest is "Example Co".',
  },
  // Placed on the record's `page:` line.
  'record-page-without-entry': {
    file: DATA,
    field:
      '"Amazon" page (line 4): "amazn" matches no entry: no page with "data: work" has the permalink "/work/amazn". Did you mean the page at "/work/amazon"?',
  },
  // Named, with both lines, as a key written twice in front matter is.
  'record-written-twice': { file: DATA, field: /^ {2}"Amazon" \(line 11\): .*\blines? 1\b/ },
  'record-link-typo': { file: DATA, field: '"Amazon" links.0.nme (line 5): is not a field here. Did you mean "name"?' },
  // Says what a link item is, not zod's own "Invalid input".
  'record-link-text': { file: DATA, field: /^ {2}"Amazon" links\.0 \(line [56]\): (?!Invalid input).*\bname\b.*\bref\b/ },
  'record-unknown-field': { file: DATA, field: '"Georgia Tech" sumary (line 7): is not a field a record can have. Did you mean "summary"?', build: true },
  'record-image-missing': {
    file: DATA,
    field: '"Amazon" image (line 4): "/images/work/amazon.png" is not a file in public/. Put the image at public/images/work/amazon.png',
  },
  'data-invalid-yaml': { file: DATA, field: 'data file (line 2): is not valid YAML: Nested mappings are not allowed in compact mappings.' },
  'data-file-list': { file: DATA, field: "data file (line 1): must be one record per entry, each under the entry's title" },
  // Posts.
  'post-without-date': {
    file: post('useful-shell-aliases.md'),
    field: 'file: "useful-shell-aliases.md" does not start with the post\'s date. Name it like "2019-06-10-useful-shell-aliases.md"',
    build: true,
  },
  'post-bad-date': { file: post('2019-06-10-useful-shell-aliases.md'), field: 'date (line 3): Invalid date in the front matter: "last Tuesday"' },
  'post-categories-number': { file: post('2019-06-10-useful-shell-aliases.md'), field: 'categories (line 3): categories: 5 is neither text nor a list.' },
  'post-unknown-field': {
    file: post('2019-06-10-useful-shell-aliases.md'),
    field: 'categries (line 3): is not a field a post can have. Did you mean "categories"?',
  },
  'post-clashes-with-page': {
    file: post('2019-06-10-useful-shell-aliases.md'),
    field: 'permalink (line 3): "/work/gt" is also the permalink of src/content/pages/work/gt.md',
  },
  // Liquid is run before Markdown; a mistake in it stops the build at its line, naming the construct.
  'liquid-post-url.md': {
    file: page('liquid-post-url.md'),
    field: 'Liquid {% post_url 2019-06-01-kinesis %} (line 8): Could not find a post named "2019-06-01-kinesis"',
    build: true,
  },
  'liquid-include.md': {
    file: page('liquid-include.md'),
    field: 'Liquid {% include projects.html %} (line 8): the file to include "projects.html" is not in src/includes/',
  },
  'liquid-unknown-filter.md': {
    file: page('liquid-unknown-filter.md'),
    field: 'Liquid {{ page.title | shout }} (line 8): "shout" is not a Liquid filter this site knows',
  },
  'liquid-unknown-tag.md': {
    file: page('liquid-unknown-tag.md'),
    field: 'Liquid {% gallery images %} (line 8): {% gallery %} is not a Liquid tag this site knows',
  },
  'liquid-unclosed-for.md': {
    file: page('liquid-unclosed-for.md'),
    field: 'Liquid {% for item in site.data.lists %} (line 8): tag {% for item in site.data.lists %} not closed',
  },
  'liquid-link-missing.md': {
    file: page('liquid-link-missing.md'),
    field: 'Liquid {% link _publications/missing.md %} (line 8): Could not find a page, post or file at "_publications/missing.md"',
  },
  // What Liquid writes is checked like any body.
  'liquid-writes-script.md': {
    file: page('liquid-writes-script.md'),
    field:
      'body (line 9): a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead. To let it run on this page, add to the page\'s front matter: scripts: ["sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="]. Otherwise remove it. (in what the page\'s Liquid writes, at its line 3)',
  },
  // Script written in a body, however it is hidden from a scanner of text.
  'script-tag.md': { file: page('script-tag.md'), field: 'body (line 10): a <script> element would run JavaScript' },
  'onclick-attribute.md': { file: page('onclick-attribute.md'), field: 'body (line 8): the onclick attribute would run JavaScript' },
  'javascript-url.md': { file: page('javascript-url.md'), field: 'body (line 8): a "javascript:" link would run JavaScript' },
  'stray-backtick-script.md': { file: page('stray-backtick-script.md'), field: 'body (line 10): a <script> element would run JavaScript' },
  'empty-comment-script.md': { file: page('empty-comment-script.md'), field: 'body (line 8): the onerror attribute would run JavaScript' },
  'dash-comment-script.md': { file: page('dash-comment-script.md'), field: 'body (line 10): a <script> element would run JavaScript' },
  'bang-comment-onerror.md': { file: page('bang-comment-onerror.md'), field: 'body (line 10): the onerror attribute would run JavaScript' },
  'quoted-gt-onclick.md': { file: page('quoted-gt-onclick.md'), field: 'body (line 8): the onclick attribute would run JavaScript' },
  'entity-colon-javascript.md': { file: page('entity-colon-javascript.md'), field: 'body (line 8): a "javascript:" link would run JavaScript' },
  'entity-tab-javascript.md': { file: page('entity-tab-javascript.md'), field: 'body (line 8): a "javascript:" link would run JavaScript' },
  'entity-number-javascript-link.md': { file: page('entity-number-javascript-link.md'), field: 'body (line 8): a "javascript:" link would run JavaScript' },
  'fence-backtick-info-script.md': { file: page('fence-backtick-info-script.md'), field: 'body (line 9): a <script> element would run JavaScript' },
  'code-span-closes-attribute.md': { file: page('code-span-closes-attribute.md'), field: 'body (line 8): the onmouseover attribute would run JavaScript' },
  'nested-svg-script.md': { file: page('nested-svg-script.md'), field: 'body (line 9): a <script> element would run JavaScript' },
  'noscript-breakout.md': { file: page('noscript-breakout.md'), field: 'body (line 8): the onerror attribute would run JavaScript' },
  'iframe-data-html.md': { file: page('iframe-data-html.md'), field: 'body (line 8): a "data:text/html" link would run JavaScript' },
  'mdx-expression-script.mdx': { file: page('mdx-expression-script.mdx'), field: 'body (line 10): a <script> element would run JavaScript' },
  'unfinished-tag-heading-id.md': {
    file: page('unfinished-tag-heading-id.md'),
    field: 'body (line 8): this HTML tag is never finished (a closing quote or ">" is missing)',
  },
  // Found in the built pages.
  'broken-link.md': {
    file: page('broken-link.md'),
    field: 'link "/work/gtt" (line 8): points to a page or file that does not exist; check the permalink or file name it should name. Did you mean "/work/gt"?',
    found: 'after',
  },
  'broken-fragment.md': {
    file: page('broken-fragment.md'),
    field: 'link "/work/gt#degree" (line 8): names a "#fragment" that is not an id on the target page',
    found: 'after',
  },
  'broken-image.md': {
    file: page('broken-image.md'),
    field: 'image "/images/team.png" (line 8): is not a file in public/. Put the image at public/images/team.png, or fix the path.',
    found: 'after',
  },
  'malformed-percent-link.md': {
    file: page('malformed-percent-link.md'),
    field: 'link "/work/gt#100%" (line 8): is not a valid address: a "%" must start an escape like "%20"',
    found: 'after',
  },
  'link-to-draft': {
    file: page('example.md'),
    field:
      'link "/work/secret" (line 8): points to src/content/pages/work/secret.md, which is not published (a draft, or a file whose name starts with "_"). Publish it, or remove the link.',
    found: 'after',
  },
  // A record's link is shown on the record's page but written in the data file: blamed there, once.
  'record-link-dead': {
    file: DATA,
    field:
      '"Amazon" links.1.ref (line 9): "/work/gtt" points to a page or file that does not exist; check the permalink or file name it should name. Did you mean "/work/gt"? (shown on the page /work/amazon)',
    found: 'after',
  },
  'script-from-component': {
    file: page('example.mdx'),
    field: 'page: the built page has a <script>, which would run JavaScript, and the site ships none.',
    found: 'after',
  },
  'legacy-url-gone': {
    file: 'src/data/legacy-urls.txt',
    field:
      'old URL "/work/georgia-tech" (line 6): is not served any more: its page or file was deleted or renamed. Bring it back under the old address. To retire this URL on purpose, delete its line.',
    found: 'after',
  },
};

/** Mistakes whose message says they can only be fixed in the build's own terms: each build prints one of these titles. */
const TITLES = [
  'Some files need fixing before the site can build',
  'Some links do not lead anywhere',
  'Some pages would run JavaScript',
  'Some old URLs are no longer served',
];

/** Positive controls: each is valid, and all of them together build, each at its permalink's file. */
const GOOD_CASES: Record<string, string | undefined> = {
  'utf8-bom.md': 'work/bom.html',
  'crlf-line-endings.md': 'work/crlf.html',
  'file name with spaces.md': 'work/spaces.html',
  'code-is-not-checked.md': 'work/code.html',
  'indented-code-is-not-checked.md': 'work/indented-code.html',
  'tilde-fence-with-backtick-info.md': 'work/tilde-fence.html',
  'new-tab-link.md': 'work/new-tab.html',
  // The permalink forms the owner's Jekyll site used, each served at its own file.
  'permalink-folder-address.md': 'work/folder-address/index.html',
  'permalink-capitals.md': 'work/Capitals.html',
  'permalink-html.md': 'work/html-address.html',
  'permalink-underscore.md': 'work/my_job.html',
  // Never published, so no file at all.
  'draft.md': undefined,
  '_private-notes.md': undefined,
  // Liquid that runs: a base URL, a {% link %} and {% raw %}.
  'liquid-baseurl.md': 'work/liquid-baseurl.html',
  'liquid-link.md': 'work/liquid-link.html',
  'liquid-raw.md': 'work/liquid-raw.html',
};

const STANDARD_DATA = readFile(join(FIXTURES, 'site-data', 'work.yml'), 'utf8');
/** Static files with names a URL must escape, built with the positive controls. */
const ODD_NAMES = ['files/a\nb.txt', 'files/c#d.txt', 'files/e?f.txt'];

/** The site options that add one fixture to the sample site, with the standard data file. */
async function withFixture(kind: 'bad' | 'good', name: string): Promise<SiteOptions> {
  const data = { 'work.yml': await STANDARD_DATA };
  const path = join(FIXTURES, kind, name);
  if (!(await stat(path)).isDirectory()) return { data, files: { [page(name)]: await readText(join(FIXTURES, kind), name) } };
  const fixture = await fixtureSite(`${kind}/${name}`);
  return { data: fixture.data ?? data, ...fixture };
}

const siteName = (kind: string, name: string) => `${kind}-${name.replace(/[^a-z0-9-]/gi, '-')}`;

/** Our message within a build's output: from its title to its "Read more" line. */
function problemMessage(output: string): string {
  const titles = TITLES.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?:${titles}) \\([\\s\\S]*?\\nRead more: .*`).exec(output)?.[0] ?? `(no check message)\n${output}`;
}

/** A build's output without what changes from run to run: clock times, durations, the folder. */
function stableOutput(output: string, root: string): string {
  return output
    .replaceAll(root, '<site>')
    .replace(/^\d{2}:\d{2}:\d{2} /gm, '')
    .replace(/\b\d+(?:\.\d+)?\s?(?:ms|s)\b/g, '<time>');
}

/** The problem lines a message gives for one file. */
const problemsOf = (message: string, file: string) => message.slice(message.indexOf(`\n${file}\n`) + file.length + 2).split('\n\n')[0] ?? '';

/** The message each case is judged by: its file, then its own line. */
function expectNamesFileAndField(message: string, { file, field }: BadCase): void {
  expect(message).toContain(`\n${file}\n`);
  const section = problemsOf(message, file);
  const matches = (line: string) => (typeof field === 'string' ? line.startsWith(`  ${field}`) : field.test(line));
  expect(section.split('\n').some(matches), `a line of ${file} matches ${typeof field === 'string' ? `"  ${field}"` : String(field)}:\n${message}`).toBe(true);
}

describe('every fixture in tests/fixtures/bad has a case here', () => {
  it('lists the same names as the folder', async () => {
    const names = (await readdir(join(FIXTURES, 'bad'))).sort();
    expect(Object.keys(BAD_CASES).sort()).toEqual(names);
    expect(names.length).toBeGreaterThanOrEqual(80);
  });

  it('lists the same positive controls as tests/fixtures/good', async () => {
    expect(Object.keys(GOOD_CASES).sort()).toEqual((await readdir(join(FIXTURES, 'good'))).sort());
  });
});

const before = Object.entries(BAD_CASES).filter(([, expected]) => expected.found !== 'after');
const after = Object.entries(BAD_CASES).filter(([, expected]) => expected.found === 'after');

describe.concurrent('a mistake found before the build: the checks the build runs, run in this process', () => {
  // `it.for` hands each concurrent test its own `expect`, which snapshots need.
  it.for(before)('%s', async ([name, expected], { expect }) => {
    const site = await createSite(siteName('bad', name), await withFixture('bad', name), 'linked');
    const { message } = await checkSiteFolder(site);
    expect(message.startsWith('Some files need fixing before the site can build ('), message).toBe(true);
    expectNamesFileAndField(message, expected);
    expect(message).toMatchSnapshot();
  });
});

/** A real build of a fixture that fails before the build, made once however many tests read it. */
const failingBuild = (name: string) =>
  buildOnce(`bad-${name}`, async () => buildSite(`build-${siteName('bad', name)}`, { ...(await withFixture('bad', name)), command: true }));

/**
 * The fixtures built for real that add only pages and posts, all in one site: the build reports
 * them together, under one title, each in its file's section, so one build proves each. Each page
 * keeps its lines; only its address differs. The others are built alone: one replaces the data file,
 * and one build's whole output is pinned.
 */
const BUILT_TOGETHER = ['invalid-yaml.md', 'post-without-date', 'liquid-post-url.md'];

const failingTogether = () =>
  buildOnce('bad-before-together', async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (const name of BUILT_TOGETHER) {
      for (const [file, text] of Object.entries((await withFixture('bad', name)).files ?? {})) {
        files[file] = file.startsWith('src/content/pages/')
          ? String(text).replace(/^permalink: \/work\/example$/m, `permalink: /work/${name.replace(/\.md$/, '')}`)
          : text;
      }
    }
    return buildSite('bad-before-together', { data: { 'work.yml': await STANDARD_DATA }, files, command: true });
  });

describe.concurrent('the build stops on the same message, and prints nothing else about it', () => {
  it.for(before.filter(([, expected]) => expected.build))('%s', async ([name, expected], { expect }) => {
    const site = await (BUILT_TOGETHER.includes(name) ? failingTogether() : failingBuild(name));
    const { message } = await checkSiteFolder(site);
    expect(site.exitCode, site.output).toBe(1);
    expect(problemMessage(site.output)).toBe(message);
    expectNamesFileAndField(message, expected);
    expect(site.output).not.toMatch(/unhandled error|\[ERROR\]|^\s+at /im);
    // Nothing was built: the checks run before any page is rendered.
    expect(site.output).not.toContain('generating static routes');
  });

  it('pins the whole output of a failing build: the message, and nothing else', async ({ expect }) => {
    const site = await failingBuild('two-invalid-entries');
    expect(site.exitCode).toBe(1);
    expect(stableOutput(site.output, site.root)).toMatchSnapshot();
  });
});

describe('PORTFOLIO_DEBUG=1', () => {
  it('throws instead, so the same message comes with a stack trace', async () => {
    const site = await buildSite('bad-debug', { ...(await withFixture('bad', 'invalid-yaml.md')), env: { PORTFOLIO_DEBUG: '1' }, command: true });
    expect(site.exitCode).not.toBe(0);
    expect(site.output).toContain((await checkSiteFolder(site)).message.split('\n\n')[1]);
    expect(site.output).toMatch(/^\s+at .*entry-checks\.ts/m);
  });
});

/**
 * The broken links, each in its own page, all in one site: one build reports them together, under
 * one title, each in its file's section. Each page keeps its lines; only its address differs.
 */
const LINK_CASES = ['broken-link.md', 'broken-fragment.md', 'broken-image.md', 'malformed-percent-link.md', 'link-to-draft'];

const linksTogether = () =>
  buildOnce('bad-links-together', async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (const name of LINK_CASES) {
      for (const [file, text] of Object.entries((await withFixture('bad', name)).files ?? {})) {
        files[file] = String(text).replace(/^permalink: \/work\/example$/m, `permalink: /work/${name.replace(/\.md$/, '')}`);
      }
    }
    return buildSite('bad-links-together', { data: { 'work.yml': await STANDARD_DATA }, files, command: true });
  });

describe.concurrent('a mistake only the built pages show fails the build after it', () => {
  it.for(after.filter(([name]) => !LINK_CASES.includes(name)))('%s', async ([name, expected], { expect }) => {
    const site = await buildSite(siteName('bad', name), { ...(await withFixture('bad', name)), command: true });
    // Nothing to find before the build: the mistake is in what the pages became.
    expect((await checkSiteFolder(site)).problems).toEqual([]);
    const message = problemMessage(site.output);
    expect(site.exitCode, site.output).toBe(1);
    expectNamesFileAndField(message, expected);
    expect(site.output).not.toMatch(/unhandled error|\[ERROR\]|^\s+at /im);
    expect(message).toMatchSnapshot();
  });

  it('broken links on several pages: one build reports each, under one title', async ({ expect }) => {
    const site = await linksTogether();
    expect((await checkSiteFolder(site)).problems).toEqual([]);
    expect(site.exitCode, site.output).toBe(1);
    expect(site.output).not.toMatch(/unhandled error|\[ERROR\]|^\s+at /im);
    expect(problemMessage(site.output)).toMatch(/^Some links do not lead anywhere \(5 problems in 5 files\):/);
    expect(problemMessage(site.output)).toMatchSnapshot();
    // As docs/build-errors.md says: after the build's log of pages and images, the message comes last.
    expect(site.output.trimEnd().endsWith(problemMessage(site.output))).toBe(true);
  });

  it.for(after.filter(([name]) => LINK_CASES.includes(name)))('%s', async ([, expected], { expect }) => {
    const message = problemMessage((await linksTogether()).output);
    expectNamesFileAndField(message, expected);
    expect(`${expected.file}\n${problemsOf(message, expected.file)}`).toMatchSnapshot();
  });
});

describe('positive controls', () => {
  it.concurrent.for(Object.keys(GOOD_CASES))('%s passes the checks on its own', async (name, { expect }) => {
    const site = await createSite(siteName('good', name), await withFixture('good', name), 'linked');
    expect((await checkSiteFolder(site)).message).toBe('');
  });

  /**
   * All the controls in one site, so one build proves each of them builds; with them, static files
   * whose names hold a newline, `#` or `?`, listed in src/data/legacy-urls.txt as the importer lists
   * them (as a browser requests each).
   */
  const goodSite = () =>
    buildOnce('good-controls', async () => {
      const files: Record<string, string> = {};
      for (const name of Object.keys(GOOD_CASES)) files[page(name)] = await readText(join(FIXTURES, 'good'), name);
      for (const name of ODD_NAMES) files[`public/${name}`] = 'x';
      files['src/data/legacy-urls.txt'] = legacyUrlsFile(ODD_NAMES.map((name) => ({ url: staticFileUrl(name), from: name, file: name })));
      return buildSite('good-controls', { data: { 'work.yml': await STANDARD_DATA }, files });
    });

  it('build together, with every link resolving', async () => {
    const site = await goodSite();
    expect(site.exitCode, site.output).toBe(0);
    expect(site.output).toContain('all resolve.');
  });

  it('serve the old URLs of files with a newline, # or ? in their name, as the importer lists them', async () => {
    const site = await goodSite();
    expect(site.exitCode, site.output).toBe(0);
    expect(site.output).toContain('Every old URL is still served.');
  });

  it.each(Object.entries(GOOD_CASES).map(([name, file]) => [name, file ?? 'no file: never published'] as const))('%s is written to %s', async (name) => {
    const file = GOOD_CASES[name];
    const site = await goodSite();
    const built = new Set(await listFiles(site.dist));
    const permalink = /^permalink: (.*)$/m.exec(await readText(join(FIXTURES, 'good'), name))?.[1] ?? '';
    if (file === undefined) {
      expect([...built].filter((path) => path.toLowerCase() === permalinkToFile(permalink).toLowerCase())).toEqual([]);
    } else {
      expect(permalinkToFile(permalink)).toBe(file);
      expect(built).toContain(file);
    }
  });

  it('finds the same pages in src/pages as the build: each one is built', async () => {
    const site = await goodSite();
    const built = new Set(await listFiles(site.dist));
    const routes = await staticRoutes(site);
    expect(routes.map((route) => route.path)).toContain('/404');
    for (const route of routes) expect(built).toContain(/\.[a-z]+$/.test(route.path) ? route.path.slice(1) : `${route.path.slice(1)}.html`);
  });
});
