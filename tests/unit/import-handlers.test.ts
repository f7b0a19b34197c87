import { Liquid } from 'liquidjs';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { javaScriptIn, parseHtmlFragment } from '../../src/lib/links/html.ts';

// The shape of a minima home page that makes each item of its list clickable: the handler is written
// by Liquid, in both branches of an {% if %}, inside the start tag.
const HOME = `---
layout: default
---
<div class="home">
  <ul class="post-list">
    {%- for post in site.posts %}
      <li class="post-item" {% if post.xlink %}onclick="window.open('{{ post.xlink }}', '_blank')"{% else %}onclick="window.location='{{ post.url }}'"{% endif %}>
        <h3><a class="post-link" href="{{ post.url }}">{{ post.title | escape }}</a></h3>
      </li>
    {%- endfor %}
  </ul>
</div>
`;

const POST = `---
title: Buttons
---
A <a href="javascript:void(0)" onclick="toggle()">toggle</a> in a sentence.

\`\`\`html
<button onclick="save()">Save</button>
\`\`\`
`;

function plan() {
  const result = planImport(memorySource({ '_config.yml': 'title: Lee\n', 'index.html': HOME, '_posts/2024-10-09-buttons.md': POST }));
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const bodyOf = (result: ReturnType<typeof plan>, path: string) => {
  const file = result.files.find((candidate) => candidate.path === path);
  const text = file && 'text' in file.content ? file.content.text : '';
  return text.slice(text.indexOf('\n---\n', 4) + 5);
};

describe('event handlers and javascript: links in the HTML of a page', () => {
  const result = plan();

  it('are taken out, Liquid and all, so what the build shows runs nothing; the links stay', async () => {
    const home = bodyOf(result, 'src/content/pages/index.md');
    expect(home).not.toContain('onclick');
    expect(home).toContain('<li class="post-item" {% if post.xlink %}{% else %}{% endif %}>');
    const scope = {
      site: {
        posts: [
          { title: 'Tinder', url: '/2013/tinder.html' },
          { title: 'A tweet', url: '/tweet/', xlink: 'https://x.com/1' },
        ],
      },
    };
    const shown = markdownToHtml(await new Liquid().parseAndRender(home, scope), { features: { gfm: true } }).html;
    expect(javaScriptIn(parseHtmlFragment(shown), shown)).toEqual([]);
    expect(shown).toContain('<a class="post-link" href="/2013/tinder.html">Tinder</a>');
    // As Jekyll wrote it, both items ran a handler.
    const before = markdownToHtml(await new Liquid().parseAndRender(HOME.slice(HOME.indexOf('\n---\n', 4) + 5), scope), { features: { gfm: true } }).html;
    expect(javaScriptIn(parseHtmlFragment(before), before).map((found) => found.what)).toEqual(['onclick attribute', 'onclick attribute']);
  });

  it('in a Markdown post, out of its inline HTML, and never out of its code', () => {
    const post = bodyOf(result, 'src/content/posts/2024-10-09-buttons.md');
    expect(post).toContain('A <a>toggle</a> in a sentence.');
    expect(post).toContain('<button onclick="save()">Save</button>');
  });

  it('are reported, by kind', () => {
    expect(result.report.filter((line) => line.file === 'index.html' && line.message.includes('onclick')).map((line) => line.message)).toEqual([
      "its HTML had 2 <li> onclick attributes (as written, Liquid included), JavaScript that this project never runs (a page's scripts: consents to scripts, not to attributes), so they are taken out; the links and text around them stay.",
    ]);
    expect(result.report.some((line) => line.file === '_posts/2024-10-09-buttons.md' && line.message.startsWith('its HTML had a <a> javascript: link'))).toBe(
      true,
    );
  });
});
