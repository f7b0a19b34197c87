import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import type { Node } from 'yaml';
import { aliasExpansionProblem } from '../safe-yaml.ts';
import { yamlTree } from '../yaml-tree.ts';
import type { z } from 'astro/zod';
import { recordSchema, type RecordData } from '../schema/record.ts';
import { memoByText } from '../text-memo.ts';

/**
 * A group's data file (`src/data/work.yml`): one record per entry, keyed by the entry's title, in the
 * order the group's index page lists them. Read here once, with line numbers, for the checks and for
 * the content loader alike.
 */

/** Where groups' data files live, relative to the project root. */
export const DATA_DIR = 'src/data';
/**
 * Plain data for Liquid (a CV, a menu, a list the pages loop over): `site.data.<name>` reads
 * `src/data/liquid/<name>.yml` (or JSON, CSV, TSV; folders nest). Not groups of records, so the record
 * checks do not read it. The importer writes every `_data` file no page names in `data:` here.
 */
export const LIQUID_DATA_DIR = `${DATA_DIR}/liquid`;
/**
 * The old site's settings Liquid reads as `site.<key>` (`site.author.googlescholar`): the Jekyll
 * `_config.yml` as written, below this project's own settings. Not part of `site.data`.
 */
export const LIQUID_CONFIG_FILE = `${LIQUID_DATA_DIR}/_config.yml`;
/** A data file's name is its group's name: `work.yml` is the group `work`. */
export const DATA_FILE = /^([^./][^/]*)\.ya?ml$/;

/** The group a data file holds, or undefined for a file that is not a data file. */
export function groupOfFile(fileName: string): string | undefined {
  return DATA_FILE.exec(fileName)?.[1];
}

/** The groups of a project: one per data file in `src/data/`, with the file's path from the root. */
export function dataGroups(root = '.'): { group: string; file: string }[] {
  let names: string[];
  try {
    names = readdirSync(join(root, DATA_DIR), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const group = groupOfFile(name);
    return group === undefined ? [] : [{ group, file: `${DATA_DIR}/${name}` }];
  });
}

/** The content collection holding a group's records. */
export const recordsCollection = (group: string): string => `records-${group}`;

export interface RawRecord {
  /** The key: the title of the entry it describes. */
  key: string;
  /** Its position in the file, from 0: the order of the index page. */
  position: number;
  /** The record as YAML gives it. */
  value: unknown;
  /** The 1-based line of the key. */
  readonly line: number;
  /** The 1-based line of one of its fields, when written. */
  lineOf(field: string): number | undefined;
}

export interface DataFileProblem {
  message: string;
  line?: number | undefined;
  /** What the problem is about, when it is one record: `"Amazon"`. */
  field?: string | undefined;
  /** That record's title. */
  record?: string | undefined;
}

export type DataFileResult = { ok: true; records: RawRecord[] } | { ok: false; problems: DataFileProblem[] };

/** Keys a JavaScript object would move to the front (`"2048"`), losing the file's order. */
const INDEX_LIKE = /^(0|[1-9]\d*)$/;

/**
 * Reads a data file's records in order; every way the YAML can be wrong is a problem with its line.
 * Values are read with the YAML core schema (a `date: 2019-05-01` stays text). The common case, a
 * valid file, takes a fast parser; line numbers come from the full syntax tree, built only when one
 * is needed. A build reads each data file three times (checks, loader, pages): it is parsed once.
 */
export const readDataFile: (text: string) => DataFileResult = memoByText('dataFiles', 8, parseDataFile);

/**
 * Scalars js-yaml's core schema reads otherwise than YAML 1.2's: `0b101` and `-0x1F` (numbers there,
 * text in 1.2) and `+.8` (text there, a number in 1.2). A file that may hold one takes the full reading.
 */
const FAST_READING_DIFFERS = /0b[01]|[-+](?:\.\d|0[xo])/i;

function parseDataFile(text: string): DataFileResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (FAST_READING_DIFFERS.test(clean)) return readWithPositions(clean);
  let value: unknown;
  try {
    value = jsYaml.load(clean, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return readWithPositions(clean);
  }
  if (value === null || value === undefined || value === '') return { ok: true, records: [] };
  const expansion = aliasExpansionProblem(value);
  if (expansion) return { ok: false, problems: [{ field: 'data file', line: undefined, message: expansion }] };
  if (typeof value !== 'object' || Array.isArray(value) || Object.keys(value).some((key) => INDEX_LIKE.test(key))) return readWithPositions(clean);
  let positioned: RawRecord[] | undefined;
  const withPositions = () => (positioned ??= (readWithPositions(clean) as { ok: true; records: RawRecord[] }).records);
  return {
    ok: true,
    records: Object.entries(value as Record<string, unknown>).map(([key, record], position) => ({
      key,
      position,
      value: record,
      get line() {
        return withPositions()[position]?.line ?? 1;
      },
      lineOf: (field: string) => withPositions()[position]?.lineOf(field),
    })),
  };
}

/**
 * The full reading, with positions: the messages for a file that is not valid, and line numbers.
 * Exported for the test that holds the fast reading to it.
 */
export function readWithPositions(text: string): DataFileResult {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlTree();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (document.errors.length > 0) {
    // Where each top-level key is written, to name a title written twice and both its lines.
    const keyLines = new Map<string, number[]>();
    const tolerant = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false });
    if (isMap(tolerant.contents)) {
      for (const pair of tolerant.contents.items) {
        const key = pair.key as Node | null;
        const line = lineAt(key?.range?.[0]);
        if (isScalar(key) && line !== undefined) keyLines.set(String(key.value), [...(keyLines.get(String(key.value)) ?? []), line]);
      }
    }
    // One slip of indentation or quoting derails the parser for the rest of the file: only the first
    // syntax error is the owner's, the others follow from it. A title written twice is its own mistake.
    const firstSyntaxError = document.errors.filter((error) => error.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0])[0];
    const errors = document.errors.filter((error) => error.code === 'DUPLICATE_KEY' || error === firstSyntaxError);
    return {
      ok: false,
      problems: errors.map((error) => {
        const line = lineAt(error.pos[0]);
        if (error.code === 'DUPLICATE_KEY') {
          const [title, lines] = [...keyLines].find(([, at]) => at.length > 1 && at.includes(line ?? -1)) ?? [];
          if (title === undefined && line !== undefined) {
            // A key written twice inside one record: the record is the last title above it.
            const owner = [...keyLines]
              .flatMap(([key, at]) => at.map((start) => [key, start] as const))
              .filter(([, start]) => start <= line)
              .sort((a, b) => b[1] - a[1])[0];
            const record = isMap(tolerant.contents)
              ? tolerant.contents.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === owner?.[0])?.value
              : undefined;
            const duplicate = isMap(record) ? record.items.find((pair) => lineAt((pair.key as Node | null)?.range?.[0]) === line)?.key : undefined;
            const field = isScalar(duplicate) ? String(duplicate.value) : 'a field';
            if (owner) return { line, field: `"${owner[0]}" ${field}`, record: owner[0], message: `is written twice in the record "${owner[0]}". Keep one.` };
          }
          return title === undefined
            ? { line, message: 'a record is written twice under the same title. Keep one, or rename one of them (each entry has its own title).' }
            : {
                line,
                field: `"${title}"`,
                record: title,
                message: `is written twice (lines ${(lines ?? []).join(' and ')}). Keep one record under each title, or rename one of them.`,
              };
        }
        const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
        return { line, message: `is not valid YAML: ${reason}. Check quotes and indentation; a value containing ": " needs quotes.` };
      }),
    };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { ok: true, records: [] };
  if (!isMap(root)) {
    return {
      ok: false,
      problems: [
        { line: 1, message: 'must be one record per entry, each under the entry\'s title ("Amazon:" then its fields indented below), not a list or text.' },
      ],
    };
  }
  const records: RawRecord[] = [];
  root.items.forEach((pair, position) => {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const value = pair.value as Node | null;
    const fieldLines = new Map<string, number>();
    if (isMap(value)) {
      for (const field of value.items) {
        const fieldKey = field.key as Node | null;
        const line = lineAt(fieldKey?.range?.[0]);
        if (isScalar(fieldKey) && line !== undefined) fieldLines.set(String(fieldKey.value), line);
      }
    }
    records.push({
      key,
      position,
      value: value === null ? null : value.toJSON(),
      line: lineAt(keyNode?.range?.[0]) ?? 1,
      lineOf: (field) => fieldLines.get(field),
    });
  });
  return { ok: true, records };
}

/** One record of a data file read against the record schema: its fields as the schema gives them, or what is wrong. */
export type CheckedRecordValue = { raw: RawRecord } & ({ ok: true; data: RecordData } | { ok: false; issues: z.core.$ZodIssue[] });

/**
 * A data file's records, each read against the record schema. The checks report the records that
 * fail; the content loader stores the ones that pass, so each record is validated once per build.
 */
export const checkedRecords: (text: string) => CheckedRecordValue[] = memoByText('checkedRecords', 8, (text) => {
  const result = readDataFile(text);
  if (!result.ok) return [];
  return result.records.map((raw) => {
    const parsed = recordSchema.safeParse(raw.value ?? {});
    return parsed.success ? { raw, ok: true, data: parsed.data } : { raw, ok: false, issues: parsed.error.issues };
  });
});

/**
 * The entries Astro's `file()` loader stores for a data file: each record that passes the record
 * schema, as the schema gives it, with its key as `id` and its `position`, so pages can list records
 * in file order. Never throws: a data file or record that cannot be read is left out, and the checks
 * report why (in `astro dev` the site keeps running meanwhile).
 */
export function recordsForLoader(text: string): Array<Record<string, unknown> & { id: string }> {
  return checkedRecords(text).flatMap((record) => (record.ok ? [{ ...record.data, id: record.raw.key, position: record.raw.position }] : []));
}

/**
 * The 1-based line of a record's field (`["Acme", "links", 0, "ref"]`) in a data file's text: parsed
 * again, with positions, only to point at a mistake.
 */
export function lineOfRecordField(text: string, path: readonly (string | number)[]): number | undefined {
  const { LineCounter, parseDocument } = yamlTree();
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: false });
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
