// Chooses the HTML parser of the post-build page scan (src/lib/links/extract.ts) by measurement:
// the time each parser takes over 1,000 built pages, and whether it reads hostile markup the way a
// browser does. parse5 implements the HTML standard's tokenizer and tree builder, so it stands for
// the browser; htmlparser2 is faster but follows its own rules.
//
//   node scripts/parser-bench.mjs                 a synthesized ~15 KB page, like a built entry
//   node scripts/parser-bench.mjs dist/work/x.html   a page from a real build
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Parser as Htmlparser2 } from 'htmlparser2';
import { parse, parseFragment } from 'parse5';
import { extractPageFacts } from '../src/lib/links/extract.ts';

const PAGES = 1000;
const ROUNDS = 5;

/** A page shaped like a built entry: head with CSP, JSON-LD and inline CSS; navigation; prose; neighbours. */
function synthesizedPage() {
  const css = ':root{color-scheme:light dark;--bg:#fff;--text:#1a1f2b}body{margin:0;font:1.0625rem/1.65 system-ui}'.repeat(24);
  const paragraph = (i) =>
    `<p>Worked on <a href="/portfolio/work/gt#degree-${i}">the ingestion pipeline</a> with <em>three</em> teams; ` +
    `see <a href="https://aws.amazon.com/kinesis/" rel="noopener noreferrer" target="_blank">Kinesis</a> &amp; <code>put_record</code>.</p>`;
  const code =
    '<pre class="astro-code" style="background-color:#fff;color:#24292e;overflow-x:auto" tabindex="0" data-language="ts"><code>' +
    Array.from(
      { length: 12 },
      (_, i) =>
        `<span class="line"><span style="color:#D73A49">const</span><span style="color:#005CC5"> x${i}</span><span style="color:#24292E"> = &lt;T&gt;(a: T) =&gt; a;</span></span>`,
    ).join('\n') +
    '</code></pre>';
  const neighbours = Array.from(
    { length: 21 },
    (_, i) => `<li><a href="/portfolio/work/entry-${i}">Entry ${i}</a> <span class="meta">2019 – 2021</span></li>`,
  ).join('');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'none'; img-src 'self' data:">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Georgia Tech · Your Name</title>' +
    '<meta name="description" content="Master&#39;s degree."><link rel="canonical" href="https://x.github.io/portfolio/work/gt">' +
    '<link rel="icon" href="/portfolio/favicon.svg" type="image/svg+xml"><meta property="og:title" content="Georgia Tech">' +
    `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'ProfilePage', name: 'Georgia Tech', mainEntity: { '@type': 'Person', name: 'Your Name' } })}</script>` +
    `<style>${css}</style></head><body><a class="skip" href="#main">Skip to content</a>` +
    '<header class="site-header"><nav aria-label="Site"><a href="/portfolio/">Your Name</a><ul><li><a href="/portfolio/work" aria-current="page">Work</a></li></ul></nav></header>' +
    '<main id="main" tabindex="-1"><div class="container work-page"><article><header><h1>Georgia Tech</h1><p class="meta">Atlanta · 2017 – 2019</p></header>' +
    '<div class="prose">' +
    Array.from({ length: 20 }, (_, i) => `<h2 id="degree-${i}">Part ${i}</h2>${paragraph(i)}<ul><li>One</li><li>Two <strong>bold</strong></li></ul>`).join('') +
    code +
    `<p><img src="/portfolio/images/logo.png" alt="Logo" width="96" height="96" loading="lazy" decoding="async" srcset="/portfolio/images/logo.png 1x, /portfolio/images/logo@2x.png 2x"></p>` +
    `</div></article><nav aria-label="Neighbours"><ul>${neighbours}</ul><a href="/portfolio/work">All work</a></nav></div></main>` +
    '<footer><ul><li><a href="https://github.com/x" rel="me">GitHub</a></li><li><a href="mailto:x@example.com">Email</a></li></ul></footer></body></html>'
  );
}

/** htmlparser2's streaming parser: attributes of every start tag, as the scan needs them. */
function withHtmlparser2(html) {
  let count = 0;
  const parser = new Htmlparser2({
    onopentag(_name, attributes) {
      count += Object.keys(attributes).length;
    },
  });
  parser.end(html);
  return count;
}

/** parse5's tree, walked once over every element's attributes. */
function withParse5(html, sourceCodeLocationInfo) {
  let count = 0;
  const stack = [parse(html, { sourceCodeLocationInfo })];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.attrs) count += node.attrs.length;
    if (node.content) stack.push(node.content);
    if (node.childNodes) for (const child of node.childNodes) stack.push(child);
  }
  return count;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds for PAGES parses, the median of ROUNDS rounds after a warm-up. */
function time(run, html) {
  for (let i = 0; i < 100; i++) run(html);
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < PAGES; i++) run(html);
    rounds.push(performance.now() - start);
  }
  return median(rounds);
}

const file = process.argv[2];
const html = file ? readFileSync(file, 'utf8') : synthesizedPage();
console.log(`Page: ${file ?? 'synthesized'}, ${(html.length / 1024).toFixed(1)} KB; ${PAGES} pages per round, median of ${ROUNDS} rounds.\n`);
const rows = [
  ['htmlparser2 (streaming, start tags)', time(withHtmlparser2, html)],
  ['parse5 (tree)', time((page) => withParse5(page, false), html)],
  ['parse5 (tree, source locations)', time((page) => withParse5(page, true), html)],
  ['extractPageFacts (parse5, locations, full scan)', time(extractPageFacts, html)],
];
for (const [name, ms] of rows) console.log(`${name.padEnd(50)} ${ms.toFixed(0).padStart(6)} ms per ${PAGES} pages`);

// What each parser sees in markup written to fool a scanner: the elements that would run script.
// parse5 is the reference; a parser that disagrees on any row cannot guard a zero-JavaScript site.
const HOSTILE = [
  '<!--><img src=x onerror="alert(1)">-->',
  '<!---><img src=x onerror="alert(1)">-->',
  '<!-- x --!><img src=x onerror="alert(1)">-->',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi><script>alert(1)</script></mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<style><img src=x onerror=alert(1)></style>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<noembed><img src=x onerror=alert(1)></noembed>',
  '<iframe><img src=x onerror=alert(1)></iframe>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>',
  '<div><![CDATA[><img src=x onerror=alert(1)>]]></div>',
  '<a title="a > b" onclick="x()">x</a>',
  '<? x ><img src=x onerror=alert(1)>',
  '</x y="><img src=x onerror=alert(1)>">',
  '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<svg></p><style><a id="</style><img src=x onerror=alert(1)>"></a></style></svg>',
  '<template><script>alert(1)</script></template>',
  '<plaintext><img src=x onerror=alert(1)>',
];

function scriptsByHtmlparser2(markup) {
  const found = [];
  const parser = new Htmlparser2({
    onopentag(name, attributes) {
      if (name === 'script') found.push('script');
      for (const key of Object.keys(attributes)) if (key.startsWith('on')) found.push(`${name}[${key}]`);
    },
  });
  parser.end(markup);
  return found.join(' ');
}

function scriptsByParse5(markup) {
  const found = [];
  const stack = [parseFragment(markup)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.tagName === 'script') found.push('script');
    for (const { name } of node.attrs ?? []) if (name.startsWith('on')) found.push(`${node.tagName}[${name}]`);
    if (node.content) stack.push(node.content);
    for (const child of [...(node.childNodes ?? [])].reverse()) stack.push(child);
  }
  return found.join(' ');
}

console.log('\nHostile markup: what would run script, per parser (parse5 reads it as a browser does).\n');
let disagreements = 0;
for (const markup of HOSTILE) {
  const reference = scriptsByParse5(markup) || '(nothing)';
  const other = scriptsByHtmlparser2(markup) || '(nothing)';
  if (reference !== other) disagreements++;
  console.log(`${reference === other ? 'same' : 'DIFF'}  ${JSON.stringify(markup)}\n      parse5: ${reference}\n      htmlparser2: ${other}`);
}
console.log(`\nhtmlparser2 disagrees with parse5 on ${disagreements} of ${HOSTILE.length} inputs.`);
