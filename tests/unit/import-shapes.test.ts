import { describe, expect, it } from 'vitest';
import { domainFrom, siteConfigFrom } from '../../scripts/import/config.ts';
import { listLine, nestUnder } from '../../scripts/import/front-matter.ts';
import { convertKramdown } from '../../scripts/import/kramdown.ts';
import { mapLayout, printedFields, THEME_LAYOUTS, type LayoutFiles } from '../../scripts/import/layouts.ts';
import type { ImportPlan } from '../../scripts/import/plan.ts';
import { pageScripts, scriptHash } from '../../scripts/import/scripts.ts';
import { isOsJunk } from '../../scripts/import/static-files.ts';
import { planOf, plannedText } from '../helpers/import-plan.ts';

const plan = planOf;
const text = plannedText;
const lines = (result: ImportPlan, kind: string) => result.report.filter((line) => line.kind === kind).map((line) => `${line.file ?? ''}: ${line.message}`);
const live = (result: ImportPlan) => [...new Set(result.urls.filter((url) => !url.retired).map((url) => url.url))].sort();

describe('layouts: a table of theme layouts, and the fields a layout printed', () => {
  const files: LayoutFiles = new Map([
    ['default', '<html><head><title>{{ page.title }}</title><meta content="{{ page.excerpt }}"></head><body>{{ content }}</body></html>'],
    [
      'single',
      '---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{% if page.venue %}<p>{{ page.venue }}, {{ page.date | date: "%Y" }}</p>{% endif %}{{ content }}{% if page.paperurl %}<a href="{{ page.paperurl }}">Paper</a>{% endif %}{% for post in site.posts limit: 3 %}{{ post.title }}{% endfor %}',
    ],
    [
      'talk',
      '---\nlayout: default\n---\n{% capture where %}{{ page.location }}{% endcapture %}<p>{{ page.type | upcase }} at {{ page.venue | default: page.event }}</p><img src="{{ page.photo }}" alt="{{ page.caption }}" class="{{ page.style_class }}">{{ content }}',
    ],
    ['broken', '{% if page.x %}never closed'],
    // Ruby's Liquid lets parentheses in a condition pass; liquidjs refuses the tag.
    [
      'ruby-if',
      '{% if (page.header.image or page.header.teaser) %}<img>{% endif %}<p>{{ page.venue }}, <time>{{ page.date | date: "%B %d, %Y" }}</time></p>{{ content }}',
    ],
  ]);

  it('reads the printed page fields from the Liquid syntax tree, in order, without title and theme switches', () => {
    expect(printedFields('single', files)).toEqual(['venue', 'date', 'paperurl']);
    expect(printedFields('talk', files)).toEqual(['location', 'type', 'venue', 'event']);
    expect(printedFields('broken', files)).toEqual([]);
    expect(printedFields('ruby-if', files)).toEqual(['venue', 'date']);
    expect(printedFields('missing', files)).toEqual([]);
  });

  it.each([
    ['single', '/about/', 'page'],
    ['talk', '/talks/x', 'page'],
    ['archive', '/publications/', 'page'],
    ['splash', '/', 'home'],
    ['splash', '/landing/', 'page'],
    ['posts', '/posts/', 'blog'],
    ['about', '/', 'home'],
  ])('%s at %s -> %s', (name, url, layout) => {
    expect(mapLayout(name, { url, hasData: false, files }).layout).toBe(layout);
  });

  it('keeps the table as data: every entry becomes one of the five layouts', () => {
    for (const [name, entry] of Object.entries(THEME_LAYOUTS)) expect(['page', 'home', 'blog'], name).toContain(entry.becomes);
  });
});

describe('front matter: theme variables under fields:, lists as one line', () => {
  it('moves keys as written, comments and quoting kept, and adds the defaults as YAML', () => {
    const yaml = "title: X\nvenue: 'A venue' # where\ncitation: >-\n  A long\n  citation\nlayout: page\n";
    expect(nestUnder(yaml, ['venue', 'citation'], 'fields', { share: true })).toBe(
      "title: X\nlayout: page\nfields:\n  venue: 'A venue' # where\n  citation: >-\n    A long\n    citation\n  share: true\n",
    );
    expect(nestUnder('title: X\n', [], 'fields')).toBe('title: X\n');
  });

  it('writes a list of text as one flow line', () => {
    expect(listLine('show', ['venue', 'a, b'])).toBe('show: ["venue", "a, b"]\n');
  });
});

describe('kramdown markup, taken out on the Markdown syntax tree', () => {
  it('removes attribute lists, the TOC, options and comments, and leaves code alone', () => {
    const body =
      '* TOC\n{:toc}\n\n## A\n\nText.\n{: .notice}\n\nA *word*{: .x} here.\n\n{::options parse_block_html="true" /}\n\n```\n{: .kept}\n```\n\n`{: .kept}`\n';
    const result = convertKramdown(body, 'post.md', 4);
    expect(result.text).toBe('\n\n## A\n\nText.\n\nA *word* here.\n\n\n```\n{: .kept}\n```\n\n`{: .kept}`\n');
    expect(result.report.map((line) => line.line)).toEqual([4, 10, 12, 14]);
  });

  // kramdown's header ids, `## About me {#about}`: shown as text here, and links to #about led nowhere.
  it('ends a heading with an anchor of its kramdown id, its text kept as Markdown', () => {
    const body = '## About *me* {#about}\n\nSee [below](#about).\n\nSetext {#setext}\n---\n\n`# Kept {#kept}`\n';
    const result = convertKramdown(body, 'post.md', 4);
    expect(result.text).toBe('## About *me* <a id="about"></a>\n\nSee [below](#about).\n\nSetext <a id="setext"></a>\n---\n\n`# Kept {#kept}`\n');
    expect(result.report.map((line) => [line.line, line.message.split(' gave')[0]])).toEqual([
      [4, 'kramdown\'s "{#about}"'],
      [8, 'kramdown\'s "{#setext}"'],
    ]);
  });

  it('leaves a body without kramdown markup as it is', () => {
    expect(convertKramdown('Term\n: definition\n\nA note[^1].\n\n[^1]: Here.\n', 'x.md', 1)).toEqual({
      text: 'Term\n: definition\n\nA note[^1].\n\n[^1]: Here.\n',
      report: [],
    });
  });
});

describe('scripts: the consent the importer writes', () => {
  it('names an inline script by the hash of its text and an external one by its https address', () => {
    const inline = "\n  console.log('x');\n";
    const body = `<p>Chart</p>\n<script>${inline}</script>\n<script src="//cdn.example.org/plot.js"></script>\n<script type="application/ld+json">{}</script>\n<script src="/assets/local.js"></script>\n`;
    const result = pageScripts(body, 'chart.md');
    expect(result.entries).toEqual([scriptHash(inline), 'https://cdn.example.org/plot.js']);
    expect(scriptHash(inline)).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);
    expect(result.report.map((line) => line.kind)).toEqual(['leftover', 'changed']);
  });

  it('writes scripts: into the page', () => {
    const result = plan({ '_config.yml': 'title: T\n', 'chart.md': '---\ntitle: Chart\n---\n<script>draw()</script>\n' });
    expect(text(result, 'src/content/pages/chart.md')).toContain(`\nscripts: ["${scriptHash('draw()')}"]\n---\n`);
  });

  it("writes an inline script's Liquid as Jekyll wrote it, and consents to that text, on a page and on a post", () => {
    const source = "<script>\n  var SITE = '{{ site.url }}';\n</script>\n";
    const written = "\n  var SITE = 'https://jane.dev';\n";
    const result = plan({
      '_config.yml': 'title: T\nurl: https://jane.dev\n',
      '404.md': `---\ntitle: Lost\npermalink: /lost/\n---\nGone.\n\n${source}`,
      '_posts/2017-07-24-gist.md': `---\ntitle: Gist\n---\n${source}`,
    });
    for (const path of ['src/content/pages/404.md', 'src/content/posts/2017-07-24-gist.md']) {
      expect(text(result, path)).toContain(`<script>${written}</script>`);
      expect(text(result, path)).toContain(`scripts: ["${scriptHash(written)}"]`);
    }
  });
});

describe('collections and defaults', () => {
  const result = plan({
    '_config.yml':
      'title: T\ncollections:\n  talks:\n    output: true\n    permalink: /:collection/:year/:title/\ndefaults:\n  - scope: {path: "", type: talks}\n    values: {layout: talk, share: true}\n  - scope: {path: "_talks/keynotes"}\n    values: {keynote: true}\n',
    '_layouts/talk.html': '<p>{{ page.venue }}</p>{{ content }}',
    '_talks/2019-05-02-types.md': '---\ntitle: Types\nvenue: Day\n---\nBody\n',
    '_talks/keynotes/big.md': '---\ntitle: Big\ndate: 2020-01-03\n---\nBody\n',
  });

  it("gives each document the collection's permalink, its collection, the defaults' fields and what its layout printed", () => {
    expect(text(result, 'src/content/pages/talks/2019-05-02-types.md')).toBe(
      '---\ntitle: Types\ncollection: talks\nlayout: page\npermalink: /talks/2019/types/\nfields:\n  venue: Day\n  share: true\nshow: ["venue"]\n---\nBody\n',
    );
    expect(text(result, 'src/content/pages/talks/keynotes/big.md')).toContain('fields:\n  date: 2020-01-03\n  share: true\n  keynote: true\n');
    expect(live(result)).toEqual(['/talks/2019/types/', '/talks/2020/big/']);
  });
});

describe('redirects, pagination and the long tail', () => {
  it('lists redirect addresses and /redirects.json as old URLs', () => {
    const result = plan({
      '_config.yml': 'title: T\nplugins: [jekyll-redirect-from]\n',
      'cv.md': '---\ntitle: CV\npermalink: /cv/\nredirect_from: [/resume, /resume.html]\n---\nCV\n',
      'lab.md': '---\ntitle: Lab\nredirect_to: https://lab.example.org/\n---\n',
    });
    expect(live(result)).toEqual(['/cv/', '/lab.html', '/redirects.json', '/resume', '/resume.html']);
    expect(text(result, 'src/content/pages/cv.md')).toContain('redirect_from: [/resume, /resume.html]\n');
    expect(text(result, 'src/content/pages/lab.md')).toContain('redirect_to: https://lab.example.org/\n');
  });

  it('lists the numbered pages jekyll-paginate wrote and pages the blog as many a page', () => {
    const posts = Object.fromEntries([1, 2, 3, 4, 5].map((day) => [`_posts/2020-01-0${day}-p${day}.md`, `---\ntitle: P${day}\n---\nText\n`]));
    const result = plan({
      '_config.yml': 'title: T\nplugins: [jekyll-paginate]\npaginate: 2\n',
      'index.html': '---\nlayout: home\n---\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n',
      ...posts,
    });
    expect(live(result)).toEqual(expect.arrayContaining(['/', '/page2/', '/page3/']));
    expect(live(result)).not.toContain('/page4/');
    // Its own list stays, for the build to run once a page (tests/unit/import-paginator.test.ts). It
    // has no title: the site's, as Jekyll's <title> showed it.
    expect(text(result, 'src/content/pages/index.md')).toBe(
      '---\nlayout: blog\ntitle: T\npermalink: /\n---\n\n<div>\n{% for post in paginator.posts %}{{ post.title }}{% endfor %}\n</div>\n',
    );
    expect(text(result, 'src/site.config.ts')).toContain('posts: { perPage: 2 },');
  });

  it('reports a page Jekyll overwrote with another at the same address', () => {
    const result = plan({ '_config.yml': 'title: T\n', 'a.md': '---\ntitle: A\npermalink: /same/\n---\n', 'b.md': '---\ntitle: B\npermalink: /same/\n---\n' });
    expect(result.files.filter((file) => file.path.startsWith('src/content/pages/')).map((file) => file.from)).toEqual(['b.md']);
    expect(lines(result, 'skipped')).toContain(
      'a.md: has the same address as b.md, which Jekyll wrote after it, so it was never served; it is not imported. Give it its own permalink in the Jekyll site and import again if you want it.',
    );
  });

  it('never publishes OS junk, and accounts for every file once', () => {
    expect(['a/.DS_Store', 'Thumbs.db', 'x/desktop.ini', 'x/._photo.jpg'].map(isOsJunk)).toEqual([true, true, true, true]);
    expect(isOsJunk('thumbs.png')).toBe(false);
    const result = plan({
      '_config.yml': 'title: T\ninclude: [files]\n',
      'files/Thumbs.db': 'x',
      'files/a.pdf': 'x',
      '_data/links.yml': '- a\n',
      'notes.txt': 'x',
    });
    expect(result.files.map((file) => file.path)).not.toContain('public/files/Thumbs.db');
    const mentions = (path: string) => result.files.filter((file) => file.from === path).length + result.report.filter((line) => line.file === path).length;
    expect(['files/Thumbs.db', 'files/a.pdf', '_data/links.yml', 'notes.txt'].map(mentions)).toEqual([1, 1, 1, 1]);
  });

  it('copies an HTML file that ran JavaScript without it, so its address and the links to it still work', () => {
    const result = plan({
      '_config.yml': 'title: T\n',
      'demo/map.html': '<html><body onload="go()"><script src="x.js"></script><a href="javascript:go()" class="x">Go</a><p>Map</p></body></html>',
    });
    expect(text(result, 'public/demo/map.html')).toBe('<html><body><a class="x">Go</a><p>Map</p></body></html>');
    expect(live(result)).toContain('/demo/map.html');
    expect(lines(result, 'changed')).toContainEqual(
      expect.stringMatching(/^demo\/map.html: is an HTML file Jekyll copied as it was; it ran JavaScript \(3 scripts or handlers\)/),
    );
  });
});

describe('the owner details', () => {
  it('reads social handles under author:', () => {
    const { values } = siteConfigFrom({
      config: {
        title: 'R',
        author: { name: 'R', bio: 'x', github: 'rs', linkedin: 'r-s', googlescholar: 'https://scholar.google.com/citations?user=R', orcid: '0000-0001' },
      },
    });
    expect(values.links).toEqual([
      { label: 'GitHub', href: 'https://github.com/rs' },
      { label: 'LinkedIn', href: 'https://www.linkedin.com/in/r-s' },
      { label: 'Google Scholar', href: 'https://scholar.google.com/citations?user=R' },
      { label: 'ORCID', href: 'https://orcid.org/0000-0001' },
    ]);
  });

  it("never writes GitHub's own address as a custom domain", () => {
    expect(domainFrom(undefined, 'https://jane.github.io')).toBeUndefined();
    expect(domainFrom(undefined, 'Jane.GitHub.io')).toBeUndefined();
    expect(domainFrom('jane.github.io\n', undefined)).toBeUndefined();
    expect(domainFrom('www.jane.dev\n', 'https://jane.github.io')).toBe('www.jane.dev');
  });
});

describe('addresses with spaces, non-ASCII letters and sub-delimiters', () => {
  it('writes them percent-encoded, the form a link uses, naming the file Jekyll wrote', () => {
    const result = plan({
      '_config.yml': 'title: T\ncollections:\n  posts_he:\n    output: true\n    permalink: /:title/\n',
      'edu.md': '---\ntitle: Edu\npermalink: /edu&inv/\n---\nx\n',
      'menu.md': '---\ntitle: Menu\npermalink: /café menu/\n---\nx\n',
      '_posts_he/שלום.md': '---\ntitle: Shalom\n---\nx\n',
    });
    expect(live(result)).toEqual(['/%D7%A9%D7%9C%D7%95%D7%9D/', '/caf%C3%A9%20menu/', '/edu&inv/']);
    expect(result.urls.map((url) => url.file).sort()).toEqual(['café menu/index.html', 'edu&inv/index.html', 'שלום/index.html']);
    expect(text(result, 'src/content/pages/menu.md')).toContain('\npermalink: "/caf%C3%A9%20menu/"\n');
  });
});

describe('front matter Jekyll reads and a stricter YAML reader refuses', () => {
  it('imports it, rewritten as plain YAML with the same values, and says so', () => {
    const result = plan({
      '_config.yml': 'title: T\ncollections:\n  publications:\n    output: true\n',
      '_publications/paper.md':
        "---\ntitle: Paper\npermalink: /publication/paper.html\nexcerpt: 'We propose a new algorithm\nfor models.'\ndate: 2017-01-01\n---\nBody\n",
    });
    expect(text(result, 'src/content/pages/publications/paper.md')).toBe(
      '---\ntitle: Paper\npermalink: /publication/paper.html\ncollection: publications\nlayout: page\nfields:\n  excerpt: We propose a new algorithm for models.\n  date: "2017-01-01"\n---\nBody\n',
    );
    expect(live(result)).toEqual(['/publication/paper.html']);
    expect(lines(result, 'changed')[0]).toMatch(/^_publications\/paper.md: its front matter is YAML that Jekyll's reader accepts and stricter ones refuse/);
  });
});

describe('a page with an empty body over its own list layout', () => {
  it("gets the layout's text as its body, its Liquid kept for the build; a page with a body keeps it, and the list follows", () => {
    const layout =
      '---\nlayout: page\n---\n{{ content }}\n<div class="tiles">{% for project in site.data.projects %}<p>{{ project.name }}</p>{% endfor %}</div>\n';
    const result = plan({
      '_config.yml': 'title: T\n',
      '_layouts/projects.html': layout,
      '_data/projects.yml': '- name: QR code\n',
      'projects.md': '---\ntitle: Projects\nlayout: projects\npermalink: /projects\n---\n',
      'other.md': '---\ntitle: Other\nlayout: projects\npermalink: /other\n---\nIts own words.\n',
      'noted.md': '---\ntitle: Noted\nlayout: projects\npermalink: /noted\n---\n<!-- a note to self -->\n',
    });
    expect(text(result, 'src/content/pages/noted.md')).toContain('<!-- a note to self -->\n<div class="tiles">');
    expect(text(result, 'src/content/pages/projects.md')).toContain(
      '<div class="tiles">{% for project in site.data.projects %}<p>{{ project.name }}</p>{% endfor %}</div>',
    );
    expect(text(result, 'src/content/pages/other.md')).toContain('{% capture content %}\nIts own words.\n{% endcapture %}');
    expect(text(result, 'src/content/pages/other.md')).toContain('<div class="tiles">{% for project in site.data.projects %}');
    expect(lines(result, 'changed')).toContainEqual(
      expect.stringMatching(/^projects.md: its body is empty and its layout "projects" wrote the page's words with Liquid/),
    );
  });
});

describe("a page's link to a stylesheet compiled from the theme's Sass", () => {
  it('is taken out, since the stylesheet is not published, and reported', () => {
    const result = plan({
      '_config.yml': 'title: T\n',
      'assets/css/vcard.scss': '---\n---\n.card { color: red; }\n',
      'card.html': '---\ntitle: Card\n---\n<link rel="stylesheet" href="/assets/css/vcard.css">\n<div class="card">Hello</div>\n',
    });
    expect(text(result, 'src/content/pages/card.md')).not.toContain('<link');
    expect(text(result, 'src/content/pages/card.md')).toContain('<div class="card">Hello</div>');
    expect(lines(result, 'converted')).toEqual([
      "card.html: its link to the stylesheet /assets/css/vcard.css, which Jekyll compiled from assets/css/vcard.scss, is taken out: this project's styles replace the theme's.",
    ]);
  });

  it.each([
    [`{{ '/assets/css/vcard.css' | relative_url }}`],
    [`{{ 'assets/css/vcard.css' | absolute_url }}`],
    [`{{ site.baseurl }}/assets/css/vcard.css`],
    [`{{ site.url }}{{ site.baseurl }}/assets/css/vcard.css?v=2`],
  ])('is taken out when Liquid writes its address: %s', (href) => {
    const result = plan({
      '_config.yml': 'title: T\n',
      'assets/css/vcard.scss': '---\n---\n.card { color: red; }\n',
      'card.md': `---\ntitle: Card\n---\n<link rel="stylesheet" href="${href}" />\n\nHello\n`,
    });
    expect(text(result, 'src/content/pages/card.md')).not.toContain('<link');
    expect(text(result, 'src/content/pages/card.md')).toContain('Hello');
  });
});

describe("the site's own feed of its posts (Poole's atom.xml)", () => {
  const ATOM = [
    '---',
    'layout: null',
    '---',
    '',
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    ' <title>{{ site.title }}</title>',
    ' <link href="{{ site.url }}{{ site.baseurl }}/atom.xml" rel="self"/>',
    ' {% for post in site.posts %}',
    ' <entry><title>{{ post.title }}</title><content type="html">{{ post.content | xml_escape }}</content></entry>',
    ' {% endfor %}',
    '</feed>',
    '',
  ].join('\n');
  const site = { '_config.yml': 'title: T\n', 'atom.xml': ATOM, '_posts/2020-01-01-a.md': '---\ntitle: A\n---\nHi\n' };

  it("is served by this project's feed at its address, kept in the site config", () => {
    const result = plan(site);
    expect(live(result)).toContain('/atom.xml');
    expect(result.files.some((file) => file.path === 'public/atom.xml')).toBe(false);
    expect(text(result, 'src/site.config.ts')).toContain("posts: { feeds: ['/atom.xml'] },");
    expect(lines(result, 'converted')).toContainEqual(
      expect.stringMatching(/^atom\.xml: is the site's feed of its posts, written with Liquid: this project's Atom feed/),
    );
  });

  it("is jekyll-feed's own address too, when its feed.path is not /feed.xml", () => {
    const result = plan({
      '_config.yml': 'title: T\nplugins: [jekyll-feed]\nfeed:\n  path: blog/atom.xml\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\nHi\n',
    });
    expect(text(result, 'src/site.config.ts')).toContain("posts: { feeds: ['/blog/atom.xml'] },");
    expect(live(result)).toContain('/blog/atom.xml');
  });

  it('is not an XML file that lists something else', () => {
    const result = plan({ ...site, 'atom.xml': '---\n---\n<urlset>{% for page in site.pages %}<url>{{ page.url }}</url>{% endfor %}</urlset>\n' });
    expect(text(result, 'src/site.config.ts')).not.toContain('feeds');
  });
});

describe("a theme's .gemspec in the site's folder", () => {
  it('is published as Jekyll published it, unless the config excludes it', () => {
    const site = {
      '_config.yml': 'title: T\n',
      Gemfile: 'gemspec\n',
      'jekyll-theme-x.gemspec': 'Gem::Specification.new\n',
      'index.md': '---\ntitle: Home\n---\nHi\n',
    };
    const result = plan(site);
    expect(result.files.find((file) => file.path === 'public/jekyll-theme-x.gemspec')).toBeDefined();
    expect(live(result)).toContain('/jekyll-theme-x.gemspec');
    expect(live(result)).not.toContain('/Gemfile');
    const excluded = plan({ ...site, '_config.yml': 'title: T\nexclude: [jekyll-theme-x.gemspec]\n' });
    expect(live(excluded)).not.toContain('/jekyll-theme-x.gemspec');
  });
});

describe('two pages Astro would read as one entry', () => {
  it('writes the second to its own file, keeping its address', () => {
    const result = plan({ '_config.yml': 'title: T\n', 'he.md': '---\ntitle: He\npermalink: /he.html\n---\nA\n', 'he/index.md': '---\ntitle: Home\n---\nB\n' });
    expect(result.files.filter((file) => file.path.startsWith('src/content/pages/')).map((file) => [file.path, file.from])).toEqual([
      ['src/content/pages/he-2.md', 'he/index.md'],
      ['src/content/pages/he.md', 'he.md'],
    ]);
    expect(text(result, 'src/content/pages/he-2.md')).toContain('\npermalink: /he/\n');
  });
});

describe('links that led nowhere on the Jekyll site either', () => {
  it('are taken out, their text kept, in Markdown and in HTML, never in code', () => {
    const result = plan({
      '_config.yml': 'title: T\n',
      'files/a.pdf': 'x',
      'post.md':
        '---\ntitle: Post\n---\nGet [the rar](/files/frames.rar "t") or [the pdf](/files/a.pdf), <a href="/gone/">gone</a>, [feed](/feed.xml).\n\n<div><a class="x" href="/also-gone.html">also</a> <a href="/post.html#top">me</a><img src="/me.jpeg" alt="Me"></div>\n\n![A photo](/photo.png)\n\n`[code](/nothing)`\n',
    });
    expect(text(result, 'src/content/pages/post.md')).toBe(
      '---\ntitle: Post\nlayout: page\npermalink: /post.html\n---\nGet the rar or [the pdf](/files/a.pdf), gone, [feed](/feed.xml).\n\n<div>also <a href="/post.html#top">me</a></div>\n\nA photo\n\n`[code](/nothing)`\n',
    );
    expect(result.report.filter((line) => line.message.includes('led nowhere')).map((line) => `${line.file} ${line.line}`)).toEqual([
      'post.md 4',
      'post.md 4',
      'post.md 6',
      'post.md 6',
      'post.md 8',
    ]);
  });

  it("read an image written relative to the page against the page's address: written from the root when served, else taken out", () => {
    const result = plan({
      '_config.yml': 'title: T\npermalink: /:year/:month/:day/:title.html\n',
      'me.jpg': 'x',
      'assets/logo.png': 'x',
      '_screenshots/nn.png': 'x',
      'about.md': '---\ntitle: About\n---\n![Me](me.jpg "Me") and ![Logo](./assets/logo.png)\n',
      '_posts/2019-08-01-nn.md':
        '---\ntitle: NN\n---\n![A network](_screenshots/nn.png)\n\n![Me](../../../me.jpg)\n\n<p><img src="pics/gone.png" alt="Gone"><img src="../../../me.jpg" alt="Me"></p>\n\n![Liquid]({{page.image}})\n',
    });
    expect(text(result, 'src/content/pages/about.md')).toContain('\n![Me](/me.jpg "Me") and ![Logo](/assets/logo.png)\n');
    expect(text(result, 'src/content/posts/2019-08-01-nn.md')).toContain(
      '\nA network\n\n![Me](/me.jpg)\n\n<p><img src="../../../me.jpg" alt="Me"></p>\n\n![Liquid]({{page.image}})\n',
    );
    expect(
      result.report
        .filter((line) => line.file === '_posts/2019-08-01-nn.md' && / image | led nowhere/.test(line.message))
        .map((line) => `${line.line} ${line.message}`),
    ).toEqual([
      "4 its link to _screenshots/nn.png led nowhere on the Jekyll site either (no page or file there: read from the page's address /2019/08/01/nn.html, it is /2019/08/01/_screenshots/nn.png), and the build refuses a link that leads nowhere, so the link (or image) is taken out and its text kept. Link it again once the page or file is there.",
      "6 its image ../../../me.jpg is written relative to the page's address, where it is /me.jpg: it is written /me.jpg, since the build reads a relative image as a file beside the Markdown file.",
      "8 its link to pics/gone.png led nowhere on the Jekyll site either (no page or file there: read from the page's address /2019/08/01/nn.html, it is /2019/08/01/pics/gone.png), and the build refuses a link that leads nowhere, so the link (or image) is taken out and its text kept. Link it again once the page or file is there.",
    ]);
  });

  it('are taken out also when Liquid writes their address, the Liquid that works kept as written', () => {
    const result = plan({
      '_config.yml': 'title: T\n',
      'files/a.pdf': 'x',
      'he.md':
        '---\ntitle: He\n---\n<p>Feed <a href="{{ "/he/feed.xml" | relative_url }}">by RSS</a></p>\n\n[Old]({{ site.baseurl }}/old/) and [pdf]({{ \'files/a.pdf\' | relative_url }}).\n',
    });
    expect(text(result, 'src/content/pages/he.md')).toContain("<p>Feed by RSS</p>\n\nOld and [pdf]({{ 'files/a.pdf' | relative_url }}).\n");
    expect(result.report.filter((line) => line.message.includes('led nowhere')).map((line) => `${line.line} ${line.message.split(' led')[0]}`)).toEqual([
      '4 its link to /he/feed.xml',
      '6 its link to /old/',
    ]);
  });
});
