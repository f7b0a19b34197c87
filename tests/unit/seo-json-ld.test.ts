import { describe, expect, it } from 'vitest';
import {
  blogJsonLd,
  blogPostingJsonLd,
  collectionPageJsonLd,
  homePageJsonLd,
  ownerOf,
  person,
  positionRoles,
  serializeJsonLd,
  webPageJsonLd,
  workPageJsonLd,
} from '../../src/lib/seo/json-ld.ts';

const owner = ownerOf(
  {
    name: 'Ada Lovelace',
    jobTitle: 'Software Engineer',
    intro: 'Builds engines.',
    links: [{ href: 'https://github.com/ada' }, { href: 'https://www.linkedin.com/in/ada' }, { href: 'mailto:ada@example.com' }],
  },
  'https://ada.github.io/portfolio/',
);
const page = { url: 'https://ada.github.io/portfolio/work/amazon', name: 'Amazon · Ada Lovelace', description: 'Streaming data.' };

describe('the owner as a Person', () => {
  it('has name, jobTitle, url, web profiles as sameAs and the mailto link as email', () => {
    expect(homePageJsonLd(owner)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      '@id': 'https://ada.github.io/portfolio/#person',
      name: 'Ada Lovelace',
      url: 'https://ada.github.io/portfolio/',
      jobTitle: 'Software Engineer',
      description: 'Builds engines.',
      sameAs: ['https://github.com/ada', 'https://www.linkedin.com/in/ada'],
      email: 'ada@example.com',
    });
  });

  it('leaves out what the owner did not give', () => {
    expect(person(ownerOf({ name: 'Ada', intro: '', links: [] }, 'https://a.dev/'))).toEqual({
      '@type': 'Person',
      '@id': 'https://a.dev/#person',
      name: 'Ada',
      url: 'https://a.dev/',
    });
  });
});

describe("a position as OrganizationRoles, one per period of its record's date", () => {
  it.each([
    ['current: worksFor', { organization: 'AWS', periods: [{ start: '2021' }] }, 'worksFor', [{ startDate: '2021' }]],
    [
      'finished: alumniOf',
      { organization: 'Amazon', periods: [{ start: '2018-06', end: '2018-08' }] },
      'alumniOf',
      [{ startDate: '2018-06', endDate: '2018-08' }],
    ],
    [
      'two periods, the second current: worksFor',
      { organization: 'Acme', periods: [{ start: '2018-05', end: '2018-08' }, { start: '2019-08' }] },
      'worksFor',
      [{ startDate: '2018-05', endDate: '2018-08' }, { startDate: '2019-08' }],
    ],
    ['undated (a date that does not parse): alumniOf', { organization: 'Georgia Tech' }, 'alumniOf', [{}]],
  ])('%s', (_case, position, property, dates) => {
    const { property: actual, roles } = positionRoles(position);
    expect(actual).toBe(property);
    expect(roles).toEqual(
      dates.map((period) => ({ '@type': 'OrganizationRole', [property]: { '@type': 'Organization', name: position.organization }, ...period })),
    );
  });

  it('carries the role name', () => {
    expect(positionRoles({ organization: 'Amazon', role: 'Intern', periods: [{ start: '2018', end: '2018' }] }).roles).toEqual([
      { '@type': 'OrganizationRole', alumniOf: { '@type': 'Organization', name: 'Amazon' }, roleName: 'Intern', startDate: '2018', endDate: '2018' },
    ]);
  });
});

describe('pages', () => {
  it('describes a work page as a ProfilePage about the owner, never a blog post', () => {
    const data = workPageJsonLd(
      owner,
      page,
      { organization: 'Amazon', role: 'Intern', periods: [{ start: '2018', end: '2018' }] },
      'https://ada.github.io/portfolio/_astro/logo.png',
    );
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: page.url,
      name: page.name,
      description: page.description,
      primaryImageOfPage: 'https://ada.github.io/portfolio/_astro/logo.png',
      mainEntity: { '@type': 'Person', '@id': 'https://ada.github.io/portfolio/#person', alumniOf: { roleName: 'Intern' } },
    });
    expect(JSON.stringify(data)).not.toMatch(/BlogPosting|Article/);
  });

  it('describes a group index as a CollectionPage about the owner', () => {
    expect(collectionPageJsonLd(owner, page)).toMatchObject({ '@type': 'CollectionPage', about: { '@id': 'https://ada.github.io/portfolio/#person' } });
  });

  it('describes a post as a BlogPosting by the owner, dated with its offset', () => {
    expect(blogPostingJsonLd(owner, page, { headline: 'Batching', datePublished: '2019-03-02T10:00:00-05:00', keywords: ['programming'] })).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Batching',
      datePublished: '2019-03-02T10:00:00-05:00',
      author: { '@type': 'Person', '@id': 'https://ada.github.io/portfolio/#person', name: 'Ada Lovelace' },
      keywords: ['programming'],
    });
  });

  it('describes a plain page as a WebPage and the blog as a Blog', () => {
    expect(webPageJsonLd(owner, page)).toMatchObject({ '@type': 'WebPage', author: { '@id': 'https://ada.github.io/portfolio/#person' } });
    expect(blogJsonLd(owner, page)).toMatchObject({ '@type': 'Blog' });
  });
});

describe('serializeJsonLd', () => {
  it.each([
    ['a closing script tag', 'x</script><script>alert(1)</script>', '"x\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'],
    ['an HTML comment opener', '<!--', '"\\u003c!--"'],
    ['an ampersand', 'R&D', '"R\\u0026D"'],
    ['line separators', 'a\u2028b\u2029c', '"a\\u2028b\\u2029c"'],
    ['plain text', 'Amazon · Seattle', '"Amazon · Seattle"'],
  ])('escapes %s and still parses back', (_case, value, escaped) => {
    const text = serializeJsonLd({ name: value });
    expect(text).toBe(`{"name":${escaped}}`);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: value });
  });
});
