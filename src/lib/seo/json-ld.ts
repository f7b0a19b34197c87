import type { Period } from '../dates.ts';

/**
 * schema.org structured data for each kind of page, as plain objects. Each builder describes what the
 * page really is: the home page is the owner (a `Person`), a work page is a `ProfilePage` about the
 * owner with the job or school as an `OrganizationRole`, never a blog post.
 */

/** A JSON-LD object. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonLd;

const CONTEXT = 'https://schema.org';

/** The owner as the site describes them: `src/site.config.ts` with absolute URLs. */
export interface Owner {
  name: string;
  jobTitle?: string | undefined;
  description?: string | undefined;
  /** The home page's absolute URL: the owner's identity on this site. */
  url: string;
  /** Profile links (GitHub, LinkedIn, `mailto:`). */
  links: readonly { href: string }[];
}

/** The stable identifier of the owner, shared by every page so the `Person` is one node. */
export const personId = (owner: Pick<Owner, 'url'>): string => `${owner.url}#person`;

/** The owner as a `Person`: `sameAs` holds the web profiles, `email` the `mailto:` link if any. */
export function person(owner: Owner): JsonLd {
  const sameAs = owner.links.map((link) => link.href).filter((href) => /^https?:/.test(href));
  const email = owner.links.map((link) => link.href).find((href) => href.startsWith('mailto:'));
  return {
    '@type': 'Person',
    '@id': personId(owner),
    name: owner.name,
    url: owner.url,
    ...(owner.jobTitle ? { jobTitle: owner.jobTitle } : {}),
    ...(owner.description ? { description: owner.description } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(email ? { email: email.slice('mailto:'.length) } : {}),
  };
}

/** The home page: the owner, with a `@context`. */
export function homePageJsonLd(owner: Owner): JsonLd {
  return { '@context': CONTEXT, ...person(owner) };
}

/** A job or school as its record gives it. */
export interface Position {
  /** The entry's title: the organization's name ("Amazon", "Georgia Tech"). */
  organization: string;
  /** The record's summary: the role. */
  role?: string | undefined;
  /** The periods read from the record's `date`, when it parses; ISO 8601 `YYYY` or `YYYY-MM`. */
  periods?: readonly Period[] | undefined;
}

/**
 * A position as schema.org `OrganizationRole`s, following the Role pattern: each role wraps the
 * organization under the same property it hangs from, one role per period. A position with a period
 * still going on is current (`worksFor`); a finished one is past (`alumniOf`).
 */
export function positionRoles(position: Position): { property: 'worksFor' | 'alumniOf'; roles: JsonLd[] } {
  const periods = position.periods ?? [];
  const property = periods.some((period) => period.end === undefined) ? 'worksFor' : 'alumniOf';
  const organization: JsonLd = { '@type': 'Organization', name: position.organization };
  const role = (period?: Period): JsonLd => ({
    '@type': 'OrganizationRole',
    [property]: organization,
    ...(position.role ? { roleName: position.role } : {}),
    ...(period ? { startDate: period.start } : {}),
    ...(period?.end ? { endDate: period.end } : {}),
  });
  return { property, roles: periods.length > 0 ? periods.map(role) : [role()] };
}

export interface WebPageFacts {
  /** The page's absolute canonical URL. */
  url: string;
  /** The full title, as in `<title>`. */
  name: string;
  description: string;
}

/** A work page: a `ProfilePage` whose main entity is the owner, holding this one position. */
export function workPageJsonLd(owner: Owner, page: WebPageFacts, position: Position, image?: string): JsonLd {
  const { property, roles } = positionRoles(position);
  const role = roles.length === 1 ? (roles[0] ?? null) : roles;
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: page.url,
    name: page.name,
    description: page.description,
    ...(image ? { primaryImageOfPage: image } : {}),
    mainEntity: { '@type': 'Person', '@id': personId(owner), name: owner.name, url: owner.url, [property]: role },
  };
}

/** A plain page (contact, about): a `WebPage` by the owner. */
export function webPageJsonLd(owner: Owner, page: WebPageFacts): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebPage',
    url: page.url,
    name: page.name,
    description: page.description,
    author: { '@type': 'Person', '@id': personId(owner), name: owner.name, url: owner.url },
  };
}

/** The blog's index: a `Blog` by the owner. */
export function blogJsonLd(owner: Owner, page: WebPageFacts): JsonLd {
  return { ...webPageJsonLd(owner, page), '@type': 'Blog' };
}

/** What a post says about itself for its `BlogPosting`. */
export interface PostingFacts {
  headline: string;
  /** RFC 3339 with the site time zone's offset. */
  datePublished: string;
  keywords?: readonly string[] | undefined;
}

/** A blog post: a `BlogPosting` written by the owner. */
export function blogPostingJsonLd(owner: Owner, page: WebPageFacts, post: PostingFacts): JsonLd {
  const author = { '@type': 'Person', '@id': personId(owner), name: owner.name, url: owner.url };
  return {
    '@context': CONTEXT,
    '@type': 'BlogPosting',
    url: page.url,
    mainEntityOfPage: page.url,
    headline: post.headline,
    description: page.description,
    datePublished: post.datePublished,
    dateModified: post.datePublished,
    author,
    publisher: author,
    ...(post.keywords && post.keywords.length > 0 ? { keywords: [...post.keywords] } : {}),
  };
}

/** A group's index page (`/work/`): a `CollectionPage` about the owner. */
export function collectionPageJsonLd(owner: Owner, page: WebPageFacts): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    url: page.url,
    name: page.name,
    description: page.description,
    about: { '@type': 'Person', '@id': personId(owner), name: owner.name, url: owner.url },
  };
}

/** What a JSON-LD block may not hold as written: markup characters, and the line separators old parsers choke on. */
const JSON_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`. `<` is escaped so no value (a title
 * with `</script>` in it) can end the element early; `>`, `&` and the JavaScript line separators are
 * escaped too, which JSON parsers read back unchanged.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => JSON_ESCAPES[character] ?? character);
}

/** The owner from `src/site.config.ts`, with the home page's absolute URL as their address. */
export function ownerOf(
  config: { name: string; jobTitle?: string | undefined; intro?: string | undefined; links: readonly { href: string }[] },
  homeUrl: string,
): Owner {
  // The intro describes the person; the site's `description` describes the site.
  return { name: config.name, jobTitle: config.jobTitle, description: config.intro || undefined, url: homeUrl, links: config.links };
}
