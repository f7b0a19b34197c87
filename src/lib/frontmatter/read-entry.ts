import yaml from 'js-yaml';
import { aliasExpansionProblem } from '../safe-yaml.ts';
import { yamlTree } from '../yaml-tree.ts';
import { memoByText } from '../text-memo.ts';

/** An entry file split into its parsed front matter and its body. */
export interface EntrySource {
  data: Record<string, unknown>;
  body: string;
  /** The 1-based line the body starts on, to place body problems. */
  bodyLine: number;
  /** The 1-based line a top-level front-matter key is written on. */
  lineOf(key: string): number | undefined;
}

/** Why a file's front matter could not be read, with the line when the parser gives one. */
export interface FrontMatterError {
  message: string;
  line?: number | undefined;
}

const FENCE = /^---[ \t]*$/;

/** The 1-based lines of each top-level key, read from the YAML syntax tree (a key written twice has two). */
function keyLinesOf(yamlText: string, firstLine: number): Map<string, number[]> {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlTree();
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: false });
  const lines = new Map<string, number[]>();
  if (!isMap(document.contents)) return lines;
  for (const pair of document.contents.items) {
    const key = pair.key;
    const offset = isScalar(key) ? key.range?.[0] : undefined;
    if (!isScalar(key) || offset === undefined) continue;
    const name = String(key.value);
    lines.set(name, [...(lines.get(name) ?? []), lineCounter.linePos(offset).line + firstLine - 1]);
  }
  return lines;
}

/**
 * Reads an entry's front matter where Astro does (YAML between `---` lines, after a UTF-8 BOM or blank
 * lines; see `@astrojs/internal-helpers/frontmatter`), but turns every way it can go wrong into a
 * message that says what to write. CRLF line endings are accepted. Parsed with js-yaml, whose error
 * text the messages quote; Astro 7 itself parses with `yaml` (core schema, timestamps, merge keys).
 */
export const readEntrySource: (text: string) => EntryReading = memoByText('entrySources', 4096, readEntry);

export type EntryReading = { ok: true; source: EntrySource } | { ok: false; error: FrontMatterError };

/** The reading itself; the config, the checks and the loader each ask for every file, so it is memoised above. */
function readEntry(text: string): EntryReading {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') {
    return {
      ok: false,
      error: { message: 'the file is empty. An entry starts with front matter: a "---" line, the fields (layout, title, permalink), and another "---" line.' },
    };
  }
  // Astro reads front matter after blank lines too; the first line with text must open it. Lines are
  // walked one by one up to the closing fence: the body, often most of the file, is not split.
  let opening = -1;
  let closing = -1;
  let yamlStart = 0;
  let yamlEnd = 0;
  let bodyStart = normalized.length;
  for (let line = 0, start = 0; start <= normalized.length; line++) {
    const newline = normalized.indexOf('\n', start);
    const end = newline === -1 ? normalized.length : newline;
    const content = normalized.slice(start, end);
    if (opening === -1) {
      if (content.trim() !== '') {
        if (!FENCE.test(content)) {
          return {
            ok: false,
            error: {
              line: line + 1,
              message: 'the file has no front matter. Start it with a "---" line, the fields (layout, title, permalink), and another "---" line.',
            },
          };
        }
        opening = line;
        yamlStart = end + 1;
      }
    } else if (FENCE.test(content)) {
      closing = line;
      yamlEnd = Math.max(yamlStart, start - 1);
      bodyStart = newline === -1 ? normalized.length : newline + 1;
      break;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  if (closing === -1) {
    return {
      ok: false,
      error: { line: opening + 1, message: `the front matter opened on line ${opening + 1} is never closed. Add a "---" line after the last field.` },
    };
  }
  const yamlText = normalized.slice(yamlStart, yamlEnd);
  // Positions come from a second, slower parse, needed only to point at a mistake: made on first use.
  let keyLinesCache: Map<string, number[]> | undefined;
  const keyLines = () => (keyLinesCache ??= keyLinesOf(yamlText, opening + 2));

  let data: unknown;
  try {
    data = yaml.load(yamlText);
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line?: number } };
    const line = mark?.line === undefined ? undefined : mark.line + opening + 2;
    if (reason?.startsWith('duplicated mapping key')) {
      const duplicate = [...keyLines()].find(([, at]) => at.length > 1);
      if (duplicate) {
        const [key, at] = duplicate;
        return { ok: false, error: { line: at[1], message: `"${key}" is written twice (lines ${at.join(' and ')}). Keep one.` } };
      }
    }
    return {
      ok: false,
      error: {
        line,
        message: `the front matter is not valid YAML: ${reason ?? String(error)}. Check quotes and indentation; a value containing ": " needs quotes.`,
      },
    };
  }
  const expansion = aliasExpansionProblem(data);
  if (expansion) return { ok: false, error: { line: opening + 1, message: `the front matter: ${expansion}` } };
  if (data === null || data === undefined) {
    return {
      ok: false,
      error: { line: opening + 1, message: 'the front matter is empty. Write the fields layout, title and permalink between the "---" lines.' },
    };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `the text "${String(data)}"`;
    return { ok: false, error: { line: opening + 2, message: `the front matter must be "field: value" lines, but it is ${found}.` } };
  }
  return {
    ok: true,
    source: {
      data: data as Record<string, unknown>,
      body: normalized.slice(bodyStart),
      bodyLine: closing + 2,
      lineOf: (key) => keyLines().get(key)?.[0],
    },
  };
}

/**
 * What front matter that cannot be read properly (a key written twice, a YAML slip) still says,
 * read leniently: enough to know which page a broken file is, for messages and `astro dev`.
 */
export function frontMatterHint(text: string): Record<string, unknown> | undefined {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const opening = lines.findIndex((line) => line.trim() !== '');
  const closing = lines.findIndex((line, index) => index > opening && FENCE.test(line));
  if (!FENCE.test(lines[opening] ?? '') || closing === -1) return undefined;
  const value: unknown = yamlTree()
    .parseDocument(lines.slice(opening + 1, closing).join('\n'), { uniqueKeys: false })
    .toJS();
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
