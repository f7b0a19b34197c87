import yaml from 'js-yaml';

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
const KEY_LINE = /^([^\s#:][^:]*?)\s*:(\s|$)/;

/**
 * Reads an entry's front matter the way Astro does (YAML between `---` lines, parsed with js-yaml),
 * but turns every way it can go wrong into a message that says what to write. A UTF-8 BOM and
 * CRLF line endings are accepted.
 */
export function readEntrySource(text: string): { ok: true; source: EntrySource } | { ok: false; error: FrontMatterError } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines.every((line) => line.trim() === '')) {
    return { ok: false, error: { message: 'the file is empty. An entry starts with front matter: a "---" line, the fields (layout, title, permalink), and another "---" line.' } };
  }
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      error: { line: 1, message: 'the file has no front matter. Start it with a "---" line, the fields (layout, title, permalink), and another "---" line.' },
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return { ok: false, error: { line: 1, message: 'the front matter opened on line 1 is never closed. Add a "---" line after the last field.' } };
  }
  const yamlLines = lines.slice(1, closing);
  const keyLines = new Map<string, number[]>();
  yamlLines.forEach((line, index) => {
    const key = KEY_LINE.exec(line)?.[1]?.replace(/^["']|["']$/g, '');
    if (key !== undefined) keyLines.set(key, [...(keyLines.get(key) ?? []), index + 2]);
  });

  let data: unknown;
  try {
    data = yaml.load(yamlLines.join('\n'));
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line?: number } };
    const line = mark?.line === undefined ? undefined : mark.line + 2;
    if (reason?.startsWith('duplicated mapping key')) {
      const duplicate = [...keyLines].find(([, at]) => at.length > 1);
      if (duplicate) {
        const [key, at] = duplicate;
        return { ok: false, error: { line: at[1], message: `"${key}" is written twice (lines ${at.join(' and ')}). Keep one.` } };
      }
    }
    return { ok: false, error: { line, message: `the front matter is not valid YAML: ${reason ?? String(error)}. Check quotes and indentation; a value containing ": " needs quotes.` } };
  }
  if (data === null || data === undefined) {
    return { ok: false, error: { line: 1, message: 'the front matter is empty. Write the fields layout, title and permalink between the "---" lines.' } };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `the text "${String(data)}"`;
    return { ok: false, error: { line: 2, message: `the front matter must be "field: value" lines, but it is ${found}.` } };
  }
  return {
    ok: true,
    source: {
      data: data as Record<string, unknown>,
      body: lines.slice(closing + 1).join('\n'),
      bodyLine: closing + 2,
      lineOf: (key) => keyLines.get(key)?.[0],
    },
  };
}
