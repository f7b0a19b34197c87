/**
 * Differential test: Debian's Jekyll renders a small generated site whose one page runs every Jekyll
 * filter and tag the build supports on tricky inputs, and src/lib/liquid/ must write the same for
 * each case. Both read the same files: posts, data (a list with missing values, a map, a subfolder),
 * an include with parameters, a file beside the page for include_relative. The site is in UTC; dates
 * in other zones have their own test (liquid-differential-dates.test.ts).
 *
 * Needs `jekyll` on PATH (Debian: apt-get install -y jekyll). Without it the test is skipped with one
 * line saying so, except when REQUIRE_JEKYLL=1 (or CI) is set: then a missing Jekyll is a failure.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectLiquid } from '../../src/lib/liquid/project.ts';
import { casesPage, runJekyll, writeTree } from '../helpers/jekyll.ts';
import { toolAvailable } from '../helpers/tools.ts';

const OUTPUT = fileURLToPath(new URL('../.output/liquid-differential/', import.meta.url));

/** Skips with one line where Jekyll is missing; REQUIRE_JEKYLL=1 makes that a failure (tests/helpers/tools.ts). */
const jekyllAvailable = () => toolAvailable('Jekyll');

/** How a case's two outputs are compared. `text`: markup and whitespace aside, for HTML both write differently. */
type Compare = 'exact' | 'text';

/** Each case: a name, the Liquid, and how to compare. Tricky inputs on purpose. */
const CASES: [name: string, liquid: string, compare?: Compare][] = [
  [
    'relative_url',
    `{{ "about/" | relative_url }}|{{ "/a b/ü" | relative_url }}|{{ "" | relative_url }}|{{ "https://x.org/y" | relative_url }}|{{ nothing | relative_url }}`,
  ],
  ['absolute_url', `{{ "/about/" | absolute_url }}|{{ "x y" | absolute_url }}|{{ "mailto:a@b.c" | absolute_url }}`],
  ['relative_url of a post', `{{ site.posts.first | relative_url }}`],
  [
    'date_to_string',
    `{{ site.posts.first.date | date_to_string }}|{{ site.posts.last.date | date_to_string: "ordinal" }}|{{ site.posts.last.date | date_to_string: "ordinal", "US" }}|{{ "2021-03-02" | date_to_string }}`,
  ],
  ['date_to_long_string', `{{ site.posts.first.date | date_to_long_string }}|{{ site.posts.first.date | date_to_long_string: "ordinal", "US" }}`],
  ['date_to_xmlschema', `{{ site.posts.first.date | date_to_xmlschema }}|{{ "2021-03-02 10:20:30" | date_to_xmlschema }}`],
  ['date_to_rfc822', `{{ site.posts.last.date | date_to_rfc822 }}`],
  [
    'where',
    `{{ site.data.items | where: "kind", "a" | map: "name" | join: "," }}|{{ site.data.items | where: "tags", "red" | map: "name" | join: "," }}|{{ site.data.items | where: "n", 2 | map: "name" | join: "," }}`,
  ],
  [
    'where_exp',
    `{{ site.data.items | where_exp: "item", "item.n > 1" | map: "name" | join: "," }}|{{ site.data.items | where_exp: "item", "item.tags contains 'blue'" | map: "name" | join: "," }}`,
  ],
  [
    'group_by',
    `{% assign groups = site.data.items | group_by: "kind" %}{% for g in groups %}[{{ g.name }}:{{ g.size }}:{{ g.items | map: "name" | join: "," }}]{% endfor %}`,
  ],
  [
    'group_by_exp',
    `{% assign groups = site.data.items | group_by_exp: "item", "item.name | size" %}{% for g in groups %}[{{ g.name }}:{{ g.items | map: "name" | join: "," }}]{% endfor %}`,
  ],
  [
    'find',
    `{{ site.data.items | find: "kind", "b" | map: "name" }}|{% assign none = site.data.items | find: "kind", "zzz" %}{% if none == nil %}nil{% endif %}`,
  ],
  ['find_exp', `{% assign found = site.data.items | find_exp: "item", "item.n >= 2" %}{{ found.name }}`],
  [
    'sort',
    `{{ site.data.items | sort: "n" | map: "name" | join: "," }}|{{ site.data.items | sort: "n", "last" | map: "name" | join: "," }}|{{ site.data.words | sort | join: "," }}`,
  ],
  ['markdownify', `{{ "Some *emphasis* and a [link](/x).\n\n- one\n- two" | markdownify }}`, 'text'],
  ['smartify', `{% capture text %}It's "quoted" -- and --- then... 'single' (parens "too"){% endcapture %}{{ text | smartify }}`],
  [
    'slugify',
    `{{ "Hello, World! Ünïcode_é 2.0" | slugify }}|{{ "Hello, World! Ünïcode_é 2.0" | slugify: "pretty" }}|{{ "Hello, World! Ünïcode_é 2.0" | slugify: "ascii" }}|{{ "Hello, World! Ünïcode_é 2.0" | slugify: "latin" }}|{{ "Hello, World!" | slugify: "raw" }}`,
  ],
  ['jsonify', `{{ site.data.items.first | jsonify }}|{{ site.data.words | jsonify }}|{{ 'a"b' | jsonify }}|{{ nothing | jsonify }}`],
  ['xml_escape', `{% capture text %}<a href="x">Tom & 'Jerry'</a>{% endcapture %}{{ text | xml_escape }}`],
  ['cgi_escape', `{{ "a b&c/d?é=+" | cgi_escape }}`],
  ['uri_escape', `{{ "a b/é?x=[1]#f" | uri_escape }}`],
  ['number_of_words', `{{ "one two  three\nfour" | number_of_words }}|{{ "" | number_of_words }}`],
  [
    'array_to_sentence_string',
    `{{ site.data.words | array_to_sentence_string }}|{{ site.data.words | array_to_sentence_string: "or" }}|{% assign one = "solo" | split: "," %}{{ one | array_to_sentence_string }}|{% assign two = "a,b" | split: "," %}{{ two | array_to_sentence_string }}`,
  ],
  ['normalize_whitespace', `[{{ "  a \n\t b  " | normalize_whitespace }}]`],
  ['sample', `{% assign one = "only" | split: "," %}{{ one | sample }}`],
  [
    'push pop shift unshift',
    `{{ site.data.words | push: "z" | join: "," }}|{{ site.data.words | pop | join: "," }}|{{ site.data.words | shift | join: "," }}|{{ site.data.words | unshift: "a0" | join: "," }}|{{ site.data.words | join: "," }}`,
  ],
  ['inspect', `{{ "text" | inspect }}|{{ 42 | inspect }}|{{ site.data.words | inspect }}|{{ site.data.items.first | inspect }}|{{ nothing | inspect }}`],
  [
    'posts newest first',
    `{% for post in site.posts %}[{{ post.title }} {{ post.url }} {{ post.categories | join: "+" }} {{ post.tags | join: "+" }}]{% endfor %}`,
  ],
  ['tags and categories', `{% for tag in site.tags %}{{ tag[0] }}={{ tag[1] | size }};{% endfor %}|{{ site.categories.notes | map: "title" | join: "," }}`],
  ['data map and subfolder', `{% for pair in site.data.social %}{{ pair[0] }}:{{ pair[1] }};{% endfor %}|{{ site.data.folder.more.greeting }}`],
  ['site values', `{{ site.title }}|{{ site.url }}|{{ site.baseurl }}|{{ site.nothing | default: "none" }}`],
  ['link', `{% link about.md %}|{% link _posts/2019-06-10-first-post.md %}`],
  ['post_url', `{% post_url 2019-06-10-first-post %}|{% post_url 2020-02-29-leap-day %}`],
  ['include with parameters', `{% include greet.html name="Ada" excited=true %}|{% include greet.html name=site.title %}`],
  ['include_relative', `{% include_relative beside.txt who="you" %}`],
  ['highlight', `{% highlight ruby %}\nputs "{{ 'hi' | upcase }}" if a < b\n{% endhighlight %}`, 'text'],
  ['raw', `{% raw %}{{ not run }} {% if %}{% endraw %}`],
];

const CONFIG = `title: Differential
url: https://example.org
baseurl: ""
timezone: UTC
`;

/** The site's files, from the site folder (Jekyll's layout). */
const SITE_FILES: Record<string, string> = {
  '_data/items.yml': `- name: alpha
  kind: a
  n: 2
  tags: [red, blue]
- name: beta
  kind: b
- name: gamma
  kind: a
  n: 1
  tags: [red]
- name: delta
  kind: b
  n: 3
  tags: []
`,
  '_data/words.yml': '[pear, apple, fig]\n',
  '_data/social.yml': 'github: ada\nmastodon: "@ada@example.social"\n',
  '_data/folder/more.yml': 'greeting: hello from a folder\n',
  '_includes/greet.html': 'Hello {{ include.name }}{% if include.excited %}!{% endif %}',
  '_posts/2019-06-10-first-post.md': '---\ntitle: First post\ncategories: [notes]\ntags: [liquid, jekyll]\n---\n\nThe first post.\n',
  '_posts/2020-02-29-leap-day.md': '---\ntitle: Leap day\ntags: liquid\n---\n\nOn a leap day.\n',
  'about.md': '---\ntitle: About\npermalink: /about/\n---\n\nAbout me.\n',
  'beside.txt': 'Beside the page, for {{ include.who }}.',
};

/** The same site as a project of ours: the same files where the project keeps them. */
function projectPath(path: string): string {
  if (path.startsWith('_data/')) return `src/data/${path.slice('_data/'.length)}`;
  if (path.startsWith('_includes/')) return `src/includes/${path.slice('_includes/'.length)}`;
  if (path.startsWith('_posts/')) return `src/content/posts/${path.slice('_posts/'.length)}`;
  return `src/content/pages/${path}`;
}

const { text: casesText, outputsOf } = casesPage(CASES);

/** The text a reader sees in an HTML fragment: tags dropped, entities that both may write kept as written, whitespace folded. */
const textOnly = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/```\w*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe.runIf(jekyllAvailable())("Jekyll's filters and tags: ours against Debian's Jekyll", () => {
  let jekyll = new Map<string, string>();
  let ours = new Map<string, string>();

  beforeAll(async () => {
    await rm(OUTPUT, { recursive: true, force: true });
    const source = join(OUTPUT, 'jekyll');
    await writeTree(source, { ...SITE_FILES, '_config.yml': CONFIG, 'cases.html': `---\nlayout: null\n---\n${casesText}` });
    const built = await runJekyll(['build', '--safe', '--source', source, '--destination', join(OUTPUT, 'jekyll-site')], OUTPUT);
    if (built.code !== 0) throw new Error(`jekyll build failed:\n${built.output}`);
    jekyll = outputsOf(await readFile(join(OUTPUT, 'jekyll-site', 'cases.html'), 'utf8'));

    const root = join(OUTPUT, 'ours');
    const project: Record<string, string> = {};
    for (const [path, text] of Object.entries(SITE_FILES)) project[projectPath(path)] = text;
    project['src/content/pages/cases.md'] = `---\nlayout: page\ntitle: Cases\npermalink: /cases.html\n---\n${casesText}`;
    await writeTree(root, project);
    const files = (prefix: string) =>
      Object.entries(project)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, text]) => ({ path, text }));
    const liquid = projectLiquid({
      root,
      pageFiles: files('src/content/pages/'),
      postFiles: files('src/content/posts/'),
      publicFiles: [],
      posts: { permalink: 'date', timezone: 'UTC' },
      config: { name: 'Differential' },
      url: 'https://example.org',
      baseurl: '',
    });
    const result = liquid.render('src/content/pages/cases.md', casesText, 6);
    if (!result.ok) throw new Error(`our Liquid failed: ${JSON.stringify(result.problem)}`);
    ours = outputsOf(result.text);
  });

  it('Jekyll wrote every case', () => {
    expect([...jekyll.keys()]).toEqual(CASES.map(([name]) => name));
  });

  it.each(CASES)('%s', (name, _liquid, compare = 'exact') => {
    const theirs = jekyll.get(name) ?? '(missing)';
    const mine = ours.get(name) ?? '(missing)';
    if (compare === 'text') expect(textOnly(mine)).toBe(textOnly(theirs));
    else expect(mine).toBe(theirs);
  });
});
