/**
 * Front matter as Jekyll reads it, and edits that keep everything the importer does not change
 * byte for byte: comments, order, quoting and folded text stay as the owner wrote them.
 */
import jsYaml from 'js-yaml';
import { isMap, isScalar, parseDocument, stringify, type Node, type Pair } from 'yaml';
import { aliasExpansionProblem, documentExpansionProblem } from '../../src/lib/safe-yaml.ts';
import { lineAt } from './config.ts';

/**
 * Jekyll's test for a page: the first line is `---` (trailing spaces allowed), on the raw bytes
 * (`Utils.has_yaml_header?`). A file without it is a static file, copied as it is.
 */
export function hasFrontMatter(head: string): boolean {
  return /^---[ \t]*\r?\n/.test(head);
}

export interface SplitFile {
  /** The YAML between the `---` lines, without them. */
  yaml: string;
  /** Everything after the closing `---` line. */
  body: string;
  /** The 1-based line of the file the body starts on. */
  bodyLine: number;
}

/**
 * Splits a file into front matter and body as Jekyll does (`Document::YAML_FRONT_MATTER_REGEXP`):
 * `---` on the first line, then YAML up to a line that is `---` or `...`. Line endings become `\n`.
 */
export function splitFrontMatter(text: string): SplitFile | undefined {
  const normalised = text.replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([\s\S]*?\n?)^(?:---|\.\.\.)[ \t]*(?:\n|$)/m.exec(normalised);
  if (!match || match.index !== 0) return undefined;
  const yaml = match[1] ?? '';
  const body = normalised.slice(match[0].length);
  const bodyLine = (match[0].match(/\n/g)?.length ?? 0) + (match[0].endsWith('\n') ? 1 : 2);
  return { yaml, body, bodyLine };
}

export type FrontMatterData = Record<string, unknown>;

/** `tooLarge`: valid YAML whose aliases expand too far (src/lib/safe-yaml.ts), not to be repaired. */
export type ReadFrontMatter = { ok: true; data: FrontMatterData } | { ok: false; message: string; line?: number | undefined; tooLarge?: true };

/**
 * The front matter's values as Jekyll saw them. Jekyll reads YAML 1.1 (Ruby's Psych), so `published: no`
 * is false; dates stay as written, since this project keeps them as text.
 */
export function readFrontMatter(yaml: string): ReadFrontMatter {
  const document = parseDocument(yaml, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = yaml.slice(0, error.pos[0]).split('\n').length;
    return { ok: false, message: error.message.split('\n')[0] ?? error.message, line };
  }
  const expansion = documentExpansionProblem(document);
  if (expansion) return { ok: false, message: expansion.message, line: lineAt(yaml, expansion.offset), tooLarge: true };
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { ok: true, data: {} };
  if (!isMap(root)) return { ok: false, message: 'the front matter is not a list of "key: value" lines', line: 1 };
  const data: FrontMatterData = {};
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    // Measured above: the package's own alias limit would throw on a few hundred harmless aliases.
    const value = pair.value?.toJS(document, { maxAliasCount: -1 }) as unknown;
    // A date is kept as its text: `date: 2019-03-02` stays "2019-03-02", as the build reads it.
    data[key] = value instanceof Date && pair.value?.range ? yaml.slice(pair.value.range[0], pair.value.range[1]) : value;
  }
  return { ok: true, data };
}

export interface FrontMatterEdit {
  /** Keys to remove, with their values and any comment on the same line. */
  delete?: readonly string[];
  /** Keys to set: replaced in place when present, appended otherwise. */
  set?: readonly (readonly [string, string | boolean | number])[];
}

/**
 * The front matter with some keys removed or set, every other byte as it was. Works on the text (by
 * each key's position), not by re-printing the YAML, which would re-fold and re-quote the owner's values.
 */
export function editFrontMatter(yaml: string, edit: FrontMatterEdit): string {
  const document = parseDocument(yaml, { version: '1.1', uniqueKeys: false });
  const root = document.contents;
  const pairs = isMap(root) ? (root.items as Pair<Node, Node | null>[]) : [];
  const keyOf = (pair: Pair<Node, Node | null>) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
  const replacements: { start: number; end: number; text: string }[] = [];
  const toDelete = new Set(edit.delete ?? []);
  const appended: string[] = [];

  for (const pair of pairs) {
    if (!toDelete.has(keyOf(pair))) continue;
    const start = lineStart(yaml, pair.key.range?.[0] ?? 0);
    const valueEnd = pair.value?.range?.[1] ?? pair.key.range?.[1] ?? start;
    replacements.push({ start, end: lineEnd(yaml, valueEnd), text: '' });
  }
  for (const [key, value] of edit.set ?? []) {
    const pair = pairs.filter((candidate) => !toDelete.has(keyOf(candidate))).find((candidate) => keyOf(candidate) === key);
    const scalar = renderScalar(value);
    const valueRange = pair?.value?.range;
    if (valueRange && valueRange[1] > valueRange[0]) {
      replacements.push({ start: valueRange[0], end: valueRange[1], text: scalar });
    } else if (pair?.key.range) {
      // `key:` with no value: write the value after the colon.
      const colon = yaml.indexOf(':', pair.key.range[1]);
      replacements.push({ start: pair.key.range[1], end: colon + 1, text: `: ${scalar}` });
    } else {
      appended.push(`${renderKey(key)}: ${scalar}\n`);
    }
  }
  let text = yaml;
  for (const { start, end, text: replacement } of replacements.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, start) + replacement + text.slice(end);
  }
  if (appended.length > 0) {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
    text += appended.join('');
  }
  return text;
}

/** A whole front-matter block from its YAML text. */
export function joinFrontMatter(yaml: string, body: string): string {
  const block = yaml === '' || yaml.endsWith('\n') ? yaml : `${yaml}\n`;
  return `---\n${block}---\n${body}`;
}

const PLAIN_SAFE = /^[A-Za-z0-9/][A-Za-z0-9 _./()&,'’+-]*$/;
// Words YAML 1.1 readers (and Psych) take as booleans or null, and numbers or dates: quoted to stay text.
const AMBIGUOUS = /^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*|\d{4}-\d\d-\d\d.*)$/i;

/** A scalar as YAML: plain when that reads back as the same text, otherwise double-quoted. */
export function renderScalar(value: string | boolean | number): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN_SAFE.test(value) && !AMBIGUOUS.test(value) && !/\s$/.test(value) && !value.includes(' #')) return value;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

function renderKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * The front matter with some top-level keys moved, as written (comments, quoting, folding kept), into
 * a map under `parent` (`fields:`), followed by `extra` keys given as values (from the config's
 * defaults), written as YAML. Keys are moved in their order in the file.
 */
export function nestUnder(yaml: string, keys: readonly string[], parent: string, extra: Readonly<Record<string, unknown>> = {}): string {
  const document = parseDocument(yaml, { version: '1.1', uniqueKeys: false });
  const root = document.contents;
  const pairs = isMap(root) ? (root.items as Pair<Node, Node | null>[]) : [];
  const wanted = new Set(keys);
  const cuts: { start: number; end: number }[] = [];
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!wanted.has(key)) continue;
    const start = lineStart(yaml, pair.key.range?.[0] ?? 0);
    const end = lineEnd(yaml, pair.value?.range?.[1] ?? pair.key.range?.[1] ?? start);
    cuts.push({ start, end });
  }
  const moved = cuts.map(({ start, end }) => yaml.slice(start, end).replace(/\n?$/, '\n'));
  let text = yaml;
  for (const { start, end } of [...cuts].sort((a, b) => b.start - a.start)) text = text.slice(0, start) + text.slice(end);
  const extraText = Object.keys(extra).length > 0 ? stringify(extra, { version: '1.1', lineWidth: 0 }) : '';
  const body = [...moved, extraText].join('');
  if (body.trim() === '') return text;
  const indented = body
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  return `${text}${renderKey(parent)}:\n${indented}\n`;
}

/** A `key: [a, b]` line for a list of text, each item double-quoted. */
export function listLine(key: string, items: readonly string[]): string {
  return `${renderKey(key)}: [${items.map((item) => JSON.stringify(item)).join(', ')}]\n`;
}

/**
 * Front matter Jekyll's YAML reader (libyaml) accepts and a stricter one refuses, like a quoted value
 * whose next lines start in column 0, rewritten as plain YAML with the same values (js-yaml reads such
 * text as libyaml does). Comments and layout are lost, so this is only for what cannot be read otherwise.
 * Undefined when js-yaml cannot read it either, or it is not a map.
 */
export function repairFrontMatter(yaml: string): string | undefined {
  let value: unknown;
  try {
    value = jsYaml.load(yaml);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || aliasExpansionProblem(value)) return undefined;
  const asText = (item: unknown): unknown => {
    if (item instanceof Date) {
      const iso = item.toISOString();
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$/, ' +0000');
    }
    if (Array.isArray(item)) return item.map(asText);
    if (typeof item === 'object' && item !== null) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, asText(inner)]));
    return item;
  };
  return stringify(asText(value), { version: '1.1', lineWidth: 0 });
}
