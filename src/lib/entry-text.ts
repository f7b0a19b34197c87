import { formatPeriod } from './dates.ts';
import { excerptFromMarkdown } from './markdown/excerpt.ts';
import type { WorkEntryData } from './schema/work-entry.ts';

/** The address of the page that lists every work entry. */
export const WORK_INDEX_PATH = '/work';

type EntryText = Pick<WorkEntryData, 'title' | 'description' | 'role' | 'location' | 'start' | 'end'>;

/**
 * What an entry says about itself in search results, link previews and listings: its `description`,
 * else its first paragraph, else its title and role, so no page ever has an empty description.
 */
export function entryDescription(data: EntryText, body: string | undefined): string {
  const text = data.description ?? excerptFromMarkdown(body ?? '');
  if (text) return text;
  return data.role ? `${data.title}: ${data.role}` : data.title;
}

/** The line under an entry's title: `Software Engineer · Seattle, WA`, and its period apart, for styling. */
export function entryMeta(data: EntryText): { details: string; period: string | undefined } | undefined {
  const details = [data.role, data.location].filter((part): part is string => Boolean(part)).join(' · ');
  const period = formatPeriod(data.start, data.end);
  return details || period ? { details, period } : undefined;
}
