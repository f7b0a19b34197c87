import { describe, expect, it } from 'vitest';
import { isWholeDocument } from '../../scripts/import/document-layouts.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

// The shape of a site's own base layout (the researcher theme's): the whole page, with a menu that
// loops over a config list, the page's text in the middle, and a footer.
const FRAME = `<!DOCTYPE html>
<html lang="en">
<head>
    <title>{{ site.title }}{% if page.title %} | {{ page.title }}{% endif %}</title>
    <link rel="stylesheet" href="{{ site.baseurl }}/css/main.css">
</head>
<body>
    <div class="navbar">
        <ul id="navlist">
            {% for x in site.nav %}
                <li><a href="{{ x.link }}">{{ x.name }}</a></li>
            {% endfor %}
        </ul>
    </div>
    <div class="container content">
        {{ content }}
        <p><a href="{{ site.footer_url }}"><small>{{ site.footer_text }}</small></a></p>
    </div>
</body>
</html>
`;

const CONFIG =
  'title: Lee\nnav:\n - name: home\n   link: /\n - name: whoami\n   link: /whoami\nfooter_url: https://example.com/theme\nfooter_text: the theme\n';

// The frame is shared: the home page sits in it too.
function plan(files: Record<string, string>) {
  const result = planImport(
    memorySource({ '_config.yml': CONFIG, '_layouts/default.html': FRAME, 'index.md': '---\nlayout: default\n---\nHome.\n', ...files }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

function body(files: Record<string, string>, path: string): string {
  const file = plan(files).files.find((candidate) => candidate.path === path);
  const text = file && 'text' in file.content ? file.content.text : '';
  return text.slice(text.indexOf('\n---\n', 4) + 5);
}

describe("the site's frame layout (a whole HTML page)", () => {
  it('is not written into a page with text of its own, even though its menu loops over the site', () => {
    const written = body({ 'whoami.md': '---\nlayout: default\n---\n## whoami\n\nHi folks, my name is **Lee**.\n' }, 'src/content/pages/whoami.md');
    expect(written).toBe('## whoami\n\nHi folks, my name is **Lee**.\n');
  });

  it('keeps the list a page makes in its own Liquid, without the frame around it', () => {
    const written = body(
      {
        'blog.md': '---\nlayout: default\n---\n## blog\n\n<ul>\n{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}\n</ul>\n',
        '_posts/2024-10-09-ghostway.md': '---\ntitle: ghostway\n---\nText.\n',
      },
      'src/content/pages/blog.md',
    );
    expect(written).toContain('{% for post in site.posts %}');
    expect(written).not.toContain('site.nav');
    expect(written).not.toContain('<head>');
    expect(written).not.toContain('{% capture content %}');
  });

  it('still writes a list layout inside the frame around an empty page, even one with a stray <head> of its own', () => {
    const projects =
      '---\nlayout: default\n---\n<head><link rel="stylesheet" href="/assets/css/projects.css" /></head>\n<ul>{% for p in site.data.projects %}<li>{{ p.name }}</li>{% endfor %}</ul>{{ content }}';
    const written = body(
      { '_layouts/projects.html': projects, '_data/projects.yml': '- name: ghostway\n', 'projects.md': '---\nlayout: projects\ntitle: Projects\n---\n' },
      'src/content/pages/projects.md',
    );
    expect(written).toContain('{% for p in site.data.projects %}');
    expect(written).not.toContain('site.nav');
  });

  it('names the page whose only words a frame layout listed, and says what to do', () => {
    const talks = FRAME.replace('{{ content }}', '{{ content }}<ul>{% for talk in site.data.talks %}<li>{{ talk.title }}</li>{% endfor %}</ul>');
    const result = plan({
      '_layouts/talks.html': talks,
      '_data/talks.yml': '- title: Redirectors\n',
      'talks.html': '---\nlayout: talks\ntitle: Talks\n---\n',
      'talks-2023.html': '---\nlayout: talks\ntitle: Talks in 2023\n---\n',
    });
    const line = result.report.find((item) => item.file === 'talks.html' && item.kind === 'leftover');
    expect(line?.message).toContain('its layout "talks" (_layouts/talks.html) is a whole HTML page');
    expect(line?.message).toContain('Copy the part of the layout that lists into the page');
    // A frame whose only loop is its menu lists nothing of the page's; an empty page over it is said to be empty.
    const empty = plan({ 'empty.md': '---\nlayout: default\ntitle: Empty\n---\n' }).report.filter(
      (item) => item.file === 'empty.md' && item.kind === 'leftover',
    );
    expect(empty.map((item) => item.message)).toEqual([expect.stringContaining('so the page is imported empty')]);
    // A page with words of its own over a frame that only loops over its menu loses nothing of its own.
    expect(plan({ 'about.md': '---\nlayout: default\n---\nAbout.\n' }).report.some((item) => item.file === 'about.md' && item.kind === 'leftover')).toBe(false);
  });

  it("reports a page with words of its own whose frame also listed the site's data", () => {
    const talks = FRAME.replace('{{ content }}', '{{ content }}<ul>{% for talk in site.data.talks %}<li>{{ talk.title }}</li>{% endfor %}</ul>');
    const result = plan({ '_layouts/default.html': talks, '_data/talks.yml': '- title: Redirectors\n', 'talks.md': '---\nlayout: default\n---\nMy talks.\n' });
    const line = result.report.find((item) => item.file === 'talks.md' && item.kind === 'leftover');
    expect(line?.message).toContain('so what that layout listed with Liquid is not imported');
    expect(line?.message).not.toContain('has no text of its own');
  });
});

// A whole HTML page that one page alone uses: the page's own text, not the site's frame.
const RESUME = `<!DOCTYPE html>
<html>
<head><title>{{ page.title }} | {{ site.title }}</title><link rel="stylesheet" href="/cv.css"></head>
<body>
<h1>{{ page.title }}</h1>
<p>Lee Doe, engineer at Example Works since 2019.</p>
{{ content }}
</body>
</html>
`;

describe('a whole HTML page that only one document uses', () => {
  it('carries what its <body> holds into an empty page, without its <head>, and the build runs its Liquid', () => {
    const result = plan({ '_layouts/resume.html': RESUME, 'cv.md': '---\nlayout: resume\ntitle: CV\n---\n' });
    const file = result.files.find((candidate) => candidate.path === 'src/content/pages/cv.md');
    const text = file && 'text' in file.content ? file.content.text : '';
    expect(text).toContain('<h1>{{ page.title }}</h1>');
    expect(text).toContain('Lee Doe, engineer at Example Works since 2019.');
    expect(text).not.toContain('<head>');
    expect(text).not.toContain('cv.css');
    expect(text).not.toContain('<body>');
    expect(result.report.some((item) => item.file === 'cv.md' && item.kind === 'leftover')).toBe(false);
  });

  it('carries a loop over the site in it', () => {
    const layout = RESUME.replace('{{ content }}', '<ul>{% for p in site.pages %}<li>{{ p.title }}</li>{% endfor %}</ul>\n{{ content }}');
    const written = body({ '_layouts/resume.html': layout, 'cv.md': '---\nlayout: resume\ntitle: CV\n---\n' }, 'src/content/pages/cv.md');
    expect(written).toContain('{% for p in site.pages %}');
    expect(written).toContain('Lee Doe');
  });

  it("writes its list after a page's own words", () => {
    const layout =
      '<!DOCTYPE html>\n<html>\n<head><title>{{ page.title }}</title></head>\n<body>\n{{ content }}\n<ul>{% for p in site.data.projects %}<li>{{ p.name }}</li>{% endfor %}</ul>\n</body>\n</html>\n';
    const result = plan({
      '_layouts/projects.html': layout,
      '_data/projects.yml': '- name: ghostway\n',
      'projects.md': '---\nlayout: projects\ntitle: Projects\n---\nWhat I built.\n',
    });
    const file = result.files.find((candidate) => candidate.path === 'src/content/pages/projects.md');
    const text = file && 'text' in file.content ? file.content.text : '';
    expect(text).toContain('What I built.');
    expect(text).toContain('{% for p in site.data.projects %}');
    expect(text).not.toContain('<title>');
  });

  it('is the frame once other layouts sit in it', () => {
    const result = plan({
      '_layouts/resume.html': RESUME,
      '_layouts/letter.html': '---\nlayout: resume\n---\n<div>{{ content }}</div>',
      'cv.md': '---\nlayout: resume\ntitle: CV\n---\n',
    });
    const file = result.files.find((candidate) => candidate.path === 'src/content/pages/cv.md');
    const text = file && 'text' in file.content ? file.content.text : '';
    expect(text).not.toContain('Lee Doe');
    const line = result.report.find((item) => item.file === 'cv.md' && item.kind === 'leftover');
    expect(line?.message).toContain('so the page is imported empty');
  });
});

// online-cv's shape: the whole page in one layout that only the home page uses, its <head> and its
// scripts in includes, the CV's sidebar (name, contact, languages) from the data in an include too.
const CV_LAYOUT = `<!DOCTYPE html>
<!--[if IE 8]> <html lang="en" class="ie8"> <![endif]-->
<!--[if !IE]><!--> <html lang="en"> <!--<![endif]-->
{% include head.html %}

<body>
  <div class="wrapper">
    {% include sidebar.html %}
    <div class="main-wrapper">
        {{ content }}
    </div>
  </div>
  {% include footer.html %}
{% include scripts.html %}
</body>
</html>
`;

const CV_SITE = {
  '_layouts/default.html': CV_LAYOUT,
  '_data/data.yml': 'sidebar:\n  name: Lee Doe\n  languages:\n    - idiom: English\nexperiences:\n  - role: Engineer\nfooter: Theme by someone\n',
  '_includes/head.html': '<head><title>{{ site.title }}</title><link rel="stylesheet" href="/assets/css/main.css"></head>',
  '_includes/sidebar.html':
    '<div class="sidebar-wrapper"><h1 class="name">{{ site.data.data.sidebar.name }}</h1>\n<ul>{% for l in site.data.data.sidebar.languages %}<li>{{ l.idiom }}</li>{% endfor %}</ul></div>',
  '_includes/experiences.html': '<section>{% for e in site.data.data.experiences %}<h3>{{ e.role }}</h3>{% endfor %}</section>',
  '_includes/footer.html': '<footer><small>{{ site.data.data.footer }}</small></footer>',
  '_includes/scripts.html':
    '<!-- Javascript -->\n<script src="/assets/plugins/jquery.min.js"></script>\n<script src="/assets/js/main.js"></script>\n{% if site.analytics %}\n  {% include analytics.html %}\n{% endif %}',
  '_includes/analytics.html': "<script>ga('create', '{{ site.analytics }}', 'auto');</script>",
  'index.html': '---\nlayout: default\n---\n\n{% include experiences.html %}\n',
};

function planCv(files: Record<string, string>) {
  const result = planImport(memorySource({ ...CV_SITE, '_config.yml': 'title: My Resume\nanalytics: UA-1\n', ...files }));
  if (!result.ok) throw new Error(result.message);
  const file = result.plan.files.find((candidate) => candidate.path === 'src/content/pages/index.md');
  return { text: file && 'text' in file.content ? file.content.text : '', report: result.plan.report.filter((item) => item.file === 'index.html') };
}

describe("a whole HTML page that only one HTML page uses (a CV theme's layout)", () => {
  it("writes the page's text into the layout's <body>, so the sidebar the layout includes is kept", () => {
    const written = planCv({}).text;
    expect(written).toContain('{% include sidebar.html %}');
    expect(written.indexOf('{% include sidebar.html %}')).toBeLessThan(written.indexOf('{% include experiences.html %}'));
    expect(written).toContain('{% include footer.html %}');
    // Its <head>, in an include before <body>, is not the page's: the parser reads the <body> as written.
    expect(written).not.toContain('head.html');
    expect(written).not.toContain('<body>');
    expect(written).not.toContain('[endif]');
  });

  it("leaves out the theme's scripts (an include of nothing but scripts, its own <script>) and says so", () => {
    const layout = CV_LAYOUT.replace('</body>', '<script>console.log("theme")</script>\n</body>');
    const { text, report } = planCv({ '_layouts/default.html': layout });
    expect(text).not.toContain('scripts.html');
    expect(text).not.toContain('<script');
    expect(text).not.toContain('scripts:');
    const lines = report.map((item) => item.message);
    expect(lines).toContainEqual(expect.stringContaining("ran the theme's scripts ({% include scripts.html %}, an inline <script>)"));
    expect(lines).toContainEqual(expect.stringContaining('is a whole HTML page that only this page uses'));
    expect(report.filter((item) => item.kind === 'leftover')).toEqual([]);
  });

  it('keeps an include that writes words beside its scripts', () => {
    const { text } = planCv({ '_includes/scripts.html': '<p>Made with care.</p>\n<script src="/assets/js/main.js"></script>' });
    expect(text).toContain('{% include scripts.html %}');
  });

  it("keeps the text of a layout that does not loop around a Markdown page's own words", () => {
    const result = plan({ '_layouts/resume.html': RESUME, 'cv.md': '---\nlayout: resume\ntitle: CV\n---\nMy **CV**.\n' });
    const file = result.files.find((candidate) => candidate.path === 'src/content/pages/cv.md');
    const written = file && 'text' in file.content ? file.content.text : '';
    expect(result.report.find((item) => item.file === 'cv.md' && item.kind === 'changed')?.message).toContain(
      'its layout "resume" (_layouts/resume.html) is a whole HTML page that only this page uses, with text around the page\'s: the layout\'s text is written after the body',
    );
    expect(written).toContain('My **CV**.');
    expect(written).toContain('Lee Doe, engineer at Example Works since 2019.');
    expect(written).not.toContain('cv.css');
  });
});

describe('isWholeDocument', () => {
  it('reads a doctype, or <html> or <body> written out in a layout that sits in no other, and nothing else', () => {
    expect(isWholeDocument(FRAME)).toBe(true);
    expect(isWholeDocument('<html><head><title>{{ page.title }}</title></head><div>{{ content }}</div></html>')).toBe(true);
    // A layout inside another is not the frame, whatever it writes; nor is a stray <head> for a stylesheet.
    expect(isWholeDocument('---\nlayout: page\n---\n<html><body>{{ content }}</body></html>')).toBe(false);
    expect(isWholeDocument('---\nlayout: page\n---\n<head><link rel="stylesheet" href="/x.css"></head>{{ content }}')).toBe(false);
    expect(isWholeDocument('<head><link rel="stylesheet" href="/x.css"></head>{{ content }}')).toBe(false);
    expect(isWholeDocument('<title>x</title>\n<body>{{ content }}</body>')).toBe(true);
    expect(isWholeDocument('<div class="home">{{ content }}{% for post in site.posts %}{{ post.title }}{% endfor %}</div>')).toBe(false);
    expect(isWholeDocument('<!-- <html> in a comment -->\n<article>{{ content }}</article>')).toBe(false);
  });
});
