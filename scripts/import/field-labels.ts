/**
 * The words a theme layout printed with a page's field, read from the layout's own Liquid and HTML:
 * `<p>Published in <i>{{ page.venue }}</i></p>` labels `venue` "Published in", and
 * `<a href="{{ page.paperurl }}">Download paper here</a>` labels `paperurl` "Download paper here". The
 * page then shows the field under the layout's words rather than a generic name (`show:` items
 * `{venue: Published in}`).
 */
import { Parser } from 'htmlparser2';
import { Liquid, Tokenizer, TypeGuards, type TagToken } from 'liquidjs';
import { layoutChain, loopOverPage, type LayoutFiles } from './layouts.ts';
import { fieldLabel, type ShowAs } from '../../src/lib/html/shown-fields.ts';
import { BLOCK_ELEMENTS } from '../../src/lib/html/blocks.ts';

const parser = new Liquid();

/** Elements that end a run of text: a label is the text of its own block, before the field. */
const BLOCKS = new Set([...BLOCK_ELEMENTS, 'body', 'head', 'html', 'title']);

/** Stands in for the output numbered `n` in the HTML read by the parser; private-use characters a layout does not contain. */
const mark = (n: number) => `\uE000${n}\uE001`;
const MARK = /\uE000(\d+)\uE001/g;
/** Left in a block's text where an output was: a label is only the text before the block's first output. */
const OUTPUT = '\uE002';

/** The format of a `| date: "%B %d, %Y"` filter on one `{{ … }}`, read from its syntax tree. */
export function dateFormat(output: string): string | undefined {
  try {
    const [node] = parser.parse(output);
    const filters = (node as { value?: { filters?: { name: string; args: unknown[] }[] } } | undefined)?.value?.filters ?? [];
    const arg = filters.find((filter) => filter.name === 'date')?.args[0];
    return TypeGuards.isQuotedToken(arg) ? arg.content : undefined;
  } catch {
    return undefined;
  }
}

/** The `page.<key>`s one `{{ … }}` reads, directly or through the variable of a loop over one (`loops`). */
function pageKeys(output: string, loops: readonly [string, string][]): string[] {
  try {
    const variables = parser.analyzeSync(parser.parse(output)).variables as Record<string, { segments: unknown[] }[]>;
    const keys = (variables['page'] ?? []).map((variable) => variable.segments[1]);
    for (const [variable, key] of loops) if (variables[variable]?.length) keys.push(key);
    return keys.filter((key): key is string => typeof key === 'string');
  } catch {
    return [];
  }
}

/** A run of the layout's text as a label: its words, without the colon before the value. */
function asLabel(text: string): string | undefined {
  if (text.includes(OUTPUT) || text.includes('\uE000')) return undefined;
  const label = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:–—-]$/, '')
    .trim();
  return /\p{L}/u.test(label) && label.length <= 60 ? label : undefined;
}

/**
 * Each printed `page.<key>` with the words its layout (or a layout it sits in) wrote with it: the text
 * of the same block before it, or the text of the link whose address it is. A field printed after
 * another one in its block, or with no words of its own, has none. The first label of a key wins.
 */
export function fieldLabels(name: string, files: LayoutFiles): Map<string, string> {
  return new Map([...shownAs(name, files)].flatMap(([key, how]) => (how.label === undefined ? [] : [[key, how.label] as const])));
}

/** Each printed `page.<key>` with its label (see `fieldLabels`) and the date format it was printed with, where it had them. */
export function shownAs(name: string, files: LayoutFiles): Map<string, ShowAs> {
  const labels = new Map<string, string>();
  const formats = new Map<string, string>();
  for (const text of layoutChain(name, files)) {
    let tokens;
    try {
      tokens = new Tokenizer(text).readTopLevelTokens();
    } catch {
      continue;
    }
    const keys: string[][] = [];
    // The loops open at each point, innermost last: `{% for tag in page.tags %}` is ["tag", "tags"].
    const loops: ([string, string] | undefined)[] = [];
    let html = '';
    for (const token of tokens) {
      if (TypeGuards.isOutputToken(token)) {
        const output = text.slice(token.begin, token.end);
        keys.push(
          pageKeys(
            output,
            loops.filter((loop) => loop !== undefined),
          ),
        );
        const format = dateFormat(output);
        if (format !== undefined) for (const key of keys.at(-1) ?? []) if (!formats.has(key)) formats.set(key, format);
        html += mark(keys.length - 1);
      } else if (TypeGuards.isHTMLToken(token)) html += text.slice(token.begin, token.end);
      else if (TypeGuards.isTagToken(token as unknown)) {
        // A tag (`{% if page.venue %}`) writes no words of its own.
        const tag = token as unknown as TagToken;
        if (tag.name === 'for') {
          const [, variable = '', collection = ''] = /^\s*(\w+)\s+in\s+(\S+)/.exec(tag.args) ?? [];
          loops.push(loopOverPage(variable, collection));
        } else if (tag.name === 'endfor') loops.pop();
      }
    }
    const label = (index: number, words: string) => {
      const found = asLabel(words);
      if (found === undefined) return;
      for (const key of keys[index] ?? []) if (!labels.has(key)) labels.set(key, found);
    };
    let block = '';
    let link: { outputs: number[]; text: string } | undefined;
    const reader = new Parser(
      {
        onopentag(tag, attributes) {
          if (BLOCKS.has(tag)) block = '';
          if (tag === 'a') link = { outputs: [...(attributes['href'] ?? '').matchAll(MARK)].map((match) => Number(match[1])), text: '' };
        },
        onclosetag(tag) {
          if (BLOCKS.has(tag)) block = '';
          if (tag === 'a' && link) {
            for (const index of link.outputs) label(index, link.text);
            link = undefined;
          }
        },
        ontext(chunk) {
          let last = 0;
          for (const match of chunk.matchAll(MARK)) {
            const before = chunk.slice(last, match.index);
            block += before;
            if (link) link.text += before;
            if (!link) label(Number(match[1]), block);
            block += OUTPUT;
            if (link) link.text += OUTPUT;
            last = match.index + match[0].length;
          }
          block += chunk.slice(last);
          if (link) link.text += chunk.slice(last);
        },
      },
      { decodeEntities: true },
    );
    reader.write(html);
    reader.end();
  }
  const shown = new Map<string, ShowAs>();
  for (const key of new Set([...labels.keys(), ...formats.keys()])) shown.set(key, { label: labels.get(key), format: formats.get(key) });
  return shown;
}

/**
 * `show:` items for the fields `keys` a layout printed: each under the words the layout printed with
 * it, when they are not the name it would get anyway, and a date as the layout printed it (`%B %d, %Y`).
 */
export function showItems(name: string, files: LayoutFiles, keys: readonly string[]): (string | Record<string, string | { label?: string; format: string }>)[] {
  const how = shownAs(name, files);
  return keys.map((key) => {
    const { label: printed, format } = how.get(key) ?? {};
    const label = printed === fieldLabel(key) ? undefined : printed;
    if (format !== undefined) return { [key]: label === undefined ? { format } : { label, format } };
    return label === undefined ? key : { [key]: label };
  });
}
