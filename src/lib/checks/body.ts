/**
 * Checks of an entry's body text: Liquid left over from the Jekyll site, and anything that would run
 * JavaScript on a site that promises none. Code blocks and inline code are skipped: showing
 * `{{ site.baseurl }}` or `<script>` as code is fine.
 */

export interface BodyProblem {
  field: 'body';
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export interface BodyCheckOptions {
  /** The 1-based line of the file the body starts on. */
  bodyLine: number;
  /** The permalink of another entry, found by its file name (`gt.md`), for `{% link %}` fixes. */
  permalinkOfFile?: ((fileName: string) => string | undefined) | undefined;
}

/** Replaces fenced code blocks and inline code with spaces, keeping every offset and line. */
export function maskCode(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return body
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, blank)
    // Inline code ends at the matching backtick run and, like a paragraph, never crosses a blank line:
    // a stray apostrophe-backtick must not hide the rest of the entry from the checks.
    .replace(/(`+)(?!`)(?:(?!\n[ \t]*\n)[^`]|`(?!\1))*?[^`\n]?\1(?!`)/g, blank);
}

const ROOT_PATH = /^\/[^\s)"'<>]*/;

/** The Markdown to write instead of one piece of Liquid. */
function liquidFix(liquid: string, after: string, options: BodyCheckOptions): string {
  const output = /^\{\{-?\s*(.*?)\s*-?\}\}$/s.exec(liquid)?.[1];
  if (output !== undefined) {
    if (/^site\.(baseurl|url)$/.test(output)) {
      // A sentence's closing punctuation after the link is not part of the path.
      const path = ROOT_PATH.exec(after)?.[0]?.replace(/[.,;:!?]+$/, '');
      return path
        ? `Write the link from the site root instead: "${path}". The build adds the base path.`
        : 'Remove it and write links from the site root, like "/work/gt". The build adds the base path.';
    }
    const filtered = /^["']([^"']+)["']\s*\|\s*(relative_url|absolute_url)$/.exec(output);
    if (filtered) return `Write "${filtered[1]}" instead. The build adds the base path.`;
    return 'Liquid is not processed here: write the text itself.';
  }
  const tag = /^\{%-?\s*(\w+)\s*(.*?)\s*-?%\}$/s.exec(liquid);
  const [, name = '', argument = ''] = tag ?? [];
  switch (name) {
    case 'link': {
      const fileName = argument.split('/').pop() ?? argument;
      const permalink = options.permalinkOfFile?.(fileName);
      return permalink
        ? `Link to the page's permalink instead: "${permalink}".`
        : `Link to the page's permalink instead, like "/work/gt".`;
    }
    case 'post_url':
      return `Link to the page's permalink instead, like "/work/gt".`;
    case 'include':
      return 'Paste the included text here, or rename the entry to .mdx and import a component.';
    case 'raw':
    case 'endraw':
      return 'Remove {% raw %} and {% endraw %}: nothing is processed here. To show braces as text, put them in `code`.';
    default:
      return 'Liquid is not processed here: write the plain Markdown it produced.';
  }
}

/** Every problem in a body, in order. */
export function checkBody(body: string, options: BodyCheckOptions): BodyProblem[] {
  const text = maskCode(body);
  const problems: { index: number; message: string }[] = [];
  const lineAt = (index: number) => options.bodyLine + (text.slice(0, index).match(/\n/g)?.length ?? 0);

  for (const match of text.matchAll(/\{\{-?[\s\S]*?-?\}\}|\{%-?[\s\S]*?-?%\}/g)) {
    const liquid = match[0];
    const after = text.slice(match.index + liquid.length);
    problems.push({
      index: match.index,
      message: `Jekyll Liquid "${liquid.replace(/\s+/g, ' ')}" is left in the text. ${liquidFix(liquid, after, options)}`,
    });
  }
  for (const match of text.matchAll(/<script\b/gi)) {
    problems.push({
      index: match.index,
      message: 'a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.',
    });
  }
  for (const match of text.matchAll(/<[A-Za-z][^>]*?\s(on[a-z]+)\s*=/gi)) {
    problems.push({
      index: match.index,
      message: `the ${match[1]} attribute would run JavaScript, and the site ships none. Remove the attribute.`,
    });
  }
  for (const match of text.matchAll(/(\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*["'{]?\s*)javascript:/gi)) {
    problems.push({
      index: match.index,
      message: 'a "javascript:" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.',
    });
  }
  return problems
    .sort((a, b) => a.index - b.index)
    .map(({ index, message }) => ({ field: 'body', line: lineAt(index), message }));
}
