import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fieldLabels, shownAs } from '../../scripts/import/field-labels.ts';
import { printedFields, type LayoutFiles } from '../../scripts/import/layouts.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { shownFields } from '../../src/lib/html/shown-fields.ts';
import { strftime } from '../../src/lib/dates.ts';
import { pageSchema } from '../../src/lib/schema/page.ts';

const files: LayoutFiles = new Map([
  ['default', '<html><body><main>{{ content }}</main><footer>Written by {{ page.author }}</footer></body></html>'],
  [
    'single',
    '---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{% if page.venue %}<p class="venue">Published in <i>{{ page.venue }}</i>, {{ page.date | date: "%Y" }}</p>{% endif %}' +
      '{{ content }}{% if page.paperurl %}<p><a href="{{ page.paperurl }}">Download paper &amp; slides</a></p>{% endif %}<p>Recommended citation: {{ page.citation }}</p>',
  ],
  [
    'post',
    '<p class="post-meta"><time>{{ page.date | date: "%b %-d, %Y" }}</time>{% if page.author %} • <span>{{ page.author }}</span>{% endif %}</p>{{ content }}' +
      '{% if page.tags %}<div class="post-tags">Tags: {% for tag in page.tags %}<span class="tag">{{ tag }}</span>{% endfor %}</div>{% endif %}',
  ],
  ['talk', '<p>{{ page.type }} at {{ page.venue }}, {{ page.location }}</p><a href="{{ page.slides }}">{{ page.slides_title }}</a>{{ content }}'],
]);

describe("the words a layout printed with a page's field", () => {
  it('reads the text before the field in its block, and the text of a link whose address the field is', () => {
    expect(Object.fromEntries(fieldLabels('single', files))).toEqual({
      venue: 'Published in',
      paperurl: 'Download paper & slides',
      citation: 'Recommended citation',
      author: 'Written by',
    });
  });

  it("reads a post layout's date, author and the tags its loop printed, with the words before the loop", () => {
    expect(printedFields('post', files)).toEqual(['date', 'author', 'tags']);
    expect(Object.fromEntries(fieldLabels('post', files))).toEqual({ tags: 'Tags' });
  });

  it('reads the strftime format a layout printed a date with', () => {
    expect(shownAs('post', files).get('date')).toEqual({ label: undefined, format: '%b %-d, %Y' });
    expect(shownAs('single', files).get('date')).toEqual({ label: undefined, format: '%Y' });
  });

  it('gives no label to a field printed after another one in its block, or linked by words that are Liquid', () => {
    expect(Object.fromEntries(fieldLabels('talk', files))).toEqual({});
    expect(fieldLabels('missing', files).size).toBe(0);
  });

  it('writes the labels into show:, and the page shows each field under its label', () => {
    const result = planImport(
      memorySource({
        '_config.yml': 'title: Rosa\ncollections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n',
        '_layouts/default.html': files.get('default') ?? '',
        '_layouts/single.html': files.get('single') ?? '',
        '_publications/paper.md':
          "---\ntitle: Paper\nlayout: single\nvenue: Workshop on Pipelines\npaperurl: /files/paper.pdf\ncitation: 'Sample, R. Paper.'\n---\nBody.\n",
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const written = result.plan.files.find((file) => file.path === 'src/content/pages/publications/paper.md');
    const text = written && 'text' in written.content ? written.content.text : '';
    const front = yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
    expect(front['show']).toEqual([{ venue: 'Published in' }, { paperurl: 'Download paper & slides' }, 'citation']);
    const parsed = pageSchema({ groups: [] }).safeParse(front);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("writes the import's day as the date of a collection document Jekyll dated by its build, and reports it", () => {
    const portfolio = (now?: Date) => {
      const result = planImport(
        memorySource({
          '_config.yml': 'title: Rosa\ntimezone: America/Los_Angeles\ncollections:\n  portfolio:\n    output: true\n    permalink: /:collection/:path/\n',
          '_layouts/single.html': '<h1>{{ page.title }}</h1><p>Published: {{ page.date | date: "%B %d, %Y" }}</p>{{ content }}',
          '_portfolio/item.md': '---\ntitle: Item\nlayout: single\n---\nBody.\n',
          '_portfolio/dated.md': '---\ntitle: Dated\nlayout: single\ndate: 2019-05-01\n---\nBody.\n',
        }),
        now === undefined ? {} : { now },
      );
      if (!result.ok) throw new Error(result.message);
      const front = (name: string) => {
        const written = result.plan.files.find((file) => file.path === `src/content/pages/portfolio/${name}.md`);
        const text = written && 'text' in written.content ? written.content.text : '';
        return yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
      };
      return { item: front('item'), dated: front('dated'), report: result.plan.report.filter((line) => line.message.includes('day of its build')) };
    };
    // 05:00 on 7 December in UTC, the 6th in the site's time zone, where Jekyll's site.time is.
    const { item, dated, report } = portfolio(new Date('2026-12-07T05:00:00Z'));
    expect(item['fields']).toEqual({ date: '2026-12-06' });
    expect(item['show']).toEqual([{ date: { label: 'Published', format: '%B %d, %Y' } }]);
    expect(shownFields(item['show'] as never, item['fields'] as never, 'en', 'UTC').map((field) => `${field.label}: ${field.text}`)).toEqual([
      'Published: December 06, 2026',
    ]);
    expect(report.map((line) => [line.file, line.message])).toEqual([
      [
        '_portfolio/item.md',
        'has no `date`, so Jekyll showed the day of its build where its layout printed `page.date`: the import wrote its own day, `date: 2026-12-06`, under `fields:`. Change it to the day the work is from.',
      ],
    ]);
    // A document with its own date keeps it; without a day to give, nothing is made up.
    expect((dated['fields'] as Record<string, unknown>)['date']).toEqual(new Date('2019-05-01T00:00:00Z'));
    expect(portfolio().item['fields']).toBeUndefined();
  });

  it("takes the import's day in the machine's time zone when the site's is one Node does not know", () => {
    const result = planImport(memorySource({ '_config.yml': 'title: Rosa\ntimezone: Europe/Londn\n', 'about.md': '---\ntitle: About\n---\nHi.\n' }), {
      now: new Date('2026-12-07T12:00:00Z'),
    });
    expect(result.ok).toBe(true);
  });

  it('shows a field under the label show: gives it, and under its own name otherwise', () => {
    expect(
      shownFields([{ venue: 'Published in' }, 'citation'], { venue: 'Workshop', citation: 'Sample, R.' }).map((field) => [field.label, field.text]),
    ).toEqual([
      ['Published in', 'Workshop'],
      ['Recommended citation', 'Sample, R.'],
    ]);
    // A date as the site shows a post's, in its language and time zone; a list as words.
    const post = { date: new Date('2025-11-09T03:00:00Z'), tags: ['twitter', 'social media'] };
    expect(shownFields(['date', { tags: 'Tags' }], post, 'en', 'America/New_York').map((field) => [field.label, field.text])).toEqual([
      ['Date', 'Nov 8, 2025'],
      ['Tags', 'twitter, social media'],
    ]);
    // Jekyll reads `date` as a date also when YAML leaves it text, as it does with an offset like -0500.
    expect(shownFields(['date'], { date: '2025-11-08 23:00:00 -0500' }, 'en', 'UTC').map((field) => field.text)).toEqual(['Nov 9, 2025']);
    expect(shownFields(['date'], { date: 'Spring 2019' }).map((field) => field.text)).toEqual(['Spring 2019']);
    // As the layout printed it; a day alone is that day in the site's time zone, as in Jekyll.
    const talk = { date: new Date('2019-10-03T00:00:00Z') };
    expect(shownFields([{ date: { format: '%B %d, %Y' } }], talk, 'en', 'America/New_York').map((field) => [field.label, field.text])).toEqual([
      ['Date', 'October 03, 2019'],
    ]);
  });

  it("formats dates as Ruby's strftime does", () => {
    const date = new Date('2019-10-03T04:05:06Z');
    // Ruby: Time.utc(2019,10,3,4,5,6).strftime(...)
    expect(strftime(date, '%Y-%m-%d %H:%M:%S %p %a %A %e %y %% %Q')).toBe('2019-10-03 04:05:06 AM Thu Thursday  3 19 % %Q');
    expect(strftime(date, '%b %-d, %Y')).toBe('Oct 3, 2019');
    expect(strftime(date, '%B %d, %Y %l:%M %P', 'America/New_York')).toBe('October 03, 2019 12:05 am');
  });
});
