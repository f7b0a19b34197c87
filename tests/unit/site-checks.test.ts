import { describe, expect, it } from 'vitest';
import { checkSite, type ContentFile, type SiteCheckInput } from '../../src/lib/checks/site.ts';

const PAGES = 'src/content/pages';
const POSTS = 'src/content/posts';
const page = (front: string, body = 'Body.') => `---\n${front}\n---\n\n${body}\n`;
const entry = (title: string, permalink: string, extra = '') => page(`layout: work_page\ntitle: ${title}\ndata: work\npermalink: ${permalink}${extra}`);
const pageFile = (name: string, text: string): ContentFile => ({ path: `${PAGES}/${name}`, text });
const postFile = (name: string, text: string): ContentFile => ({ path: `${POSTS}/${name}`, text });
const WORK_YML = 'Acme:\n  summary: Engineer\n  date: 2018 - 2020\n  page: acme\n  links:\n    - name: Acme\n      ref: https://acme.example\n';

function check(input: Partial<SiteCheckInput>) {
  return checkSite({
    pagesDir: PAGES,
    pageFiles: [pageFile('work.md', page('layout: work\ntitle: Work\ndata: work\npermalink: /work/')), pageFile('work/acme.md', entry('Acme', '/work/acme'))],
    postsDir: POSTS,
    postFiles: [],
    posts: { permalink: 'date', timezone: 'UTC' },
    dataFiles: [{ path: 'src/data/work.yml', text: WORK_YML }],
    routes: [{ path: '/404', file: 'src/pages/404.astro' }],
    publicFiles: ['favicon.svg'],
    ...input,
  });
}

/** Each problem as one line: `file field:line: message`. */
const lines = (input: Partial<SiteCheckInput>) => check(input).problems.map((p) => `${p.file} ${p.field}${p.line ? `:${p.line}` : ''}: ${p.message}`);

describe('checkSite', () => {
  it('passes a valid site and returns its pages, records and posts', () => {
    const result = check({ postFiles: [postFile('programming/2019-03-02-batching.md', page('title: Batching'))] });
    expect(result.problems).toEqual([]);
    expect(result.pages.map((p) => [p.file, p.data.permalink, p.published])).toEqual([
      [`${PAGES}/work.md`, '/work/', true],
      [`${PAGES}/work/acme.md`, '/work/acme', true],
    ]);
    expect(result.records.map((r) => [r.group, r.key, r.line])).toEqual([['work', 'Acme', 1]]);
    expect(result.posts.map((p) => [p.file, p.facts.permalink, p.facts.categories])).toEqual([
      [`${POSTS}/programming/2019-03-02-batching.md`, '/programming/2019/03/02/batching.html', ['programming']],
    ]);
  });

  it.each([
    [
      'an entry without a record (suggesting the closest key)',
      { pageFiles: [pageFile('work/acme.md', entry('Acme Inc', '/work/acme'))] },
      [`${PAGES}/work/acme.md title: "Acme Inc" has no record in src/data/work.yml; the closest is "Acme". Make the title and the record's key the same.`],
    ],
    [
      'a record whose page matches no entry',
      { dataFiles: [{ path: 'src/data/work.yml', text: WORK_YML + 'Beta:\n  page: beta\n' }] },
      ['src/data/work.yml "Beta" page:9: "beta" matches no entry: no page with "data: work" has the permalink "/work/beta". Add the entry, or fix "page".'],
    ],
    [
      'a record written twice',
      { dataFiles: [{ path: 'src/data/work.yml', text: WORK_YML + 'Acme:\n  summary: Again\n' }] },
      ['src/data/work.yml "Acme":8: is written twice (lines 1 and 8). Keep one record under each title, or rename one of them.'],
    ],
    [
      'a malformed list item, with a did-you-mean',
      { dataFiles: [{ path: 'src/data/work.yml', text: 'Acme:\n  page: acme\n  links:\n    - nme: Acme\n      ref: https://acme.example\n' }] },
      [
        'src/data/work.yml "Acme" links.0.name:3: is required: the text shown for the link, like name: "Company website".',
        'src/data/work.yml "Acme" links.0.nme:3: is not a field here. Did you mean "name"?',
      ],
    ],
    [
      'an unknown record field',
      { dataFiles: [{ path: 'src/data/work.yml', text: 'Acme:\n  sumary: Engineer\n  page: acme\n' }] },
      ['src/data/work.yml "Acme" sumary:2: is not a field a record can have. Did you mean "summary"?'],
    ],
    [
      'a record image missing from public/',
      { dataFiles: [{ path: 'src/data/work.yml', text: 'Acme:\n  image: /assets/acme.png\n  page: acme\n' }], publicFiles: ['assets/acme.jpg'] },
      [
        'src/data/work.yml "Acme" image:2: "/assets/acme.png" is not a file in public/. Put the image at public/assets/acme.png, or fix the path. Did you mean "/assets/acme.jpg"?',
      ],
    ],
    [
      'a data file that is a list',
      { dataFiles: [{ path: 'src/data/work.yml', text: '- name: Acme\n' }] },
      [
        'src/data/work.yml data file:1: must be one record per entry, each under the entry\'s title ("Amazon:" then its fields indented below), not a list or text.',
      ],
    ],
    [
      '`data` naming no data file',
      { pageFiles: [pageFile('work/acme.md', entry('Acme', '/work/acme').replace('data: work', 'data: jobs'))] },
      [`${PAGES}/work/acme.md data:4: "jobs" names no data file. Known data files: "work" (in src/data/).`],
    ],
    [
      'two pages writing one file',
      { pageFiles: [pageFile('work/acme.md', entry('Acme', '/work/acme')), pageFile('work/acme2.md', entry('Acme', '/work/acme.html'))] },
      [
        `${PAGES}/work/acme.md permalink:5: "/work/acme" and the permalink "/work/acme.html" of ${PAGES}/work/acme2.md are written to the same file. Every page needs its own address: change one of them.`,
        `${PAGES}/work/acme2.md permalink:5: "/work/acme.html" and the permalink "/work/acme" of ${PAGES}/work/acme.md are written to the same file. Every page needs its own address: change one of them.`,
      ],
    ],
    [
      'a page at the address of a built page',
      { pageFiles: [pageFile('work/acme.md', entry('Acme', '/work/acme')), pageFile('lost.md', page('layout: page\ntitle: Lost\npermalink: /404'))] },
      [`${PAGES}/lost.md permalink:4: "/404" is the address of src/pages/404.astro, which the site builds itself. Choose another permalink.`],
    ],
    [
      'a page at the address of a public file, regardless of case',
      { pageFiles: [pageFile('work/acme.md', entry('Acme', '/work/acme'))], publicFiles: ['Work/Acme.html'] },
      [`${PAGES}/work/acme.md permalink:5: "/work/acme" is also served by public/Work/Acme.html. Remove that file or choose another permalink.`],
    ],
    [
      'a post whose file name has no date',
      { postFiles: [postFile('batching.md', page('title: Batching'))] },
      [`${POSTS}/batching.md file: "batching.md" does not start with the post's date. Name it like "2019-06-10-batching.md", as in Jekyll's _posts.`],
    ],
    [
      'an unknown post field',
      { postFiles: [postFile('2019-03-02-batching.md', page('title: Batching\ntgas: x'))] },
      [`${POSTS}/2019-03-02-batching.md tgas:3: is not a field a post can have. Did you mean "tags"?`],
    ],
    [
      "a post at a page's address",
      {
        pageFiles: [
          pageFile('work/acme.md', entry('Acme', '/work/acme')),
          pageFile('p.md', page('layout: page\ntitle: P\npermalink: /2019/03/02/batching.html')),
        ],
        postFiles: [postFile('2019-03-02-batching.md', page('title: Batching'))],
      },
      [
        `${PAGES}/p.md permalink:4: "/2019/03/02/batching.html" is also the permalink of ${POSTS}/2019-03-02-batching.md. Every page needs its own address: change one of them.`,
        `${POSTS}/2019-03-02-batching.md permalink: "/2019/03/02/batching.html" is also the permalink of ${PAGES}/p.md. Every page needs its own address: change one of them.`,
      ],
    ],
  ])('reports %s', (_name, input, expected) => {
    expect(lines(input)).toEqual(expected);
  });

  it('does not publish drafts, `_` files and unpublished posts, and needs no record for them', () => {
    const result = check({
      pageFiles: [
        pageFile('work/acme.md', entry('Acme', '/work/acme')),
        pageFile('work/secret.md', entry('Secret', '/work/secret', '\ndraft: true')),
        pageFile('_notes/x.md', entry('Notes', '/work/notes')),
      ],
      postFiles: [postFile('_drafts/2020-01-01-x.md', page('title: X')), postFile('2020-01-02-y.md', page('title: Y\npublished: false'))],
    });
    expect(result.problems).toEqual([]);
    expect(result.pages.filter((p) => !p.published).map((p) => p.file)).toEqual([`${PAGES}/work/secret.md`, `${PAGES}/_notes/x.md`]);
    expect(result.posts.map((p) => p.published)).toEqual([false, false]);
  });
});
