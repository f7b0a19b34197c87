import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../scripts/import/plan.ts';
import { readEntrySource } from '../../src/lib/frontmatter/read-entry.ts';
import { readsPaginator } from '../../src/lib/liquid/paginator.ts';
import { pageViews, type PageLike } from '../../src/lib/routing/pages.ts';
import { pageSchema } from '../../src/lib/schema/page.ts';
import { planOf, plannedText } from '../helpers/import-plan.ts';

/**
 * The index jekyll-paginate paginated, imported: a body that lists the posts through `paginator` is
 * kept with its Liquid (the build runs it for each page of the list), and one that does not is
 * imported as before, the blog layout listing the posts.
 */
const plan = planOf;
const text = plannedText;
const reportOf = (result: ImportPlan, file: string) => result.report.filter((line) => line.file === file).map((line) => `${line.kind}: ${line.message}`);

const POSTS = Object.fromEntries([1, 2, 3].map((day) => [`_posts/2020-01-0${day}-p${day}.md`, `---\ntitle: P${day}\n---\nText\n`]));
const CONFIG = 'title: T\nplugins: [jekyll-paginate]\npaginate: 2\npaginate_path: /blog/page:num/\n';
const LIST = `<h1>Blog</h1>
{% for post in paginator.posts %}
  <article><a href="{{ post.url | relative_url }}">{{ post.title }}</a></article>
{% endfor %}
{% if paginator.next_page %}<a href="{{ paginator.next_page_path | relative_url }}">Older</a>{% endif %}
`;

/** The blog's view of page 1, as the build makes it from the imported file. */
function blogView(fileText: string) {
  const read = readEntrySource(fileText);
  if (!read.ok) throw new Error('unreadable');
  const page: PageLike = {
    id: 'blog/index',
    filePath: 'src/content/pages/blog/index.md',
    data: pageSchema({ groups: [] }).parse(read.source.data),
    body: read.source.body,
  };
  return pageViews([page], new Map()).find((view) => view.layout === 'blog');
}

describe("the paginated index's own list", () => {
  it('is kept with its Liquid, and the blog layout then lists nothing itself', () => {
    const result = plan({ '_config.yml': CONFIG, 'blog/index.html': `---\nlayout: default\ntitle: Blog\n---\n${LIST}`, ...POSTS });
    const written = text(result, 'src/content/pages/blog/index.md') ?? '';
    expect(written).toBe(`---\nlayout: blog\ntitle: Blog\npermalink: /blog/\n---\n\n<div>\n${LIST}</div>\n`);
    expect(reportOf(result, 'blog/index.html')).toContain(
      'changed: its body lists the posts through `paginator`: it is kept, and the build runs its Liquid once for each page of the list, as jekyll-paginate did; the blog layout shows it instead of its own list.',
    );
    expect(readsPaginator(written)).toBe(true);
    expect(blogView(written)).toMatchObject({ permalink: '/blog/', bodyLists: true });
    expect(result.urls.map((url) => url.url)).toEqual(expect.arrayContaining(['/blog/', '/blog/page2/']));
  });

  it('without paginator Liquid, is imported as before: the words kept, the layout listing the posts', () => {
    const result = plan({ '_config.yml': CONFIG, 'blog/index.html': '---\nlayout: default\ntitle: Blog\n---\n<p>Notes on {{ site.title }}.</p>\n', ...POSTS });
    const written = text(result, 'src/content/pages/blog/index.md') ?? '';
    expect(written).toBe('---\nlayout: blog\ntitle: Blog\npermalink: /blog/\n---\n\n<div>\n<p>Notes on {{ site.title }}.</p>\n</div>\n');
    expect(reportOf(result, 'blog/index.html').join('\n')).not.toContain('paginator');
    expect(blogView(written)).toMatchObject({ permalink: '/blog/', bodyLists: false });
  });
});
