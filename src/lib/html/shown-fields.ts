import { formatDate, strftime } from '../dates.ts';
import { parseHtmlFragment, textOf } from '../links/html.ts';
import { postDate } from '../routing/jekyll-urls.ts';

/**
 * The fields a page shows above its body (`show:` in its front matter, values from `fields:`), as the
 * Jekyll layout printed them: a label and a value, a value that is an address as a link.
 */

export interface ShownField {
  key: string;
  label: string;
  /** The value as text (a theme may have written HTML in it: its tags are dropped, its entities read). */
  text: string;
  /** Set when the value is an address: a site path (`/files/paper.pdf`) or an `https://` URL. */
  link?: string | undefined;
}

/** Labels for the fields academic and portfolio themes print; any other key is written out as words. */
const LABELS: Readonly<Record<string, string>> = {
  venue: 'Venue',
  date: 'Date',
  paperurl: 'Paper',
  slidesurl: 'Slides',
  bibtexurl: 'BibTeX',
  citation: 'Recommended citation',
  location: 'Location',
  type: 'Type',
  talk_type: 'Type',
  authors: 'Authors',
  pubtype: 'Type',
  github: 'Code',
  demo: 'Demo',
  doi: 'DOI',
};

export function fieldLabel(key: string): string {
  const known = LABELS[key.toLowerCase()];
  if (known) return known;
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Text of a value that may hold HTML: tags dropped, entities decoded. */
export function plainText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  return textOf(parseHtmlFragment(value, { locations: false }));
}

function valueText(value: unknown, lang: string, timeZone: string, format?: string | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  // A date as the Jekyll layout printed it, else as the site shows a post's: "Nov 8, 2025" in English.
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : format !== undefined ? strftime(value, format, timeZone) : formatDate(value, lang, timeZone);
  if (Array.isArray(value))
    return value
      .map((item) => valueText(item, lang, timeZone))
      .filter((item) => item !== undefined)
      .join(', ');
  if (typeof value === 'object') return undefined;
  const text = plainText(String(value)).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** How a field is shown: the label its Jekyll layout printed with it, and for a date the `strftime` format it printed it with. */
export interface ShowAs {
  label?: string | undefined;
  format?: string | undefined;
}

/**
 * An item of `show`: a field's name, or its name and the label its Jekyll layout printed
 * (`{venue: Published in}`), or how to show it (`{date: {format: "%B %d, %Y"}}`).
 */
export type ShowItem = string | Readonly<Record<string, string | ShowAs>>;

/**
 * `date` as Jekyll reads it: a date also when YAML left it text (`2025-11-08 12:00:00 -0500`), and a
 * day alone (`2019-10-03`) at midnight in the site's time zone.
 */
function jekyllDate(value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string' && !(value instanceof Date)) return value;
  const date = postDate({ fileDate: typeof value === 'string' ? value : '', frontMatterDate: value, timezone: timeZone });
  return 'error' in date ? value : new Date(date.epochMilliseconds);
}

/** The fields `show` names, in its order; a field with no value to show is left out. */
export function shownFields(
  show: readonly ShowItem[] | undefined,
  fields: Readonly<Record<string, unknown>> | undefined,
  lang = 'en',
  timeZone = 'UTC',
): ShownField[] {
  const shown: ShownField[] = [];
  for (const item of show ?? []) {
    const [key, how] = typeof item === 'string' ? [item, undefined] : (Object.entries(item)[0] ?? ['', undefined]);
    const { label, format }: ShowAs = typeof how === 'string' ? { label: how } : (how ?? {});
    const text = valueText(key === 'date' ? jekyllDate(fields?.[key], timeZone) : fields?.[key], lang, timeZone, format);
    if (text === undefined) continue;
    const link = /^https:\/\/\S+$/.test(text) || /^\/(?!\/)\S*$/.test(text) ? text : undefined;
    shown.push({ key, label: label ?? fieldLabel(key), text, link });
  }
  return shown;
}
