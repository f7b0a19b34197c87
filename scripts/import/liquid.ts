/**
 * Liquid in pages, posts and includes. The build runs Liquid as Jekyll does (src/lib/liquid/), so the
 * Liquid of a page or post that the build renders is KEPT as written (`keepLiquid`), `_includes/` is
 * copied to the project's `src/includes/` (`planIncludes`), and only what cannot work in its new place
 * is converted: `{% link %}` and `{% post_url %}` become the addresses they named, and an
 * `{% include_relative %}` the file it names, since the files move in the import. What the build will not run (a plugin's tag, a filter it does not know, an
 * include the theme brought) is reported with its line.
 *
 * Text that becomes a static file in `public/` is not rendered by the build: there the Liquid is
 * still turned into the text Jekyll produced where the importer can be sure of it (`convertLiquid`);
 * anything else stays as written and is reported.
 */
import { filters as LIQUID_FILTERS, Liquid, tags as LIQUID_TAGS, Tokenizer, TypeGuards, type TagToken, type TopLevelToken } from 'liquidjs';
import { maskCode } from '../../src/lib/checks/body.ts';
import { INCLUDES_DIR } from '../../src/lib/liquid/bodies.ts';
import { JEKYLL_FILTERS } from '../../src/lib/liquid/filters.ts';
import { JEKYLL_TAGS } from '../../src/lib/liquid/tags.ts';
import type { Refusal, ReportLine } from './report.ts';

export interface LiquidScope {
  /** `site`: `_config.yml` (with `baseurl` empty) and `data`. */
  site: Record<string, unknown>;
  /** `page`: the file's front matter, `url` and `path`. */
  page: Record<string, unknown>;
  /** `include`: an include's parameters. */
  include?: Record<string, unknown> | undefined;
}

export type Lookup = { ok: true; value: string } | { ok: false; message: string; refused?: boolean };

export interface IncludeFile {
  /** Its path from the Jekyll folder, for messages. */
  path: string;
  text: string;
}

export type IncludeLookup = { ok: true; file: IncludeFile } | { ok: false; message: string; refused?: boolean };

export interface LiquidOptions {
  /** The file being converted, from the Jekyll folder, for messages. */
  file: string;
  /** The 1-based line of the file the text starts on. */
  firstLine: number;
  /** Markdown: code blocks and inline code are left alone. HTML and includes: every tag is run. */
  markdown: boolean;
  scope: LiquidScope;
  /** `{% link path %}`: the address of the page, post or file at that path. */
  link(path: string): Lookup;
  /** `{% post_url name %}`: the address of that post. */
  postUrl(name: string): Lookup;
  /** `{% include name %}` / `{% include_relative name %}` from the file being converted. */
  include(name: string, relative: boolean, from: string): IncludeLookup;
  /** How deep in includes this text is: an include that includes itself stops here. */
  depth?: number;
  /** The text is a page's or post's body, which the build runs through Liquid: keep its Liquid. */
  keep?: boolean;
}

export interface LiquidResult {
  text: string;
  /** Liquid left in place, with what to do. */
  leftovers: ReportLine[];
  /** What was converted in a way worth telling (blocks rewritten, Liquid in code now shown as written). */
  changes: ReportLine[];
  /** Each piece of Liquid worked out, and what it became. */
  converted: ReportLine[];
  /** Paths leading outside the Jekyll folder. */
  refusals: Refusal[];
  /** The includes inlined, by path. */
  inlined: string[];
}

// liquidjs exports the token guards and `TagToken`, not the output token's class: its type is taken from the package's own declaration.
type OutputToken = import('liquidjs/dist/tokens/output-token').OutputToken;
const { isTagToken, isOutputToken } = TypeGuards;

/** Filters whose result the importer can compute exactly: text in, text out. */
const SAFE_FILTERS = new Set([
  'relative_url',
  'absolute_url',
  'escape',
  'escape_once',
  'xml_escape',
  'strip',
  'lstrip',
  'rstrip',
  'downcase',
  'upcase',
  'capitalize',
  'append',
  'prepend',
  'remove',
  'remove_first',
  'replace',
  'replace_first',
  'default',
  'strip_html',
  'strip_newlines',
  'truncate',
  'truncatewords',
  'url_encode',
  'join',
  'first',
  'last',
  'size',
  'uri_escape',
  'cgi_escape',
]);

/** `"/x" | relative_url` is `/x`: links are written from the site root and the build adds the base path. */
function rootRelative(value: unknown): string {
  const text = String(value ?? '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//') || text.startsWith('#')) return text;
  return `/${text.replace(/^\/+/, '')}`;
}

const engine = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });
engine.registerFilter('relative_url', rootRelative);
engine.registerFilter('absolute_url', rootRelative);
engine.registerFilter('xml_escape', (value: unknown) => escapeHtml(String(value ?? '')));
engine.registerFilter('uri_escape', (value: unknown) => encodeURI(String(value ?? '')));
engine.registerFilter('cgi_escape', (value: unknown) => encodeURIComponent(String(value ?? '')).replace(/%20/g, '+'));
const lenient = new Liquid({ strictVariables: false, strictFilters: true, ownPropertyOnly: true });
for (const [name, filter] of [
  ['relative_url', rootRelative],
  ['absolute_url', rootRelative],
] as const)
  lenient.registerFilter(name, filter);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Splits at `|` outside quotes: the value, then each filter. */
function splitFilters(expression: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let current = '';
  for (const char of expression) {
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '|') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts;
}

/** Tokens of a text; in Markdown, code is blanked first if the whole text cannot be read. */
function tokenize(text: string, markdown: boolean): TopLevelToken[] | { error: string; line: number } {
  try {
    return new Tokenizer(text).readTopLevelTokens();
  } catch (error) {
    if (markdown) {
      // An unclosed `{{` inside a code sample should not stop the rest of the page from converting.
      try {
        return new Tokenizer(maskCode(text)).readTopLevelTokens().map((token) => token);
      } catch {
        // fall through to the first error
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line:(\d+)/.exec(message)?.[1] ?? 1);
    return { error: message.replace(/, line:\d+, col:\d+$/, ''), line };
  }
}

const source = (text: string, token: TopLevelToken) => text.slice(token.begin, token.end);
const oneLine = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
};

/** The tags and filters the build runs: Liquid's own and Jekyll's (src/lib/liquid/). */
const BUILD_TAGS = new Set([...Object.keys(LIQUID_TAGS), ...Object.keys(JEKYLL_TAGS)]);
const BUILD_FILTERS = new Set([...Object.keys(LIQUID_FILTERS), ...Object.keys(JEKYLL_FILTERS)]);

/** Where a text's Liquid is: a tag or an output, from its first character to after its last. */
export interface Span {
  begin: number;
  end: number;
}

/** Where the Liquid tags and outputs are, or `undefined` when the Liquid cannot be read. */
export function liquidSpans(text: string): Span[] | undefined {
  if (!/\{[{%]/.test(text)) return [];
  try {
    return new Tokenizer(text)
      .readTopLevelTokens()
      .filter((token) => !TypeGuards.isHTMLToken(token))
      .map((token) => ({ begin: token.begin, end: token.end }));
  } catch {
    return undefined;
  }
}

/**
 * The text with its Liquid blanked out, line breaks kept, so that its HTML parses as written (a
 * `{% include head.html %}` before `<body>` is no text that opens the body) and every offset holds.
 * The text as it is when its Liquid cannot be read.
 */
export function liquidBlanked(text: string): string {
  let out = text;
  for (const { begin, end } of liquidSpans(text) ?? []) out = out.slice(0, begin) + out.slice(begin, end).replace(/[^\n]/g, ' ') + out.slice(end);
  return out;
}

/** `_includes/` copied to the project's includes folder, where the build's `{% include %}` reads them. */
export function planIncludes(paths: readonly string[]): { path: string; content: { copy: string }; from: string }[] {
  return paths
    .filter((path) => path.startsWith('_includes/'))
    .map((path) => ({ path: `${INCLUDES_DIR}/${path.slice('_includes/'.length)}`, content: { copy: path }, from: path }));
}

/**
 * Keeps the Liquid of a page's or post's body for the build to run. Only `{% include_relative %}` is
 * replaced by its file's text (Liquid and all), since the page moves away from that file; the rest is
 * checked against what the build runs, and reported where the build would stop.
 */
export function keepLiquid(text: string, options: LiquidOptions): LiquidResult {
  const result: LiquidResult = { text, leftovers: [], changes: [], converted: [], refusals: [], inlined: [] };
  if (!/\{[{%]/.test(text)) return result;
  const lineAt = (offset: number) => options.firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  const leftover = (offset: number, message: string) => result.leftovers.push({ kind: 'leftover', file: options.file, line: lineAt(offset), message });
  let tokens: TopLevelToken[];
  try {
    tokens = new Tokenizer(text).readTopLevelTokens();
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/, line:\d+, col:\d+$/, '') : String(error);
    leftover(
      0,
      `its Liquid cannot be read (${message}), so the build will stop on it, as Jekyll did not. Fix the broken tag, or add "liquid: false" to the front matter to show it as written.`,
    );
    return result;
  }
  const out: string[] = [];
  let rawDepth = 0;
  for (const token of tokens) {
    const written = source(text, token);
    if (isTagToken(token)) {
      if (token.name === 'raw') rawDepth++;
      if (token.name === 'endraw') rawDepth = Math.max(0, rawDepth - 1);
      if (rawDepth > 0 && token.name !== 'raw') {
        out.push(written);
        continue;
      }
      if (!BUILD_TAGS.has(token.name) && !/^end/.test(token.name) && !['else', 'elsif', 'when'].includes(token.name)) {
        leftover(
          token.begin,
          `"${oneLine(written)}" is kept, but "${token.name}" is a tag of a Jekyll plugin, which the build does not run: it will stop there. Replace it with the HTML it produced, or a link.`,
        );
      }
      if (token.name === 'include' && !/\{\{/.test(token.args)) {
        const name = parseIncludeArguments(token.args)?.name;
        const found = name === undefined ? undefined : options.include(name, false, options.file);
        if (found && !found.ok && found.refused) result.refusals.push({ path: `${options.file} line ${lineAt(token.begin)}`, message: found.message });
        else if (found && !found.ok)
          leftover(
            token.begin,
            `"${oneLine(written)}" is kept, but ${found.message.replace(/ Paste the HTML it produced, or delete the tag\.$/, '').replace(/\.$/, '')}: copy the file into ${INCLUDES_DIR}/, or replace the tag with the HTML it produced.`,
          );
      }
      // The files `{% link %}` and `{% post_url %}` name move in the import: their addresses are written instead.
      if ((token.name === 'link' || token.name === 'post_url') && !/\{\{/.test(token.args)) {
        const argument = token.args.trim().replace(/^["']|["']$/g, '');
        const found = token.name === 'link' ? options.link(argument) : options.postUrl(argument);
        if (found.ok) {
          out.push(found.value);
          result.converted.push({ kind: 'converted', file: options.file, line: lineAt(token.begin), message: `"${oneLine(written)}" -> "${found.value}"` });
          continue;
        }
        if (found.refused) result.refusals.push({ path: `${options.file} line ${lineAt(token.begin)}`, message: found.message });
        else leftover(token.begin, `"${oneLine(written)}" is kept, but the build will stop on it: ${found.message}`);
        out.push(written);
        continue;
      }
      if (token.name === 'include_relative') {
        const inlined = inlineRelative(token, options);
        result.refusals.push(...inlined.refusals.map((refusal) => ({ ...refusal, path: refusal.path || `${options.file} line ${lineAt(token.begin)}` })));
        if (inlined.ok) {
          out.push(inlined.text);
          result.converted.push({
            kind: 'converted',
            file: options.file,
            line: lineAt(token.begin),
            message: `"${oneLine(written)}" -> the text of ${inlined.inlined[0] ?? 'the file'}, whose Liquid the build runs`,
          });
          result.inlined.push(...inlined.inlined);
        } else {
          out.push(written);
          if (inlined.refusals.length === 0) leftover(token.begin, `"${oneLine(written)}" is kept, but ${inlined.message}`);
        }
        continue;
      }
    } else if (isOutputToken(token) && rawDepth === 0) {
      const output = token as OutputToken;
      for (const filter of splitFilters(output.content.trim()).slice(1)) {
        const name = /^([\w-]+)/.exec(filter)?.[1] ?? filter;
        if (!BUILD_FILTERS.has(name))
          leftover(
            output.begin,
            `"${oneLine(written)}" is kept, but "${name}" is a filter of a Jekyll plugin, which the build does not run: it will stop there. Write the text it produced.`,
          );
      }
    }
    out.push(written);
  }
  result.text = out.join('');
  return result;
}

/** `{% include_relative file %}` replaced by the file's text, kept as Liquid for the build to run. */
function inlineRelative(tag: TagToken, options: LiquidOptions): Inlined {
  const failed = (message: string, refusals: Refusal[] = []): Inlined => ({ ok: false, text: '', message, refusals, inlined: [] });
  if ((options.depth ?? 0) > 8) return failed('include_relative nests more than 8 deep (a file that includes itself?). Paste the text it produced.');
  const parsed = parseIncludeArguments(tag.args);
  if (!parsed || /\{\{/.test(tag.args)) return failed('its file name is computed by Liquid. Paste the text it produced.');
  if (parsed.params.length > 0)
    return failed(
      `it passes parameters (${parsed.params.map(([key]) => key).join(', ')}), which only an include in ${INCLUDES_DIR}/ can read. Move the file there and write {% include %} instead.`,
    );
  const found = options.include(parsed.name, true, options.file);
  if (!found.ok) return found.refused ? failed(found.message, [{ path: '', message: found.message }]) : failed(found.message);
  const inner = keepLiquid(found.file.text, { ...options, file: found.file.path, firstLine: 1, depth: (options.depth ?? 0) + 1 });
  if (inner.refusals.length > 0) return failed('it reaches outside the Jekyll folder.', inner.refusals);
  return { ok: true, text: inner.text.replace(/\n$/, ''), message: '', refusals: [], inlined: [found.file.path, ...inner.inlined] };
}

/** Converts the Liquid of one text (a page's body, an include) that the build will not run. */
export function convertLiquid(text: string, options: LiquidOptions): LiquidResult {
  if (options.keep) return keepLiquid(text, options);
  const result: LiquidResult = { text, leftovers: [], changes: [], converted: [], refusals: [], inlined: [] };
  const lineAt = (offset: number) => options.firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
  const leftover = (offset: number, message: string) => result.leftovers.push({ kind: 'leftover', file: options.file, line: lineAt(offset), message });
  const changed = (offset: number, message: string) => result.changes.push({ kind: 'changed', file: options.file, line: lineAt(offset), message });
  const converted = (token: TopLevelToken, value: string) =>
    result.converted.push({
      kind: 'converted',
      file: options.file,
      line: lineAt(token.begin),
      message: `"${oneLine(source(text, token))}" -> ${value === '' ? '(nothing)' : `"${oneLine(value)}"`}`,
    });

  if (!/\{[{%]/.test(text)) return result;
  const tokens = tokenize(text, options.markdown);
  if (!Array.isArray(tokens)) {
    result.leftovers.push({
      kind: 'leftover',
      file: options.file,
      line: options.firstLine + tokens.line - 1,
      message: `its Liquid cannot be read (${tokens.error}), so none of it was converted. Fix or remove the broken tag and run the import again.`,
    });
    return result;
  }
  const masked = options.markdown ? maskCode(text) : text;
  const inCode = (token: TopLevelToken) => masked[token.begin] !== text[token.begin];

  const out: string[] = [];
  // Whether the last piece written came straight from the source, so `{%-` may trim it.
  let lastIsSource = false;
  let trimNext = false;
  const pushSource = (piece: string) => {
    let value = piece;
    if (trimNext) value = value.replace(/^\s+/, '');
    trimNext = false;
    out.push(value);
    lastIsSource = true;
  };
  const pushConverted = (token: TagToken | OutputToken, value: string) => {
    if (token.trimLeft && lastIsSource && out.length > 0) out[out.length - 1] = (out[out.length - 1] ?? '').replace(/\s+$/, '');
    trimNext = token.trimRight;
    out.push(value);
    lastIsSource = false;
  };
  const pushLeft = (token: TopLevelToken) => {
    trimNext = false;
    out.push(source(text, token));
    lastIsSource = false;
  };
  /** The index of the tag closing the block opened at `start` (nested blocks of the same name counted). */
  const closing = (start: number, name: string): number => {
    let depth = 0;
    for (let i = start + 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (!isTagToken(token)) continue;
      if (token.name === name) depth++;
      if (token.name === `end${name}`) {
        if (depth === 0) return i;
        depth--;
      }
    }
    return -1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    if (!isTagToken(token) && !isOutputToken(token)) {
      pushSource(source(text, token));
      continue;
    }
    if (isTagToken(token) && token.name === 'raw') {
      const end = closing(i, 'raw');
      const contentEnd = end === -1 ? text.length : (tokens[end]?.begin ?? text.length);
      const content = text.slice(token.end, contentEnd);
      pushConverted(token, '');
      pushSource(content);
      const insideCode = inCode(token);
      if (!insideCode && /\{[{%]/.test(options.markdown ? maskCode(content) : content)) {
        leftover(
          token.begin,
          `the text inside {% raw %} ("${oneLine(content)}") is kept as written, but outside code the build reads its braces as leftover Liquid. Put it in \`inline code\` or a code block.`,
        );
      }
      const endToken = tokens[end];
      if (isTagToken(endToken)) pushConverted(endToken, '');
      result.converted.push({
        kind: 'converted',
        file: options.file,
        line: lineAt(token.begin),
        message: '{% raw %} … {% endraw %} unwrapped: the text inside is kept as written',
      });
      i = end === -1 ? tokens.length : end;
      continue;
    }
    if (inCode(token)) {
      pushLeft(token);
      if (!isTagToken(token)) {
        changed(
          token.begin,
          `"${oneLine(source(text, token))}" is inside code, so it is now shown as written (Jekyll showed its value). Write the value there if that is what you meant.`,
        );
      }
      continue;
    }

    // Checked as "not a tag": liquidjs's output token type is structurally wider than its tag token.
    if (!isTagToken(token)) {
      const output = token as OutputToken;
      const value = evaluateOutput(output, tokens[i + 1], text, options.scope);
      if (value.ok) {
        pushConverted(output, value.value);
        converted(output, value.value);
      } else {
        pushLeft(output);
        leftover(output.begin, `"${oneLine(source(text, output))}" is left as written: ${value.message}`);
      }
      continue;
    }
    const tag = token;
    const written = oneLine(source(text, tag));
    switch (tag.name) {
      case 'comment': {
        const end = closing(i, 'comment');
        if (end === -1) {
          pushLeft(tag);
          leftover(tag.begin, `"${written}" has no {% endcomment %}. Close it or remove it.`);
          break;
        }
        pushConverted(tag, '');
        const endTag = tokens[end];
        if (isTagToken(endTag)) pushConverted(endTag, '');
        changed(tag.begin, 'a {% comment %} block is removed (Jekyll showed nothing for it).');
        i = end;
        break;
      }
      case 'highlight': {
        const end = closing(i, 'highlight');
        if (end === -1) {
          pushLeft(tag);
          leftover(tag.begin, `"${written}" has no {% endhighlight %}. Close it, or write the code as a fenced code block.`);
          break;
        }
        const endTag = tokens[end] as TagToken;
        // Raw tags inside are unwrapped; any other Liquid is now shown as code.
        let code = '';
        for (let j = i + 1; j < end; j++) {
          const inner = tokens[j];
          if (isTagToken(inner) && (inner.name === 'raw' || inner.name === 'endraw')) continue;
          if (inner) code += source(text, inner);
        }
        code = code.replace(/^\s*\n/, '').replace(/\s+$/, '');
        const language = /^(\S+)/.exec(tag.args.trim())?.[1] ?? '';
        const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
        const fence = '`'.repeat(longest + 1);
        const lineStart = text.lastIndexOf('\n', tag.begin - 1) + 1;
        const before = text.slice(lineStart, tag.begin);
        const indent = /^[ \t]*$/.test(before) ? before : '';
        const after = text.slice(endTag.end, text.indexOf('\n', endTag.end) === -1 ? text.length : text.indexOf('\n', endTag.end));
        const block = `${indent === '' && before !== '' ? '\n\n' : ''}${fence}${language}\n${code}\n${indent}${fence}${after.trim() === '' ? '' : '\n\n'}`;
        pushConverted(tag, block);
        trimNext = endTag.trimRight;
        changed(tag.begin, `"${written}" … {% endhighlight %} is now a fenced code block.`);
        i = end;
        break;
      }
      case 'link':
      case 'post_url': {
        const argument = tag.args.trim().replace(/^["']|["']$/g, '');
        if (/\{\{|\s/.test(argument)) {
          pushLeft(tag);
          leftover(tag.begin, `"${written}" is left as written: its target is computed by Liquid. Link to the page's address instead, like "/work/acme".`);
          break;
        }
        const found = tag.name === 'link' ? options.link(argument) : options.postUrl(argument);
        if (found.ok) {
          pushConverted(tag, found.value);
          converted(tag, found.value);
        } else if (found.refused) {
          pushLeft(tag);
          result.refusals.push({ path: `${options.file} line ${lineAt(tag.begin)}`, message: found.message });
        } else {
          pushLeft(tag);
          leftover(tag.begin, `"${written}" is left as written: ${found.message}`);
        }
        break;
      }
      case 'include':
      case 'include_relative': {
        const inlined = inlineInclude(tag, options);
        result.refusals.push(...inlined.refusals.map((refusal) => ({ ...refusal, path: refusal.path || `${options.file} line ${lineAt(tag.begin)}` })));
        if (inlined.ok) {
          pushConverted(tag, inlined.text);
          result.converted.push({
            kind: 'converted',
            file: options.file,
            line: lineAt(tag.begin),
            message: `"${written}" -> the text of ${inlined.inlined[0] ?? 'the include'}, inlined`,
          });
          result.inlined.push(...inlined.inlined);
        } else {
          pushLeft(tag);
          if (inlined.refusals.length === 0) leftover(tag.begin, `"${written}" is left as written: ${inlined.message}`);
        }
        break;
      }
      default: {
        pushLeft(tag);
        const message = tagAdvice(tag.name);
        if (message) leftover(tag.begin, `"${written}" is left as written: ${message}`);
      }
    }
  }
  result.text = out.join('');
  return result;
}

/** What to do about a tag the importer does not run; undefined for the tags that close or continue a block. */
function tagAdvice(name: string): string | undefined {
  if (/^end/.test(name) || ['else', 'elsif', 'when'].includes(name)) return undefined;
  if (['if', 'unless', 'case'].includes(name)) return 'this site does not run Liquid. Keep the part you want, without the tags.';
  if (['for', 'tablerow', 'cycle'].includes(name)) return 'this site does not run Liquid loops. Write out what it listed (or keep the list in a data file).';
  if (['assign', 'capture', 'increment', 'decrement'].includes(name))
    return 'it sets a Liquid variable, and this site does not run Liquid. Write the text where it was used and delete the tag.';
  return `"${name}" is a tag of Jekyll or one of its plugins, which this site does not run. Replace it with the HTML it produced, or a link.`;
}

/** Evaluates `{{ … }}` against the scope, when every part of it is known. */
function evaluateOutput(token: OutputToken, next: TopLevelToken | undefined, text: string, scope: LiquidScope): Lookup {
  const expression = token.content.trim();
  const [value = '', ...filters] = splitFilters(expression);
  // `{{ site.url }}/x` and `{{ site.url }}{{ site.baseurl }}/x` are links: written from the root, the build adds the rest.
  if (value === 'site.url' && filters.length === 0) {
    const after = next ? text.slice(next.begin, next.end) : '';
    if (after.startsWith('/') || (isOutputToken(next) && /^\s*site\.baseurl\s*$/.test(next.content))) return { ok: true, value: '' };
  }
  const names = filters.map((filter) => /^([\w-]+)/.exec(filter)?.[1] ?? filter);
  const unsafe = names.find((name) => !SAFE_FILTERS.has(name));
  if (unsafe !== undefined) return { ok: false, message: `the importer does not run the "${unsafe}" filter. Write the text it showed.` };
  const liquid = names.includes('default') ? lenient : engine;
  let base: unknown;
  try {
    base = liquid.evalValueSync(value, scope);
  } catch {
    const variable = /^[\w.[\]"' -]+$/.test(value) ? value : 'a value';
    return {
      ok: false,
      message: `${variable} is not set anywhere the importer can see (it may come from the theme or a plugin). Write the text it showed, or remove it.`,
    };
  }
  if (filters.length === 0 && base !== null && typeof base === 'object') {
    return { ok: false, message: 'it is a list or a group of settings, not text. Write the text it showed.' };
  }
  try {
    return { ok: true, value: liquid.parseAndRenderSync(`{{ ${expression} }}`, scope) };
  } catch (error) {
    return {
      ok: false,
      message: `it cannot be worked out here (${error instanceof Error ? error.message.replace(/, line:\d+, col:\d+$/, '') : String(error)}). Write the text it showed.`,
    };
  }
}

interface Inlined {
  ok: boolean;
  text: string;
  message: string;
  refusals: Refusal[];
  inlined: string[];
}

/** Jekyll's include arguments: a file name, then `key="text"`, `key='text'` or `key=variable`. */
export function parseIncludeArguments(args: string): { name: string; params: [string, string, 'text' | 'variable'][] } | undefined {
  const match = /^\s*("[^"]+"|'[^']+'|[^\s{}]+)\s*(.*)$/s.exec(args);
  if (!match) return undefined;
  const name = (match[1] ?? '').replace(/^["']|["']$/g, '');
  const params: [string, string, 'text' | 'variable'][] = [];
  let rest = match[2] ?? '';
  const param = /^\s*([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([\w.[\]"'-]+))\s*/s;
  while (rest.trim() !== '') {
    const found = param.exec(rest);
    if (!found) return undefined;
    if (found[4] !== undefined) params.push([found[1] ?? '', found[4], 'variable']);
    else params.push([found[1] ?? '', found[2] ?? found[3] ?? '', 'text']);
    rest = rest.slice(found[0].length);
  }
  return { name, params };
}

function inlineInclude(tag: TagToken, options: LiquidOptions): Inlined {
  const failed = (message: string, refusals: Refusal[] = []): Inlined => ({ ok: false, text: '', message, refusals, inlined: [] });
  if ((options.depth ?? 0) > 8) return failed('includes nest more than 8 deep (an include that includes itself?). Paste the HTML it produced.');
  const parsed = parseIncludeArguments(tag.args);
  if (!parsed || /\{\{/.test(tag.args)) return failed('its file name or parameters are computed by Liquid. Paste the HTML it produced.');
  const relative = tag.name === 'include_relative';
  const found = options.include(parsed.name, relative, options.file);
  if (!found.ok) {
    return found.refused ? failed(found.message, [{ path: '', message: found.message }]) : failed(found.message);
  }
  const params: Record<string, unknown> = {};
  for (const [key, value, kind] of parsed.params) {
    if (kind === 'text') {
      params[key] = value;
      continue;
    }
    try {
      params[key] = engine.evalValueSync(value, options.scope);
    } catch {
      return failed(`its parameter ${key}=${value} is not set anywhere the importer can see. Paste the HTML it produced.`);
    }
  }
  const inner = convertLiquid(found.file.text, {
    ...options,
    file: found.file.path,
    firstLine: 1,
    markdown: false,
    scope: { ...options.scope, include: params },
    depth: (options.depth ?? 0) + 1,
  });
  if (inner.refusals.length > 0) return failed('it reaches outside the Jekyll folder.', inner.refusals);
  const first = inner.leftovers[0];
  if (first) {
    const what = /^"([^"]*)"/.exec(first.message)?.[1] ?? 'Liquid';
    return failed(
      `${found.file.path} has "${what}" (its line ${first.line ?? 1}), which the importer cannot run. Paste the HTML it produced, or simplify the include and run the import again.`,
    );
  }
  return { ok: true, text: inner.text.replace(/\n$/, ''), message: '', refusals: [], inlined: [found.file.path, ...inner.inlined] };
}
