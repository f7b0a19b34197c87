import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSiteInput } from '../checks/read-site.ts';
import { checkSite, type SiteCheckInput, type SiteCheckResult } from '../checks/site.ts';
import { formatDate } from '../dates.ts';
import { truncateText } from '../html/page-facts.ts';
import { CARD_TEXT_MAX, DRAWABLE_IMAGE, type CardFacts } from './card.ts';
import { cardPath } from './card-path.ts';
import { frontMatterBlock } from './card-manifest.ts';

/** What the cards need of the site config. */
export interface CardSite {
  name: string;
  description: string;
  lang: string;
}

/**
 * A card's facts as it shows them: the title and description cut to the room the card has. Cut here,
 * in the build's thread, which has the text functions loaded already, so the worker drawing the
 * cards loads only the drawing.
 */
export function asShown(facts: CardFacts): CardFacts {
  return {
    ...facts,
    title: truncateText(facts.title, CARD_TEXT_MAX.title),
    description: facts.description ? truncateText(facts.description, CARD_TEXT_MAX.description) : undefined,
  };
}

/**
 * Each published page's and post's card, by its path (`cardPath`), from the checked sources: known
 * before Astro renders a page, so the cards can be drawn while it does. A page these do not cover
 * (the 404 page, a blog's further pages) gets its card from its built `<head>` instead.
 */
export function cardFactsOf(checked: Pick<SiteCheckResult, 'pages' | 'posts' | 'records'>, site: CardSite, publicDir: string): Map<string, CardFacts> {
  const cards = new Map<string, CardFacts>();
  const records = new Map(checked.records.map((record) => [`${record.group}\u0000${record.key}`, record.data]));
  for (const { data, published } of checked.pages) {
    // A page that sends its visitors elsewhere is built as a redirect, which shows no card.
    if (!published || data.redirect_to !== undefined) continue;
    const record = data.layout === 'work_page' && data.data ? records.get(`${data.data}\u0000${data.title}`) : undefined;
    const image = record?.image && DRAWABLE_IMAGE.test(record.image) ? join(publicDir, record.image) : undefined;
    const summary = record && [record.summary, record.date && `(${record.date})`].filter(Boolean).join(' ');
    const home = data.permalink === '/';
    cards.set(
      cardPath(data.permalink),
      asShown({
        title: home ? site.name : data.title,
        description: (home ? data.headline : undefined) ?? (summary || undefined) ?? data.description ?? (home ? site.description : undefined),
        image: image && existsSync(image) ? image : undefined,
        siteName: site.name,
      }),
    );
  }
  for (const { data, facts, published } of checked.posts) {
    if (!published) continue;
    const day = formatDate(new Date(`${facts.day}T00:00:00Z`), site.lang);
    cards.set(cardPath(facts.permalink), asShown({ title: data.title, description: data.description ?? day, siteName: site.name }));
  }
  return cards;
}

/**
 * The sources as the cards read them: each page and post without its body. A card shows front matter
 * and records only, so the checks of the bodies (Markdown, Liquid, links), the bulk of a check of
 * the site, are left to the build; what `cardFactsOf` gives is the same.
 */
export function cardSources(input: SiteCheckInput): SiteCheckInput {
  const withoutBody = (file: { path: string; text: string }) => ({ ...file, text: /\.mdx?$/.test(file.path) ? `${frontMatterBlock(file.text)}\n` : file.text });
  return { ...input, pageFiles: input.pageFiles.map(withoutBody), postFiles: input.postFiles.map(withoutBody) };
}

/** The cards of the project at `root` that its sources describe (its pages and posts), read as `cardSources` reads them. */
export async function sourceCardFacts(root: string, publicDir: string): Promise<Map<string, CardFacts>> {
  const config = (await import(pathToFileURL(join(root, 'src', 'site.config.ts')).href)) as {
    default: CardSite & { posts: Parameters<typeof readSiteInput>[3] };
  };
  const input = await readSiteInput(root, publicDir, [], config.default.posts);
  return cardFactsOf(checkSite(cardSources(input)), config.default, publicDir);
}
