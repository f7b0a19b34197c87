/**
 * Checks of an entry's body text: Liquid left over from the Jekyll site, and anything that would run
 * JavaScript on a site that promises none. Code blocks and inline code are skipped: showing
 * `{{ site.baseurl }}` or `<script>` as code is fine.
 *
 * The body is read by Sätteri, the parser that renders the page, so what counts as code here is
 * exactly what is shown as code (a backtick in a fence's info string makes no fence; indented code
 * is code; a stray backtick is text). Raw HTML is judged by rendering the body and parsing the result
 * as a browser would (src/lib/links/html.ts): a comment like `<!-->` or a `>` inside quotes reads the
 * same way here as on the page.
 */
import { markdownToHtml, markdownToMdast, mdxToMdast } from 'satteri';
import {
  elements,
  javaScriptIn,
  javaScriptOnElement,
  parseHtmlFragment,
  parserDisagreements,
  scriptingScheme,
  type Attribute,
  type JavaScriptOnElement,
  type Namespace,
} from '../links/html.ts';
import { lookupTable } from '../lookup.ts';
import { consentAdvice, consented, MARKDOWN_FEATURES, scriptsIn } from './script-consent.ts';

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
  /**
   * The address of a post, found by the name `{% post_url %}` gives it (`2019-06-01-kinesis`, or
   * `category/2019-06-01-kinesis`), for `{% post_url %}` fixes; `undefined` when no post has that name.
   */
  permalinkOfPost?: ((name: string) => string | undefined) | undefined;
  /** The page's consent for scripts (`scripts:` in its front matter): the `<script>` elements allowed to stay. */
  scripts?: readonly string[] | undefined;
  /**
   * How the file is read: `md` (`.md`) or `mdx` (`.mdx`, where tags are JSX and `{...}` is code).
   * Without it the body is checked both ways, so nothing either reading would run slips through.
   */
  format?: 'md' | 'mdx' | undefined;
  /**
   * Braces are text, not Liquid left over: the body is what the page's Liquid wrote (a `{% raw %}`
   * shows braces), or the page says `liquid: false`.
   */
  bracesAreText?: boolean | undefined;
}

/** The parser features the site renders with: Astro's defaults, GFM and smart punctuation. */
const FEATURES = MARKDOWN_FEATURES;

/** The part of an mdast node the checks read (Sätteri's nodes, as plain data). */
interface TreeNode {
  type: string;
  value?: string | null;
  url?: string;
  name?: string | null;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
  children?: readonly TreeNode[];
  position?: { start: { line: number; offset?: number | undefined }; end: { line: number; offset?: number | undefined } } | undefined;
}

/** Something found in the body: where (offset and 1-based line within the body) and what to say. */
interface Finding {
  offset: number;
  line: number;
  message: string;
  /** A tag left open by raw HTML, rather than script seen. */
  unfinished?: boolean;
}

const UNFINISHED_TAG =
  'this HTML tag is never finished (a closing quote or ">" is missing), so the Markdown after it becomes part of the tag, where it could run JavaScript, and the site ships none. Finish the tag.';

function parseBody(body: string, format: 'md' | 'mdx'): TreeNode {
  const options = { features: FEATURES, position: true };
  return (format === 'mdx' ? mdxToMdast(body, options) : markdownToMdast(body, options)) as unknown as TreeNode;
}

/** The MDX tree of a body, or `undefined` when it is not valid MDX (the build reports that itself). */
function parseMdx(body: string): TreeNode | undefined {
  try {
    return parseBody(body, 'mdx');
  } catch {
    return undefined;
  }
}

/** Every node below `root`, in document order. */
function* walk(root: TreeNode): Generator<TreeNode> {
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    yield node;
    const children = node.children ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as TreeNode);
  }
}

const startOf = (node: TreeNode) => ({ offset: node.position?.start.offset ?? 0, line: node.position?.start.line ?? 1 });

/** `body` with every code block and inline code blanked to spaces, keeping every offset and line. */
function blankCode(body: string, tree: TreeNode): string {
  let masked = body;
  for (const node of walk(tree)) {
    if (node.type !== 'code' && node.type !== 'inlineCode') continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    masked = masked.slice(0, start) + masked.slice(start, end).replace(/[^\n]/g, ' ') + masked.slice(end);
  }
  return masked;
}

/** Replaces fenced and indented code blocks and inline code with spaces, keeping every offset and line: what Sätteri reads as code. */
export function maskCode(body: string, format: 'md' | 'mdx' = 'md'): string {
  return blankCode(body, (format === 'mdx' ? parseMdx(body) : undefined) ?? parseBody(body, 'md'));
}

const ROOT_PATH = /^\/[^\s)"'<>]*/;
const LIQUID = /\{\{-?[\s\S]*?-?\}\}|\{%-?[\s\S]*?-?%\}/g;

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
      return permalink ? `Link to the page's permalink instead: "${permalink}".` : `Link to the page's permalink instead, like "/work/gt".`;
    }
    case 'post_url': {
      if (!options.permalinkOfPost) return `Link to the post's own address instead, written from the site root.`;
      const permalink = options.permalinkOfPost(argument);
      return permalink
        ? `Link to the post's address instead: "${permalink}".`
        : `No post is named "${argument}": link to the post's own address instead, or remove the link.`;
    }
    case 'include':
      return 'Paste the included text here, or rename the entry to .mdx and import a component.';
    case 'raw':
    case 'endraw':
      return 'Remove {% raw %} and {% endraw %}: nothing is processed here. To show braces as text, put them in `code`.';
    default:
      return 'Liquid is not processed here: write the plain Markdown it produced.';
  }
}

/** Liquid anywhere but in code: in text, in a link's address, in raw HTML. */
function liquidFindings(body: string, tree: TreeNode, options: BodyCheckOptions): Finding[] {
  const text = blankCode(body, tree);
  return [...text.matchAll(LIQUID)].map((match) => {
    const liquid = match[0];
    const after = text.slice(match.index + liquid.length);
    return {
      offset: match.index,
      line: lineAt(body, match.index),
      message: `Jekyll Liquid "${liquid.replace(/\s+/g, ' ')}" is left in the text. ${liquidFix(liquid, after, options)}`,
    };
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** The sentence for one thing that would run JavaScript; `attribute` is its name as written. */
function javaScriptMessage(found: JavaScriptOnElement, attribute = found.attribute): string {
  switch (found.kind) {
    case 'script':
      return 'a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.';
    case 'handler':
      return `the ${attribute} attribute would run JavaScript, and the site ships none. Remove the attribute.`;
    case 'url':
      return `a "${found.scheme}" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.`;
    case 'srcdoc':
      return `the ${attribute} attribute holds a page of its own, which could run JavaScript, and the site ships none. Remove it; to show that page, link to it instead.`;
  }
}

/** Markdown links, images and link definitions whose address would run script. */
function markdownUrlFindings(tree: TreeNode): (Finding & { scheme: string })[] {
  const found: (Finding & { scheme: string })[] = [];
  for (const node of walk(tree)) {
    if ((node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') || typeof node.url !== 'string') continue;
    // A link or a definition is followed; an image is only fetched.
    const scheme = scriptingScheme(node.url, node.type !== 'image');
    if (scheme) found.push({ ...startOf(node), scheme, message: javaScriptMessage({ kind: 'url', what: `${scheme} link`, scheme }) });
  }
  return found;
}

/**
 * Raw HTML as the browser reads it: the body is rendered by Sätteri with the site's parser features
 * and the result parsed, so a comment or an attribute opened in one piece of raw HTML and closed in
 * another (or in the Markdown between them) is read as one. Each finding is placed on the line of
 * the raw HTML it is in, or of the raw HTML that opened the context around it. The site's plugins
 * only change attribute values; the one thing they could decide, which quote ends a tag left open,
 * is reported as a problem of its own.
 */
function rawHtmlFindings(body: string, tree: TreeNode, markdownUrls: readonly { scheme: string }[], options: BodyCheckOptions): Finding[] {
  const rawNodes = [...walk(tree)].filter((node) => node.type === 'html' && typeof node.value === 'string' && node.value !== '');
  if (rawNodes.length === 0) return [];
  const html = markdownToHtml(body, { features: FEATURES }).html;
  // Raw HTML is written to the page verbatim: find each piece there, in order.
  const segments: { start: number; end: number; node: TreeNode }[] = [];
  let cursor = 0;
  for (const node of rawNodes) {
    const value = node.value ?? '';
    const start = html.indexOf(value, cursor);
    if (start === -1) continue;
    segments.push({ start, end: start + value.length, node });
    cursor = start + value.length;
  }
  const findings: Finding[] = [];
  const at = (segment: (typeof segments)[number], offset: number): { offset: number; line: number } => {
    const start = startOf(segment.node);
    const before = (segment.node.value ?? '').slice(0, offset - segment.start);
    return { offset: start.offset + before.length, line: start.line + (before.match(/\n/g)?.length ?? 0) };
  };
  const openerOf = (offset: number) => segments.filter((segment) => segment.start <= offset).at(-1);
  const unfinished: { offset: number; line: number }[] = [];
  const fragment = parseHtmlFragment(html, {
    onParseError: (code, offset) => {
      const opener = openerOf(offset);
      if (code === 'eof-in-tag' && opener) unfinished.push(startOf(opener.node));
    },
  });
  // A tag that raw HTML leaves open swallows the Markdown after it: the page's own rendering (heading
  // ids, highlighted code) decides which quote ends it, and so what becomes an attribute.
  for (const element of elements(fragment)) {
    const tag = element.sourceCodeLocation?.startTag;
    const segment = tag ? segments.find((candidate) => candidate.start <= tag.startOffset && tag.startOffset < candidate.end) : undefined;
    if (!tag || !segment || tag.endOffset <= segment.end) continue;
    const next = segments.find((candidate) => candidate.start >= segment.end);
    if (html.slice(segment.end, Math.min(tag.endOffset, next?.start ?? Infinity)).trim() !== '') unfinished.push(at(segment, tag.startOffset));
  }
  for (const where of unfinished) findings.push({ ...where, message: UNFINISHED_TAG, unfinished: true });
  const consent = options.scripts ?? [];
  for (const found of scriptsIn(fragment, html)) {
    if (consented(found, consent)) continue;
    const inside = segments.find((segment) => segment.start <= found.offset && found.offset < segment.end);
    const message = javaScriptMessage(found, found.writtenAttribute ?? found.attribute) + consentAdvice(found, consent);
    if (inside) {
      findings.push({ ...at(inside, found.offset), message });
      continue;
    }
    // Outside raw HTML it is the Markdown's own output: a link already reported from the tree ...
    if (found.kind === 'url' && markdownUrls.some(({ scheme }) => scheme === found.scheme)) continue;
    // ... or Markdown caught in an attribute or comment that raw HTML before it opened.
    const opener = openerOf(found.offset);
    findings.push({ ...(opener ? startOf(opener.node) : { offset: 0, line: 1 }), message });
  }
  // Markup the parser reads differently from the newest Chromium is refused: the checks would not see it.
  for (const found of parserDisagreements(fragment, html)) {
    const inside = segments.find((segment) => segment.start <= found.offset && found.offset < segment.end);
    const opener = openerOf(found.offset);
    findings.push({ ...(inside ? at(inside, found.offset) : opener ? startOf(opener.node) : { offset: 0, line: 1 }), message: found.message });
  }
  // Where what the unfinished tag swallowed is already reported, that says enough.
  const reported = new Set(findings.filter((finding) => !finding.unfinished).map((finding) => finding.line));
  return findings.filter((finding) => !finding.unfinished || !reported.has(finding.line));
}

function markdownFindings(body: string, tree: TreeNode, options: BodyCheckOptions): Finding[] {
  const urls = markdownUrlFindings(tree);
  return [...urls, ...rawHtmlFindings(body, tree, urls, options)];
}

/** A JSX attribute's value when it is known before the page is rendered: a string, or a string literal in braces. */
function staticValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const expression = (value as { value?: unknown }).value;
  if (typeof expression !== 'string') return undefined;
  const literal = /^\s*(["'`])([\s\S]*)\1\s*$/.exec(expression);
  if (!literal || (literal[1] === '`' && literal[2]?.includes('${'))) return undefined;
  return (literal[2] ?? '').replace(/\\(.)/g, '$1');
}

/** JSX attribute names as HTML writes them, where React's spelling differs in more than case. */
const JSX_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = lookupTable({ xlinkHref: 'xlink:href' });

/** MDX: JSX elements (a lowercase `<script>`, `on*` props, script URLs) and the JSX inside `{...}`. */
function mdxFindings(tree: TreeNode, base = { offset: 0, line: 1 }, depth = 0): Finding[] {
  const findings: Finding[] = [];
  const at = (node: TreeNode) => {
    const { offset, line } = startOf(node);
    return { offset: base.offset + offset, line: base.line + line - 1 };
  };
  const visit = (node: TreeNode, namespace: Namespace): void => {
    let inner = namespace;
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      inner = node.name === 'svg' ? 'svg' : node.name === 'math' ? 'mathml' : namespace;
      const attributes: (Attribute & { written: string })[] = [];
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        const value = staticValue(attribute.value);
        const name = JSX_ATTRIBUTE_NAMES[attribute.name] ?? attribute.name;
        // An event handler runs whatever its value; a URL can be judged only when it is known.
        if (value !== undefined || /^on[a-z]+$/i.test(name)) attributes.push({ name: name.toLowerCase(), value: value ?? '', written: attribute.name });
        // Astro writes set:html as markup: judge that markup.
        if (name === 'set:html' && value !== undefined) {
          for (const found of javaScriptIn(parseHtmlFragment(value), value))
            findings.push({ ...at(node), message: javaScriptMessage(found, found.writtenAttribute) });
        }
      }
      // A capitalised name is a component, whatever it is called; its props are still judged.
      const tagName = /^[a-z]/.test(node.name) ? node.name : '';
      for (const found of javaScriptOnElement(tagName, inner, attributes)) {
        const written = attributes.find((attribute) => attribute.name === found.attribute)?.written;
        findings.push({ ...at(node), message: javaScriptMessage(found, written) });
      }
    }
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && typeof node.value === 'string' && depth < 8) {
      // JSX written inside an expression (`{<script>...</script>}`) renders like JSX outside one.
      const expression = parseMdx(node.value);
      if (expression) findings.push(...mdxFindings(expression, at(node), depth + 1));
    }
    for (const child of node.children ?? []) visit(child, inner);
  };
  visit(tree, 'html');
  return depth === 0 ? [...findings, ...markdownUrlFindings(tree)] : findings;
}

/**
 * Whether a body is certain to have nothing for the checks to find, without parsing it: every finding
 * needs a character most prose lacks. Liquid and MDX expressions need `{`; raw HTML, JSX and autolinks
 * need `<`; a character reference (which could spell a scheme) needs `&`; and a Markdown link with a
 * scripting scheme needs it written out, once the backslashes, tabs and line breaks that could split
 * it are taken away. Only a body with none of these skips the parse: the findings come from the tree.
 */
export function nothingToFind(body: string): boolean {
  if (/[{<&]/.test(body)) return false;
  return !/(?:javascript|vbscript|data):/i.test(body.replace(/[\\\t\n\r]/g, ''));
}

/** Every problem in a body, in order. */
export function checkBody(body: string, options: BodyCheckOptions): BodyProblem[] {
  if (nothingToFind(body)) return [];
  const findings: Finding[] = [];
  const mdx = options.format === 'md' ? undefined : parseMdx(body);
  // A body that is not valid MDX fails the build on its own; the Markdown reading still gives the
  // friendly messages (Liquid braces are the usual cause).
  const markdown = options.format === 'mdx' && mdx ? undefined : parseBody(body, 'md');
  if (markdown) findings.push(...(options.bracesAreText ? [] : liquidFindings(body, markdown, options)), ...markdownFindings(body, markdown, options));
  else if (mdx) findings.push(...liquidFindings(body, mdx, options));
  if (mdx) findings.push(...mdxFindings(mdx));

  const seen = new Set<string>();
  return (
    findings
      .sort((a, b) => a.offset - b.offset)
      .filter(({ line, message }) => {
        const key = `${line}\u0000${message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      // Read both ways, a script is found twice: keep the message that also says how to consent to it.
      .filter(({ line, message }, _, all) => !all.some((other) => other.line === line && other.message !== message && other.message.startsWith(message)))
      .map(({ line, message }) => ({ field: 'body', line: options.bodyLine + line - 1, message }))
  );
}
