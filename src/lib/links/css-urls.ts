/**
 * The URLs a piece of CSS fetches, read with the CSS Syntax tokenizer's rules
 * (https://www.w3.org/TR/css-syntax-3/#tokenization), not with a pattern: `url(x)`, `url("x")`,
 * `src("x")`, `@import "x"`, the strings of `image-set()`, and the same names written with escapes
 * (`u\72l(x)` is `url(x)`) or inside comments (which hide them). Only what the link check needs:
 * every other token is skipped.
 */

const isNameStart = (c: string) => /[A-Za-z_\u0080-\uFFFF]/.test(c);
const isName = (c: string) => /[A-Za-z0-9_\-\u0080-\uFFFF]/.test(c);
const isHex = (c: string) => /[0-9A-Fa-f]/.test(c);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** Texts already read: every page carries the site's one stylesheet. */
const memo = new Map<string, string[]>();

/** Every URL the CSS fetches, in order. */
export function cssUrls(css: string): string[] {
  // A URL needs `url(`, `src(`, `image-set(` or `@import` written out, or an escape standing for them.
  if (!/url|src|image-set|import|\\/i.test(css)) return [];
  const known = memo.get(css);
  if (known) return known;
  const urls = readCss(css).map((span) => span.url);
  if (memo.size > 1000) memo.clear();
  memo.set(css, urls);
  return urls;
}

/** One URL the CSS fetches, with where its address is written: `start` to `end` in the text, inside its quotes or `url(` … `)`. */
export interface CssUrlSpan {
  url: string;
  start: number;
  end: number;
}

/** Every URL the CSS fetches, in order, with where each is written: for changing one address and nothing else. */
export function cssUrlSpans(css: string): CssUrlSpan[] {
  if (!/url|src|image-set|import|\\/i.test(css)) return [];
  return readCss(css);
}

function readCss(css: string): CssUrlSpan[] {
  const urls: CssUrlSpan[] = [];
  let i = 0;
  /** The function or at-rule whose strings are URLs, with the depth of parentheses it opened at. */
  const urlContexts: number[] = [];
  let depth = 0;
  let importPending = false;

  /** An escape after `\`, at `i` pointing past the backslash. */
  const consumeEscape = (): string => {
    const c = css[i];
    if (c === undefined) return '\uFFFD';
    if (isHex(c)) {
      let hex = '';
      while (hex.length < 6 && i < css.length && isHex(css[i] ?? '')) hex += css[i++];
      if (isSpace(css[i])) i++;
      const code = parseInt(hex, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
    }
    i++;
    return c;
  };
  const validEscape = (at: number) => css[at] === '\\' && css[at + 1] !== '\n' && css[at + 1] !== undefined;
  const startsName = (at: number) => {
    const c = css[at] ?? '';
    if (isNameStart(c)) return true;
    if (c === '-') return isNameStart(css[at + 1] ?? '') || css[at + 1] === '-' || validEscape(at + 1);
    return validEscape(at);
  };
  const consumeName = (): string => {
    let name = '';
    for (;;) {
      const c = css[i];
      if (c !== undefined && isName(c)) {
        name += c;
        i++;
      } else if (validEscape(i)) {
        i++;
        name += consumeEscape();
      } else {
        return name;
      }
    }
  };
  /** Where the last string or unquoted URL read ended, before its closing quote or `)`. */
  let end = 0;
  const consumeString = (quote: string): string => {
    let value = '';
    while (i < css.length) {
      const c = css[i++] as string;
      end = i - 1;
      if (c === quote) return value;
      if (c === '\n') return value; // a bad string: it ends here
      if (c === '\\') {
        if (css[i] === '\n') i++;
        else if (i < css.length) value += consumeEscape();
      } else {
        value += c;
      }
    }
    end = css.length;
    return value;
  };
  /** The rest of an unquoted `url(`, after its opening parenthesis and leading whitespace. */
  const consumeUrl = (): string => {
    let value = '';
    while (i < css.length) {
      const c = css[i++] as string;
      end = i - 1;
      if (c === ')') return value;
      if (isSpace(c)) {
        while (isSpace(css[i])) i++;
        if (css[i] === ')' || i >= css.length) {
          i++;
          return value;
        }
        // A bad url: skip to its end.
        while (i < css.length && css[i] !== ')') i += css[i] === '\\' ? 2 : 1;
        i++;
        return value;
      }
      if (c === '\\' && validEscape(i - 1)) value += consumeEscape();
      else value += c;
    }
    end = css.length;
    return value;
  };

  while (i < css.length) {
    const c = css[i] as string;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? css.length : end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      const start = i;
      const value = consumeString(c);
      if (importPending || urlContexts.length > 0) urls.push({ url: value, start, end });
      importPending = false;
      continue;
    }
    if (c === '@' && startsName(i + 1)) {
      i++;
      importPending = consumeName().toLowerCase() === 'import';
      continue;
    }
    if (startsName(i)) {
      const name = consumeName().toLowerCase();
      if (css[i] === '(') {
        i++;
        if (name === 'url') {
          while (isSpace(css[i])) i++;
          if (css[i] !== '"' && css[i] !== "'") {
            const start = i;
            const value = consumeUrl();
            urls.push({ url: value, start, end });
            importPending = false;
            continue;
          }
        }
        depth++;
        if (name === 'url' || name === 'src' || name === 'image-set' || name === '-webkit-image-set') urlContexts.push(depth);
        continue;
      }
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (urlContexts.at(-1) === depth) urlContexts.pop();
      depth = Math.max(0, depth - 1);
    } else if (c === ';' || c === '{') importPending = false;
    else if (c === '\\' && validEscape(i)) {
      // An escape that starts no name is a delimiter.
    }
    i++;
  }
  return urls;
}
