/**
 * What the importer tells the owner: one line per thing it changed, dropped, left for them or refused,
 * grouped by kind when printed. Every message says what happened, then what to do.
 */

export type ReportKind =
  /** A layout name and what it became. */
  | 'layout'
  /** Liquid worked out, and what it became. */
  | 'converted'
  /** Something converted or renamed on the way (a title made from a file name, a `{% highlight %}` block). */
  | 'changed'
  /** A front-matter key the project has no field for. */
  | 'dropped'
  /** Liquid or markup left in place: the build stops on it until the owner fixes it. */
  | 'leftover'
  /** A file or setting that was not imported, and why. */
  | 'skipped'
  /** Theme code: replaced by this project's layouts. Printed as one short list. */
  | 'theme';

export interface ReportLine {
  kind: ReportKind;
  /** The Jekyll source file it is about, relative to the Jekyll folder. */
  file?: string | undefined;
  /** 1-based line in that file. */
  line?: number | undefined;
  message: string;
}

/** Why the import cannot go ahead: nothing is written when there is one. */
export interface Refusal {
  /** The path it is about, relative to the Jekyll folder or the project. */
  path: string;
  message: string;
}

export const HEADINGS: Record<ReportKind, string> = {
  layout: 'Layouts',
  converted: 'Liquid worked out',
  changed: 'Changed on the way',
  dropped: 'Front matter this project has no field for (dropped)',
  leftover: 'Left in place: the build stops on these until you fix them',
  skipped: 'Not imported',
  theme: "Replaced by this project's layouts (not imported)",
};

const ORDER: readonly ReportKind[] = ['layout', 'converted', 'changed', 'dropped', 'skipped', 'leftover', 'theme'];

/** `file line 3: message`, or `file: message`. */
export function formatLine(line: ReportLine): string {
  if (line.file === undefined) return line.message;
  return `${line.file}${line.line === undefined ? '' : ` line ${line.line}`}: ${line.message}`;
}

/** Stable order: by kind, then file, then line, then text, so two runs print the same report. */
export function sortReport(lines: readonly ReportLine[]): ReportLine[] {
  return [...lines].sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.message, b.message),
  );
}

/** The report as printed: a heading per kind, one indented line per item; theme code on one line. */
export function formatReport(lines: readonly ReportLine[]): string {
  const out: string[] = [];
  for (const kind of ORDER) {
    const items = sortReport(lines.filter((line) => line.kind === kind));
    if (items.length === 0) continue;
    out.push(`${HEADINGS[kind]}:`);
    if (kind === 'theme') out.push(`  ${items.map((item) => item.message).join(', ')}`);
    else for (const item of items) out.push(`  ${formatLine(item)}`);
    out.push('');
  }
  return out.join('\n');
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A value as it reads in a message: `true`, `"text"`, `[a, b]`, shortened when long. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Date) text = value.toISOString();
  else if (value === null || value === undefined) text = '(empty)';
  else text = JSON.stringify(value) ?? String(value);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
