import { describe, expect, it } from 'vitest';
import {
  collectionPageJsonLd,
  homePageJsonLd,
  ownerOf,
  person,
  positionRole,
  serializeJsonLd,
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

describe('a position as an OrganizationRole', () => {
  it.each([
    ['current: worksFor', { organization: 'AWS', start: '2021' }, 'worksFor', { startDate: '2021' }],
    ['finished: alumniOf', { organization: 'Amazon', start: '2018-06', end: '2018-08' }, 'alumniOf', { startDate: '2018-06', endDate: '2018-08' }],
    ['undated: alumniOf', { organization: 'Georgia Tech' }, 'alumniOf', {}],
  ])('%s', (_case, position, property, dates) => {
    const { property: actual, role } = positionRole(position);
    expect(actual).toBe(property);
    expect(role).toEqual({ '@type': 'OrganizationRole', [property]: { '@type': 'Organization', name: position.organization }, ...dates });
  });

  it('carries the role name and location', () => {
    expect(positionRole({ organization: 'Amazon', role: 'Intern', location: 'Seattle, WA', start: '2018', end: '2018' }).role).toEqual({
      '@type': 'OrganizationRole',
      alumniOf: { '@type': 'Organization', name: 'Amazon', location: 'Seattle, WA' },
      roleName: 'Intern',
      startDate: '2018',
      endDate: '2018',
    });
  });
});

describe('pages', () => {
  it('describes a work page as a ProfilePage about the owner, never a blog post', () => {
    const data = workPageJsonLd(owner, page, { organization: 'Amazon', role: 'Intern', start: '2018', end: '2018' }, 'https://ada.github.io/portfolio/_astro/logo.png');
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

  it('describes the work index as a CollectionPage about the owner', () => {
    expect(collectionPageJsonLd(owner, page)).toMatchObject({ '@type': 'CollectionPage', about: { '@id': 'https://ada.github.io/portfolio/#person' } });
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
