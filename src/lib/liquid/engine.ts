/**
 * The one Liquid engine of the build: liquidjs set up as Jekyll 4.3 runs Liquid
 * (https://jekyllrb.com/docs/configuration/liquid/): variables lax (an unknown one is empty, as
 * Jekyll's default `strict_variables: false`), `include` with Jekyll's parameters, `where` matching
 * inside lists, and Jekyll's own filters and tags from the tables in filters.ts and tags.ts. Unlike
 * Jekyll's default `error_mode: warn`, an unknown filter or tag and a syntax error fail the build:
 * Jekyll would print a warning and publish a page with a hole in it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Liquid, LiquidError, type FS } from 'liquidjs';
import type { Problem } from '../errors.ts';
import { dateFilters, printed } from './dates.ts';
import { INCLUDES_DIR } from './includes-dir.ts';
import { JEKYLL_FILTERS, type FilterSite } from './filters.ts';
import { JEKYLL_TAGS, type TagSite } from './tags.ts';

export interface EngineOptions extends FilterSite, TagSite {
  /** The project's root folder. */
  root: string;
  /**
   * The time zone dates are read and shown in, as Jekyll's `timezone` (the site config's
   * `posts.timezone`); UTC without one, whatever the machine's zone.
   */
  timezone?: string | undefined;
  /**
   * Where `include` reads instead of the project's includes folder on disk: the importer runs a
   * Jekyll site's stylesheets with that site's `_includes/`, read through its own file list.
   */
  includes?: { folder: string; fs: FS } | undefined;
}

/**
 * The files Liquid may read: the includes folder for `include`, and the project's `src/` for
 * `include_relative` (a file beside the page that names it). Nothing outside the project.
 */
function projectFs(root: string) {
  const within = (folder: string, file: string) => {
    const path = relative(folder, file);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path);
  };
  const allowed = (file: string) => within(resolve(root, 'src'), file);
  return {
    exists: async (file: string) => existsSync(file) && statSync(file).isFile(),
    existsSync: (file: string) => existsSync(file) && statSync(file).isFile(),
    readFile: async (file: string) => readFileSync(file, 'utf8'),
    readFileSync: (file: string) => readFileSync(file, 'utf8'),
    resolve: (folder: string, file: string) => resolve(folder, file),
    contains: async (_folder: string, file: string) => allowed(file),
    containsSync: (_folder: string, file: string) => allowed(file),
    dirname,
    sep,
  };
}

/** A Liquid engine for one site. */
export function createEngine(options: EngineOptions): Liquid {
  const includes = options.includes?.folder ?? resolve(options.root, INCLUDES_DIR);
  const timeZone = options.timezone || 'UTC';
  const engine = new Liquid({
    root: [includes],
    partials: [includes],
    extname: '',
    fs: options.includes?.fs ?? projectFs(options.root),
    jekyllInclude: true,
    jekyllWhere: true,
    strictFilters: true,
    strictVariables: false,
    // Only a value's own keys are read: `{{ page.constructor }}` is empty, as in Ruby.
    ownPropertyOnly: true,
    // Includes are read once per build; `astro dev` makes a new engine when they change.
    cache: true,
    // `{{ page.date }}` prints as Ruby prints a Time, in the site's zone; `| raw` skips this as any escape.
    outputEscape: (value: unknown) => printed(value, timeZone),
  });
  for (const [name, make] of Object.entries(JEKYLL_FILTERS)) engine.registerFilter(name, make(options));
  // liquidjs's date filters read a text in the machine's zone: these read it in the site's (dates.ts).
  for (const [name, filter] of Object.entries(dateFilters(timeZone))) engine.registerFilter(name, filter);
  for (const [name, make] of Object.entries(JEKYLL_TAGS)) engine.registerTag(name, make(options));
  return engine;
}

export interface RenderInput {
  /** The page's file, relative to the project root: `src/content/pages/publications.md`. */
  file: string;
  /** The 1-based line of the file the body starts on. */
  bodyLine: number;
  body: string;
  /** The variables: `site`, `page`, and `paginator` where there is one. */
  scope: Record<string, unknown>;
}

export type RenderResult = { ok: true; text: string } | { ok: false; problem: Problem };

/** What a liquidjs message means, said as the owner can act on it. */
function explain(message: string): string {
  const filter = /^undefined filter: (\S+)/.exec(message);
  if (filter) return `"${filter[1]}" is not a Liquid filter this site knows (Liquid's own and Jekyll's are). Remove it, or write the text it made.`;
  const tag = /^tag "?([^"\s]+)"? not found/.exec(message);
  if (tag) return `{% ${tag[1]} %} is not a Liquid tag this site knows (Liquid's own and Jekyll's are). Remove it, or write the text it made.`;
  if (/^Failed to lookup|ENOENT/.test(message)) {
    const name = /"([^"]+)"/.exec(message)?.[1];
    return `the file to include${name ? ` "${name}"` : ''} is not in ${INCLUDES_DIR}/ (or beside the page, for include_relative). Add it there, or remove the tag.`;
  }
  const said = message.replace(/, (?:line|file):.*$/s, '');
  // The tags' own messages already say what to do; liquidjs's say only what is wrong.
  return said.endsWith('.') ? said : `${said}. Fix the Liquid, or write "liquid: false" in the front matter to show it as written.`;
}

/** The tag or output a token is in: a part of one (an empty expression) stands for the whole. */
function constructAround(token: LiquidError['token']): string {
  const text = token.getText();
  if (/^\{[{%][\s\S]*[%}]\}$/.test(text.trim())) return text;
  const opening = Math.max(token.input.lastIndexOf('{%', token.begin), token.input.lastIndexOf('{{', token.begin));
  if (opening === -1) return text;
  const closer = token.input.startsWith('{%', opening) ? '%}' : '}}';
  const closing = token.input.indexOf(closer, token.begin);
  return closing === -1 ? token.input.slice(opening, opening + 40) : token.input.slice(opening, closing + 2);
}

/** A liquidjs error as the one problem it is: the file, the line, the construct and what to do. */
export function liquidProblem(error: unknown, input: Pick<RenderInput, 'file' | 'bodyLine'>, root: string): Problem {
  if (!LiquidError.is(error))
    return { file: input.file, field: 'Liquid', line: input.bodyLine, message: explain(error instanceof Error ? error.message : String(error)) };
  // The innermost error names the construct that failed, inside an include if that is where it was.
  let inner: LiquidError = error;
  for (let next = (inner as { originalError?: unknown }).originalError; LiquidError.is(next); next = (inner as { originalError?: unknown }).originalError)
    inner = next;
  const errors = (inner as { errors?: unknown[] }).errors;
  if (Array.isArray(errors) && LiquidError.is(errors[0])) inner = errors[0];
  const token = inner.token;
  const [line = 1] = token.getPosition();
  const construct = constructAround(token).replace(/\s+/g, ' ').trim();
  const original = (inner as { originalError?: unknown }).originalError;
  const message = explain(original instanceof Error ? original.message : inner.message);
  const inInclude = token.file !== undefined && resolve(root, input.file) !== token.file;
  return {
    file: inInclude
      ? relative(root, token.file as string)
          .split(sep)
          .join('/')
      : input.file,
    field: `Liquid ${construct.length > 60 ? `${construct.slice(0, 57)}...` : construct}`,
    line: inInclude ? line : input.bodyLine + line - 1,
    message: inInclude ? `${message} (included from ${input.file})` : message,
  };
}

/** Runs a body's Liquid: its text for the Markdown step, or the problem that fails the build. */
export function renderLiquid(engine: Liquid, input: RenderInput, root: string): RenderResult {
  try {
    const templates = engine.parse(input.body, resolve(root, input.file));
    return { ok: true, text: String(engine.renderSync(templates, input.scope)) };
  } catch (error) {
    return { ok: false, problem: liquidProblem(error, input, root) };
  }
}
