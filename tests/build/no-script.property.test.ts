import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as mdxServerRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer } from 'astro/container';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBody } from '../../src/lib/checks/body.ts';
import { extractPageFacts } from '../../src/lib/links/extract.ts';
import { buildSite, OUTPUT_ROOT, readBuiltSite } from '../helpers/site.ts';

/**
 * The promise: a page with script never builds. Generated entry bodies hide script every way that
 * fooled the old text scanners (comments like `<!-->`, a `>` inside quotes, entities, fences that are
 * not fences, code that is not code, raw-text elements, SVG, MDX). For each one, either the entry
 * checks report a problem (before the build, `checkBody`, or after it, the scan of the built page),
 * or a browser's parser (parse5) finds nothing on the page that would run.
 *
 * Each case is rendered by the site's own Markdown processor (from astro.config.mjs, with its plugins)
 * without a build; one real build of a few dozen generated entries closes the loop.
 */

const BASE = '/portfolio/';

// --- What a browser would run, read by parse5 on its own: the oracle the checks are held to. ---

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster']);
const NAVIGABLE = new Set(['a', 'area', 'iframe', 'frame', 'embed', 'object', 'form', 'button', 'input', 'base']);

/** Leading and trailing C0 controls and spaces, which the URL parser drops. */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds.
const URL_EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
/** A URL as the URL parser reads it; lowercase, for comparing schemes. */
const readUrl = (url: string) =>
  url
    .replace(URL_EDGES, '')
    .replace(/[\t\n\r]/g, '')
    .toLowerCase();
const runsAnywhere = (url: string) => /^(javascript|vbscript):/.test(readUrl(url));
const runsAsPage = (url: string) => /^data:\s*(text\/html|image\/svg\+xml|application\/xhtml\+xml|text\/xml|application\/xml)\s*[;,]/.test(readUrl(url));

function scriptsSeenByBrowser(html: string): string[] {
  const seen: string[] = [];
  const stack: Node[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if ('tagName' in node) {
      const element = node as Element;
      const name = element.tagName.toLowerCase();
      const attributes = element.attrs.map((attribute) => ({
        name: attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name,
        value: attribute.value,
      }));
      const value = (wanted: string) => attributes.find((attribute) => attribute.name.toLowerCase() === wanted)?.value;
      if (name === 'script' && value('type')?.trim().toLowerCase() !== 'application/ld+json') seen.push(`<${element.tagName}>`);
      for (const attribute of attributes) {
        const key = attribute.name.toLowerCase();
        // An event handler attribute is "on" and an event name: `onerror`, not `on`.
        if (/^on[a-z]+$/.test(key)) seen.push(`${name}[${key}]`);
        const urls =
          key === 'srcset'
            ? attribute.value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
            : URL_ATTRIBUTES.has(key)
              ? [attribute.value]
              : [];
        const navigable = NAVIGABLE.has(name) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml';
        if (urls.some((url) => runsAnywhere(url) || (navigable && runsAsPage(url)))) seen.push(`${name}[${key}]`);
        if (name === 'iframe' && key === 'srcdoc') seen.push('iframe[srcdoc]');
        if (name === 'meta' && key === 'content' && value('http-equiv')?.trim().toLowerCase() === 'refresh') {
          const target = attribute.value.replace(/^[^;,]*[;,]\s*(url\s*=\s*)?['"]?/i, '');
          if (runsAnywhere(target) || runsAsPage(target)) seen.push('meta[refresh]');
        }
        const svg = element.namespaceURI === 'http://www.w3.org/2000/svg';
        if (svg && ['to', 'from', 'values', 'by'].includes(key) && /href$/i.test(value('attributename') ?? '')) {
          if (attribute.value.split(';').some(runsAnywhere)) seen.push(`${name}[${key}]`);
        }
      }
      if (element.tagName === 'template') stack.push((element as DefaultTreeAdapterTypes.Template).content);
    }
    if ('childNodes' in node) stack.push(...node.childNodes);
  }
  return seen;
}

// --- Rendering as the site does. ---

const pageOf = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Case</title></head><body><main><div class="prose" data-page-body>${body}</div></main></body></html>`;

/**
 * The site's own Markdown processor, from astro.config.mjs (Sätteri with its plugins: code
 * highlighting, the base and folder-slash rewrite, new-tab links), under a project-site base.
 */
const { default: config } = await (async () => {
  const before = process.env['BASE_PATH'];
  process.env['BASE_PATH'] = BASE;
  try {
    return await import('../../astro.config.mjs');
  } finally {
    if (before === undefined) delete process.env['BASE_PATH'];
    else process.env['BASE_PATH'] = before;
  }
})();
const processor = config.markdown?.processor;
if (!processor || !('createRenderer' in processor)) throw new Error('astro.config.mjs names no Markdown processor.');
const shared = config.markdown as Parameters<typeof processor.createRenderer>[0];
const markdownRenderer = processor.createRenderer(shared);
const mdxRenderer = processor.createMdxRenderer?.(shared, { optimize: false });
const MDX_DIR = join(OUTPUT_ROOT, 'no-script-mdx');
// Astro's Container API renders the compiled MDX, with the MDX integration's own server renderer.
const container = await experimental_AstroContainer.create();
container.addServerRenderer({ name: 'astro:jsx', renderer: mdxServerRenderer });
let mdxCount = 0;

/** The body as HTML, or `undefined` when it does not compile (the build stops on it, naming the file). */
async function render(body: string, format: 'md' | 'mdx'): Promise<string | undefined> {
  if (format === 'md') return (await (await markdownRenderer).render(body)).code;
  const renderer = await mdxRenderer;
  if (!renderer) throw new Error('The Sätteri processor renders no MDX.');
  let code: string;
  try {
    code = (await renderer.process(body, join(MDX_DIR, 'entry.mdx'), {})).code;
  } catch {
    return undefined;
  }
  // Astro adds the default export when it bundles; here the module is loaded as it is.
  const file = join(MDX_DIR, `case-${mdxCount++}.mjs`);
  await writeFile(file, `${code}\nexport default MDXContent;\n`);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: Parameters<typeof container.renderToString>[0] };
  try {
    return await container.renderToString(module.default);
  } catch {
    // A runtime error (an undefined component) fails the build too.
    return undefined;
  }
}

// --- Generated bodies. ---

/** A script URL as an author could write it, before entities are decoded. */
const scriptUrl = fc.constantFrom(
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java&Tab;script:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&#x3a;alert(1)',
  '&NewLine;javascript:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  '/work/gt',
  'https://example.com/',
);

/** Markup that runs script when a browser reads it as markup. */
const payload = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<SCRIPT SRC="/x.js"></SCRIPT>',
    '<img src="/favicon.svg" alt="" onerror="alert(1)">',
    '<svg onload="alert(1)"></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<math><mi><script>alert(1)</script></mi></math>',
    '<details open ontoggle="alert(1)">x</details>',
    '<iframe srcdoc="<p>x</p>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="10">x</text></a></svg>',
    '<javascript:alert(1)>',
    '<a href="/work/gt" target="_blank">x</a>',
  ),
  scriptUrl.map((url) => `<a href="${url}">x</a>`),
  scriptUrl.map((url) => `<iframe src="${url}"></iframe>`),
  scriptUrl.map((url) => `<svg><a xlink:href="${url}"><text y="10">x</text></a></svg>`),
  scriptUrl.map((url) => `<form action="${url}"><button>x</button></form>`),
  scriptUrl.map((url) => `[x](${url.replace(/ /g, '')})`),
  scriptUrl.map((url) => `[x][ref]\n\n[ref]: ${url.replace(/ /g, '')}`),
);

/** An event handler, for a tag of its own. */
const handler = fc.constantFrom('onmouseover="alert(1)"', "onclick='alert(1)'", 'onfocus=alert(1) autofocus', 'ONLOAD="alert(1)"');

/** Ways to hide markup from a text scanner, or to really hide it. */
const WRAPPERS: Readonly<Record<string, (markup: string) => string>> = {
  plain: (markup) => markup,
  'empty comment': (markup) => `<!-->${markup}-->`,
  'dash comment': (markup) => `<!--->${markup}-->`,
  'bang comment': (markup) => `<!-- note --!>${markup}`,
  'real comment': (markup) => `<!-- ${markup} -->`,
  'quoted >': (markup) => `<span title="a > b">${markup}</span>`,
  'backtick in info string': (markup) => `\`\`\`a\`b\n${markup}\n\`\`\``,
  'tilde fence': (markup) => `~~~a\`b\n${markup}\n~~~`,
  'unclosed fence': (markup) => `\`\`\`\n${markup}`,
  indented: (markup) =>
    `Text:\n\n${markup
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n')}`,
  'indented, no blank line': (markup) => `Text:\n    ${markup}`,
  'inline code': (markup) => `\`${markup}\``,
  'stray backtick': (markup) => `It\`s\n\n${markup}\n\nDon\`t`,
  div: (markup) => `<div>\n${markup}\n</div>`,
  details: (markup) => `<details><summary>More</summary>\n\n${markup}\n\n</details>`,
  blockquote: (markup) => `> ${markup}`,
  list: (markup) => `- ${markup}`,
  table: (markup) => `<table><tr><td>${markup}</td></tr></table>`,
  'svg foreignObject': (markup) => `<svg><foreignObject>${markup}</foreignObject></svg>`,
  textarea: (markup) => `<textarea>${markup}</textarea>`,
  'textarea end in attribute': (markup) => `<textarea title="</textarea>${markup}"></textarea>`,
  noscript: (markup) => `<noscript>${markup}</noscript>`,
  'noscript end in attribute': (markup) => `<noscript><p title="</noscript>${markup}"></noscript>`,
  xmp: (markup) => `<xmp>${markup}</xmp>`,
  style: (markup) => `<style>${markup}</style>`,
  'cdata in html': (markup) => `<div><![CDATA[>${markup}]]></div>`,
};

/** Ways to hide an event handler inside a tag. */
const TAG_WRAPPERS: Readonly<Record<string, (attribute: string) => string>> = {
  'after a quoted >': (attribute) => `<a title=">" ${attribute}>x</a>`,
  'after a quoted comment': (attribute) => `<a title="<!--" ${attribute}>x</a>-->`,
  'on an svg element': (attribute) => `<svg><rect width="5" height="5" ${attribute}/></svg>`,
  'opened by raw HTML, closed by inline code': (attribute) => `<div title='\n\n\`' ${attribute} x='\` \`'>\``,
  'in a comment': (attribute) => `<!-- <b ${attribute}> -->`,
};

/** Raw HTML that leaves something open (an attribute, a comment, raw text) for what follows it. */
const opener = fc.constantFrom(
  '<div title="',
  "<div title='",
  '<div\ntitle=',
  '<!--',
  '<textarea>',
  '<div><a href="/work/gt" title="',
  '<xmp>',
  '<svg>',
  '<math>',
  '<table>',
  '<noscript>',
  '<div><style>',
);
/** Markdown whose output can close what raw HTML opened, and put a handler or a tag after it. */
const closer = fc.constantFrom(
  '`" onmouseover="alert(1)" x="`',
  "`' onmouseover='alert(1)' x='`",
  '`">` `\'>`',
  '[x](/work/gt "a onmouseover=alert(1) b")',
  '![" onerror="alert(1)](/favicon.svg)',
  '`-->` `</textarea>` `</xmp>` `</style>` `</noscript>`',
  '`<img src=x onerror=alert(1)>`',
  '&lt;img src=x onerror=alert(1)&gt;',
  '\\<img src=x onerror=alert(1)>',
);

const prose = fc.constantFrom('Worked on [the pipeline](/work/gt).', 'It`s *fine*.', 'Use `<b>` tags & {braces}.', '# Heading', 'A | B\n--|--\n1 | 2');
const separator = fc.constantFrom('\n\n', '\n', ' ');

const markdownSegment = fc.oneof(
  prose,
  opener,
  closer,
  fc.tuple(fc.constantFrom(...Object.keys(WRAPPERS)), payload).map(([wrapper, markup]) => (WRAPPERS[wrapper] ?? String)(markup)),
  fc.tuple(fc.constantFrom(...Object.keys(TAG_WRAPPERS)), handler).map(([wrapper, attribute]) => (TAG_WRAPPERS[wrapper] ?? String)(attribute)),
);

/** A generated entry: its body, how it is read, and whether the checks before the build can judge all of it. */
interface Case {
  body: string;
  format: 'md' | 'mdx';
  complete: boolean;
}

const markdownCase: fc.Arbitrary<Case> = fc
  .tuple(fc.array(markdownSegment, { minLength: 1, maxLength: 4 }), fc.array(separator, { minLength: 3, maxLength: 3 }))
  .map(([segments, separators]) => ({
    body: segments.reduce((body, segment, index) => `${body}${separators[index % 3] ?? ''}${segment}`, '\n').trimEnd() + '\n',
    format: 'md',
    complete: true,
  }));

const mdxSegment = fc.oneof(
  prose.filter((text) => !/[{<]/.test(text)),
  scriptUrl.map((url) => `<a href="${url}">x</a>`),
  scriptUrl.map((url) => `<a href={${JSON.stringify(url)}}>x</a>`),
  scriptUrl.map((url) => `[x](${url.replace(/ /g, '')})`),
  fc.constantFrom(
    '{<script>alert(1)</script>}',
    '<svg><script>{"alert(1)"}</script></svg>',
    '<img src="/favicon.svg" alt="" onError="alert(1)" />',
    '<details open onToggle="alert(1)">x</details>',
    '<div set:html="<img src=x onerror=alert(1)>" />',
    '<iframe srcdoc="<p>x</p>" />',
    'Text:\n\n    <script>{"alert(1)"}</script>',
    '```html\n<script>alert(1)</script>\n```',
    '`<script>alert(1)</script>`',
    '{/* <script>alert(1)</script> */}',
    '<svg><a xlinkHref="javascript:alert(1)"><text y="10">x</text></a></svg>',
  ),
);

const mdxCase: fc.Arbitrary<Case> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(mdxSegment, { minLength: 1, maxLength: 3 })
      .map((segments) => ({ body: `\n${segments.join('\n\n')}\n`, format: 'mdx' as const, complete: true })),
  },
  {
    // A value computed when the page renders cannot be judged before: only the scan of the page sees it.
    weight: 1,
    arbitrary: fc
      .constantFrom('<a href={"java" + "script:alert(1)"}>x</a>', '{["<", "script>"].join("")}', '<a href={`javascript:${"alert(1)"}`}>x</a>')
      .map((body) => ({ body: `\n${body}\n`, format: 'mdx' as const, complete: false })),
  },
);

/** The reviewer's entry and each case that once defeated the regular expressions, always run. */
const KNOWN_CASES: Case[] = [
  '<!--><img alt=">" src="/favicon.svg" onerror="alert(1)">-->\n\n```a`b\n\n<!--><script>alert(2)</script>-->\n',
  '<!---><script>alert(1)</script>-->\n',
  '<!-- a note --!><img src="/favicon.svg" alt="" onerror="alert(1)">\n',
  'Worked on <a href="/work/gt" title="a > b" onclick="alert(1)">things</a>.\n',
  'Worked on <a href="javascript&colon;alert(1)">things</a>.\n',
  'Worked on <a href="java&Tab;script:alert(1)">things</a>.\n',
  'Worked on [things](&#106;avascript:alert(1)).\n',
  '```a`b\n<script>alert(1)</script>\n```\n',
  "<div title='\n\n`' onmouseover='alert(1)' x='` `'>`\n",
  '<div>\n<svg viewBox="0 0 10 10"><script>alert(1)</script></svg>\n</div>\n',
  '<noscript><p title="</noscript><img src=/favicon.svg alt=x onerror=alert(1)>"></noscript>\n',
  '<div title="\n\n`" onmouseover="alert(1)" x="`\n\n## Results\n\nShipped it.\n',
].map((body) => ({ body, format: 'md', complete: true }));

/** How one case fared: reported before the build, reported by the page scan, what a browser would run. */
async function judge({ body, format }: Case) {
  const problems = checkBody(body, { bodyLine: 7, format });
  const html = await render(body, format);
  const page = html === undefined ? undefined : pageOf(html);
  return {
    reportedBefore: problems.length > 0,
    // Not compiling stops the build as surely as a reported problem.
    reportedAfter: page === undefined || extractPageFacts(page).javascript.length > 0,
    runs: page === undefined ? [] : scriptsSeenByBrowser(page),
    html,
  };
}

async function holdsFor(entry: Case): Promise<void> {
  const { reportedBefore, reportedAfter, runs, html } = await judge(entry);
  const story = `${JSON.stringify(entry.body)} (${entry.format}) rendered as ${JSON.stringify(html)}`;
  // The promise: the build stops, or nothing on the page runs.
  expect(reportedBefore || reportedAfter || runs.length === 0, `script ships: ${runs.join(', ')} from ${story}`).toBe(true);
  // What the page scan would find, the checks before the build find first (and on the entry's line).
  if (entry.complete) expect(reportedBefore || !reportedAfter, `only the page scan reports ${story}`).toBe(true);
}

beforeAll(async () => {
  await rm(MDX_DIR, { recursive: true, force: true });
  await mkdir(MDX_DIR, { recursive: true });
});
afterAll(async () => {
  await rm(MDX_DIR, { recursive: true, force: true });
});

describe('no script ships, whatever an entry hides it in', () => {
  it.each(KNOWN_CASES.map((entry) => [entry.body, entry]))('%j', async (_body, entry) => {
    const { reportedBefore } = await judge(entry);
    expect(reportedBefore).toBe(true);
    await holdsFor(entry);
  });

  it('holds for generated Markdown bodies', async () => {
    await fc.assert(fc.asyncProperty(markdownCase, holdsFor), { numRuns: 400 });
  });

  it('holds for generated MDX bodies', async () => {
    await fc.assert(fc.asyncProperty(mdxCase, holdsFor), { numRuns: 120 });
  });
});

// --- One real build: generated entries as pages of the site. ---

/** The reviewer's cases and a fixed sample of generated ones, as the same entries on every run. */
const SAMPLE: Case[] = [...KNOWN_CASES, ...fc.sample(markdownCase, { numRuns: 28, seed: 20261126 }), ...fc.sample(mdxCase, { numRuns: 10, seed: 20261126 })];

const entryFile = (index: number, entry: Case) => `src/content/pages/no-script/case-${index}.${entry.format}`;
const entryText = (index: number, entry: Case) => `---\nlayout: page\ntitle: Case ${index}\npermalink: /no-script/case-${index}\n---\n${entry.body}`;

describe('a real build of generated entries', () => {
  it('fails naming every entry the checks report, and ships no script from the others', async () => {
    const reported: Record<string, string> = {};
    const unreported: Record<string, string> = {};
    for (const [index, entry] of SAMPLE.entries()) {
      if (checkBody(entry.body, { bodyLine: 6, format: entry.format }).length > 0) reported[entryFile(index, entry)] = entryText(index, entry);
      // MDX that does not compile stops any build on its own; the cases above cover it.
      else if ((await render(entry.body, entry.format)) !== undefined) unreported[entryFile(index, entry)] = entryText(index, entry);
    }
    expect(Object.keys(reported).length).toBeGreaterThan(10);
    expect(Object.keys(unreported).length).toBeGreaterThan(5);

    // Entries the checks report stop the build before a page is written, each named.
    const stopped = await buildSite('no-script-reported', { files: reported, command: true });
    expect(stopped.exitCode, stopped.output).not.toBe(0);
    for (const file of Object.keys(reported)) expect(stopped.output, file).toContain(`${file}\n`);

    // The others build, unless the scan of the built pages finds script, which names the entry.
    const built = await buildSite('no-script-unreported', { files: unreported, env: { BASE_PATH: BASE } });
    const { pages } = await readBuiltSite(built.dist);
    expect(pages.size, built.output).toBeGreaterThan(Object.keys(unreported).length);
    const shipping = [...pages].filter(([, html]) => scriptsSeenByBrowser(html).length > 0).map(([page]) => page);
    for (const page of shipping) {
      const file = Object.keys(unreported).find((candidate) => candidate.replace(/^src\/content\/pages\//, '').replace(/\.mdx?$/, '.html') === page);
      expect(file, `${page} runs script and is no generated entry:\n${built.output}`).toBeDefined();
      expect(built.output, `${page} runs script`).toContain(`${file}\n`);
    }
    expect(built.exitCode === 0 || shipping.length > 0, built.output).toBe(true);
    if (shipping.length > 0) expect(built.exitCode, built.output).not.toBe(0);
  });
});
