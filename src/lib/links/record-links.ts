import type { Problem } from '../errors.ts';
import { checkedRecords, lineOfRecordField } from '../data/data-file.ts';
import { RECORD_LISTS } from '../schema/record.ts';

/**
 * A record's link (`links.0.ref` in `src/data/work.yml`) is written on every page that shows the
 * record, not in any page's Markdown. When a built page's link does not lead anywhere and the page's
 * own source does not write it, the record that does is the file to open: the problem names the data
 * file, the record, the field and its line, once, however many pages show it.
 */

export interface RecordLink {
  /** The data file, from the project root: `src/data/work.yml`. */
  file: string;
  /** The record's title. */
  record: string;
  /** The list and item: `links.0.ref`. */
  field: string;
  /** The address as written (trimmed, as the record schema reads it). */
  ref: string;
}

/** Every link the records of these data files write, in file order. */
export function recordLinks(dataFiles: readonly { file: string; text: string }[]): RecordLink[] {
  const links: RecordLink[] = [];
  for (const { file, text } of dataFiles) {
    for (const record of checkedRecords(text)) {
      if (!record.ok) continue;
      for (const { key } of RECORD_LISTS) {
        record.data[key].forEach((link, index) => links.push({ file, record: record.raw.key, field: `${key}.${index}.ref`, ref: link.ref }));
      }
    }
  }
  return links;
}

export interface RecordBlameInput<T> {
  /** The problems of built pages, each with the address as the owner wrote it (without the base path). */
  problems: readonly T[];
  written: (problem: T) => string;
  page: (problem: T) => string;
  /** Whether the page's own source (its Markdown) writes this address. */
  writtenInSource: (page: string, address: string) => boolean;
  links: readonly RecordLink[];
}

/**
 * Splits the problems of built pages into those of the pages and those of the records that wrote the
 * link: the second come back with the record they are about, one per record field.
 */
export function blameRecords<T>({ problems, written, page, writtenInSource, links }: RecordBlameInput<T>): {
  pages: T[];
  records: { problem: T; link: RecordLink }[];
} {
  const byRef = new Map<string, RecordLink[]>();
  for (const link of links) byRef.set(link.ref, [...(byRef.get(link.ref) ?? []), link]);
  const pages: T[] = [];
  const records: { problem: T; link: RecordLink }[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const address = written(problem);
    const from = byRef.get(address);
    if (from === undefined || writtenInSource(page(problem), address)) {
      pages.push(problem);
      continue;
    }
    for (const link of from) {
      const key = `${link.file}\n${link.record}\n${link.field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      records.push({ problem, link });
    }
  }
  return { pages, records };
}

/** A page's link problem as the problem of the record that wrote it. */
export function recordLinkProblem(problem: Problem, link: RecordLink, textOf: (file: string) => string | undefined, shownOn: string): Problem {
  const text = textOf(link.file);
  const [list, index] = link.field.split('.');
  const line = text === undefined ? undefined : lineOfRecordField(text, [link.record, list ?? '', Number(index), 'ref']);
  return {
    file: link.file,
    record: link.record,
    field: `"${link.record}" ${link.field}`,
    message: `"${link.ref}" ${problem.message} (shown on the page ${shownOn})`,
    ...(line !== undefined ? { line } : {}),
  };
}
