import { parseHtmlFragment, textOf } from '../links/html.ts';

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
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Text of a value that may hold HTML: tags dropped, entities decoded. */
export function plainText(value: string): string {
  if (!/[<&]/.test(value)) return value;
  return textOf(parseHtmlFragment(value, { locations: false }));
}

function valueText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(valueText).filter((item) => item !== undefined).join(', ');
  if (typeof value === 'object') return undefined;
  const text = plainText(String(value)).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** The fields `show` names, in its order; a field with no value to show is left out. */
export function shownFields(show: readonly string[] | undefined, fields: Readonly<Record<string, unknown>> | undefined): ShownField[] {
  const shown: ShownField[] = [];
  for (const key of show ?? []) {
    const text = valueText(fields?.[key]);
    if (text === undefined) continue;
    const link = /^https:\/\/\S+$/.test(text) || /^\/(?!\/)\S*$/.test(text) ? text : undefined;
    shown.push({ key, label: fieldLabel(key), text, link });
  }
  return shown;
}
