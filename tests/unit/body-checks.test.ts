import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBody, maskCode, nothingToFind } from '../../src/lib/checks/body.ts';

/** A script's message ends with how to consent to it (tests/unit/security-consent.test.ts); these tests read the rest. */
const withoutConsent = (message: string) => message.replace(/ (?:To let it run on this page|It loads)[\s\S]*$/, '');
const check = (body: string, format?: 'md' | 'mdx') =>
  checkBody(body, { bodyLine: 10, format, permalinkOfFile: (name) => (name === 'gt.md' ? '/work/gt' : undefined) }).map(
    (problem) => `${problem.line}: ${withoutConsent(problem.message)}`,
  );

const SCRIPT = 'a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.';
const handler = (name: string) => `the ${name} attribute would run JavaScript, and the site ships none. Remove the attribute.`;
const link = (scheme: string) => `a "${scheme}" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.`;
const SRCDOC =
  'the srcdoc attribute holds a page of its own, which could run JavaScript, and the site ships none. Remove it; to show that page, link to it instead.';
const UNFINISHED =
  'this HTML tag is never finished (a closing quote or ">" is missing), so the Markdown after it becomes part of the tag, where it could run JavaScript, and the site ships none. Finish the tag.';

describe('maskCode', () => {
  it('blanks fenced and inline code but keeps every line', () => {
    const body = 'a `{{ x }}` b\n```\n<script>\n```\nc';
    const masked = maskCode(body);
    expect(masked.split('\n')).toHaveLength(5);
    expect(masked).not.toContain('{{');
    expect(masked).not.toContain('<script>');
    expect(masked.startsWith('a ')).toBe(true);
    expect(masked.endsWith('c')).toBe(true);
  });

  // What counts as code is what Sätteri, which renders the page, reads as code.
  it.each([
    ['indented code is code', 'Text\n\n    <script>', 'md', false],
    ["a backtick in a backtick fence's info string makes no fence", '```a`b\n<script>\n```', 'md', true],
    ['a tilde fence may have backticks in its info string', '~~~a`b\n<script>\n~~~', 'md', false],
    ['an unclosed fence runs to the end', '```\n<script>', 'md', false],
    ['a stray backtick is text', 'It`s\n\n<script>', 'md', true],
    ['MDX has no indented code', 'Text\n\n    <script />', 'mdx', true],
  ] as const)('%s', (_name, body, format, visible) => {
    const masked = maskCode(body, format);
    expect(masked).toHaveLength(body.length);
    expect(masked.includes('<script')).toBe(visible);
  });
});

describe('checkBody', () => {
  it.each([
    ['Plain text with [a link](/work/gt) and {braces}.', []],
    ['Code is fine: `{{ site.baseurl }}` and\n\n```html\n<script>x</script>\n{% include a.html %}\n```', []],
    [
      '[GT]({{ site.baseurl }}/work/gt)',
      ['10: Jekyll Liquid "{{ site.baseurl }}" is left in the text. Write the link from the site root instead: "/work/gt". The build adds the base path.'],
    ],
    [
      'See {{ site.baseurl }}/work/gt.',
      ['10: Jekyll Liquid "{{ site.baseurl }}" is left in the text. Write the link from the site root instead: "/work/gt". The build adds the base path.'],
    ],
    [
      '{{site.url}}',
      ['10: Jekyll Liquid "{{site.url}}" is left in the text. Remove it and write links from the site root, like "/work/gt". The build adds the base path.'],
    ],
    [
      '[GT]({{ "/work/gt" | relative_url }})',
      ['10: Jekyll Liquid "{{ "/work/gt" | relative_url }}" is left in the text. Write "/work/gt" instead. The build adds the base path.'],
    ],
    ['{{ page.title }}', ['10: Jekyll Liquid "{{ page.title }}" is left in the text. Liquid is not processed here: write the text itself.']],
    ['\n[GT]({% link _work/gt.md %})', [`11: Jekyll Liquid "{% link _work/gt.md %}" is left in the text. Link to the page's permalink instead: "/work/gt".`]],
    [
      '{% link _work/other.md %}',
      [`10: Jekyll Liquid "{% link _work/other.md %}" is left in the text. Link to the page's permalink instead, like "/work/gt".`],
    ],
    // A post_url names a post, not a page: the fix points to posts (see the table below for its address).
    [
      '{% post_url 2019-01-01-x %}',
      [`10: Jekyll Liquid "{% post_url 2019-01-01-x %}" is left in the text. Link to the post's own address instead, written from the site root.`],
    ],
    [
      '{% include a.html %}',
      ['10: Jekyll Liquid "{% include a.html %}" is left in the text. Paste the included text here, or rename the entry to .mdx and import a component.'],
    ],
    ['{% if x %}', ['10: Jekyll Liquid "{% if x %}" is left in the text. Liquid is not processed here: write the plain Markdown it produced.']],
    [
      '<SCRIPT src="x.js"></SCRIPT>',
      ['10: a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.'],
    ],
    ['<img src="a.png" onerror="x()">', ['10: the onerror attribute would run JavaScript, and the site ships none. Remove the attribute.']],
    ['<Button onClick={() => go()} />', ['10: the onClick attribute would run JavaScript, and the site ships none. Remove the attribute.']],
    ['[x](javascript:void(0))', ['10: a "javascript:" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.']],
    [
      '<a href="javascript:go()">x</a>',
      ['10: a "javascript:" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.'],
    ],
    ['Online and onboarding are words, not attributes.', []],
    // A stray backtick is not inline code: code never crosses a blank line.
    [
      'It`s here.\n\n<script>alert(1)</script>\n\nDon`t.',
      ['12: a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.'],
    ],
    ['Use ``a ` b`` and `{{ x }}` here.', []],
  ])('%j', (body, expected) => expect(check(body)).toEqual(expected));
});

describe('nothingToFind: the bodies the checks need not parse', () => {
  it('passes plain prose, colons and the word "data" included', () => {
    expect(nothingToFind('I worked on streaming data and on tools: dashboards and [links](/work/gt).\n\n- one\n- two')).toBe(true);
  });

  // Each of these hides a finding from a reader of the text; the parse finds it.
  it.each([
    ['Liquid', 'See {{ site.baseurl }}/work/gt', 'Jekyll Liquid'],
    ['raw HTML', 'An <img src=x onerror=alert(1)> image', 'onerror'],
    ['an autolink', 'Go to <javascript:alert(1)>', 'javascript:'],
    ['a scheme spelled with a reference', '[x](&#106;avascript:alert(1))', 'javascript:'],
    ['a colon spelled with a reference', '[x](javascript&colon;alert(1))', 'javascript:'],
    ['a scheme split by a tab', '[x](<java\tscript:alert(1)>)', 'javascript:'],
    ['a colon behind a backslash', '[x](javascript\\:alert(1))', 'javascript:'],
    ['an uppercase scheme', '[x](JavaScript:alert(1))', 'javascript:'],
    ['a data: page', '[x](data:text/html,hi)', 'data:text/html'],
  ])('parses a body with %s, and finds it', (_what, body, found) => {
    expect(nothingToFind(body)).toBe(false);
    expect(check(body, 'md').join('\n')).toContain(found);
  });
});

describe('checkBody and names every object inherits', () => {
  it('reads a JSX attribute called constructor as just a name, and still finds a handler beside it', () => {
    expect(check('<a constructor="y" href="/x">b</a>', 'mdx')).toEqual([]);
    expect(check('<a toString="y" onClick="x">b</a>', 'mdx').join('\n')).toContain('onClick');
  });
});

describe('checkBody with the posts of the site', () => {
  const permalinkOfPost = (name: string) => (name === '2019-06-01-kinesis' ? '/kinesis/2019/06/01/kinesis.html' : undefined);
  it.each([
    [
      '{% post_url 2019-06-01-kinesis %}',
      `10: Jekyll Liquid "{% post_url 2019-06-01-kinesis %}" is left in the text. Link to the post's address instead: "/kinesis/2019/06/01/kinesis.html".`,
    ],
    [
      '{% post_url 2019-06-02-nothing %}',
      `10: Jekyll Liquid "{% post_url 2019-06-02-nothing %}" is left in the text. No post is named "2019-06-02-nothing": link to the post's own address instead, or remove the link.`,
    ],
  ])('%s', (body, expected) => {
    expect(checkBody(body, { bodyLine: 10, permalinkOfPost }).map((problem) => `${problem.line}: ${problem.message}`)).toEqual([expected]);
  });
});

// Markup written to slip past a scanner of text: each row is read as the browser reads the page.
describe('checkBody reads Markdown as the page renders it', () => {
  it.each([
    // The reviewer's entry: for a browser `<!-->` is a whole comment, and "```a`b" opens no code block.
    [
      '<!--><img alt=">" src="/favicon.svg" onerror="alert(1)">-->\n\n```a`b\n\n<!--><script>alert(2)</script>-->\n',
      [`10: ${handler('onerror')}`, `14: ${SCRIPT}`],
    ],
    ['<!---><script>alert(1)</script>-->', [`10: ${SCRIPT}`]],
    ['<!-- x --!><img src=x onerror=alert(1)>', [`10: ${handler('onerror')}`]],
    ['<!-- <script>alert(1)</script> -->', []],
    ['<!-- [x](javascript:alert(1)) -->', []],
    ['<a title=">" onclick="x()">x</a>', [`10: ${handler('onclick')}`]],
    ['<a title=">" onClick="x()">x</a>', [`10: ${handler('onClick')}`]],
    ['<p data-onclick="x" title="onclick=x">onload=x</p>', []],
    ['<div>\n<img src="x"\n  onerror="alert(1)">\n</div>', [`12: ${handler('onerror')}`]],
    ['> <img src=x\n> onerror=alert(1)>', [`11: ${handler('onerror')}`]],
    // Entities are decoded before the address is read, as the browser does.
    ['<a href="javascript&colon;alert(1)">x</a>', [`10: ${link('javascript:')}`]],
    ['<a href="java&Tab;script:alert(1)">x</a>', [`10: ${link('javascript:')}`]],
    ['<a href="&#106;avascript:alert(1)">x</a>', [`10: ${link('javascript:')}`]],
    ['[x](javascript&colon;alert(1))', [`10: ${link('javascript:')}`]],
    ['[x](JAVASCRIPT:alert(1))', [`10: ${link('javascript:')}`]],
    ['<javascript:alert(1)>', [`10: ${link('javascript:')}`]],
    ['[x][a]\n\n[a]: javascript:alert(1)', [`12: ${link('javascript:')}`]],
    ['![x](javascript:alert(1))', [`10: ${link('javascript:')}`]],
    ['[x](vbscript:msgbox(1))', [`10: ${link('vbscript:')}`]],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', [`10: ${link('data:text/html')}`]],
    ['![x](data:image/svg+xml;base64,PHN2Zz4=)', []],
    ['<iframe src="data:text/html,<script>alert(1)</script>"></iframe>', [`10: ${link('data:text/html')}`]],
    ['<iframe srcdoc="<p>hi</p>"></iframe>', [`10: ${SRCDOC}`]],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', [`10: ${link('javascript:')}`]],
    // Fences and code as CommonMark reads them.
    ['```a`b\n<script>alert(1)</script>\n```', [`11: ${SCRIPT}`]],
    ['```\n<script>alert(1)</script>', []],
    ['Text\n\n    <script>alert(1)</script>', []],
    ['- item\n\n      <script>alert(1)</script>', []],
    ['~~~a`b\n<script>alert(1)</script>\n~~~', []],
    [
      '```a`b\n{{ site.url }}',
      [`11: Jekyll Liquid "{{ site.url }}" is left in the text. Remove it and write links from the site root, like "/work/gt". The build adds the base path.`],
    ],
    ['Text\n\n    {{ site.url }}', []],
    // Inline code can close an attribute that raw HTML opened: the attribute is reported where it opened.
    ["<div title='\n\n`' onmouseover='alert(1)' x='` `'>`\n", [`10: ${handler('onmouseover')}`]],
    // A tag left open swallows the Markdown after it; which quote ends it depends on how the page
    // renders (heading ids, highlighted code), so the open tag itself is the problem.
    ['<div title="\n\n`" onmouseover="alert(1)" x="`\n\n## Results', [`10: ${UNFINISHED}`]],
    ['Text\n\n<p title="x\n\nMore text.', [`12: ${UNFINISHED}`]],
    ['Text\n\n<img alt="x\n\nMore text.', []],
    ['<div\nclass="note">\nA note.\n</div>', []],
    ['<div title="\n\nx"> y', [`10: ${UNFINISHED}`]],
    ['<div title="a">\n\ntext\n\n</div>', []],
    // Nested HTML, SVG and MathML.
    ['<div>\n<svg><script>alert(1)</script></svg>\n</div>', [`11: ${SCRIPT}`]],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', [`10: ${link('javascript:')}`]],
    ['<math><mi><script>alert(1)</script></mi></math>', [`10: ${SCRIPT}`]],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', [`10: ${handler('onerror')}`]],
    ['<textarea><script>alert(1)</script></textarea>', []],
    ['<div><![CDATA[><img src=x onerror=alert(1)>]]></div>', [`10: ${handler('onerror')}`]],
    // Liquid inside raw HTML counts.
    [
      '<a href="{{ site.baseurl }}/work/gt">GT</a>',
      ['10: Jekyll Liquid "{{ site.baseurl }}" is left in the text. Write the link from the site root instead: "/work/gt". The build adds the base path.'],
    ],
  ])('%j', (body, expected) => expect(check(body, 'md')).toEqual(expected));
});

describe('checkBody reads MDX as MDX', () => {
  it.each([
    ['<a href="javascript:alert(1)">x</a>', [`10: ${link('javascript:')}`]],
    ['<a href="&#106;avascript:alert(1)">x</a>', [`10: ${link('javascript:')}`]],
    ['<a href={"javascript:alert(1)"}>x</a>', [`10: ${link('javascript:')}`]],
    ['<a href={url}>x</a>', []],
    ['<svg><a xlinkHref="javascript:alert(1)">x</a></svg>', [`10: ${link('javascript:')}`]],
    ['<svg><script>{"alert(1)"}</script></svg>', [`10: ${SCRIPT}`]],
    ['Text\n\n{<script>alert(1)</script>}', [`12: ${SCRIPT}`]],
    ['    <script>alert(1)</script>', [`10: ${SCRIPT}`]],
    ['<Button onClick={() => go()} />', [`10: ${handler('onClick')}`]],
    ['<div set:html="<img src=x onerror=alert(1)>" />', [`10: ${handler('onerror')}`]],
    ['<iframe srcdoc="<p>x</p>" />', [`10: ${SRCDOC}`]],
    ['[x](javascript:alert(1))', [`10: ${link('javascript:')}`]],
    ['`<script>` and {/* <script> */}', []],
    ['```html\n<script>alert(1)</script>\n```', []],
    ['<Script src="/x.js" />', []],
    // Not valid MDX, so the build stops on it; the Markdown reading still names the Liquid.
    [
      '{% include a.html %}',
      ['10: Jekyll Liquid "{% include a.html %}" is left in the text. Paste the included text here, or rename the entry to .mdx and import a component.'],
    ],
  ])('%j', (body, expected) => expect(check(body, 'mdx')).toEqual(expected));
});

/** A fixture entry's body and the line it starts on, after its front matter. */
function fixtureBody(path: string): { body: string; bodyLine: number } {
  const lines = readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8').split('\n');
  const close = lines.indexOf('---', 1);
  return { body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

// One fixture per way of hiding script from a scanner of text; each fails before the build starts.
describe('fixtures that hide script', () => {
  it.each([
    ['bad/empty-comment-script.md', [`8: ${handler('onerror')}`, `12: ${SCRIPT}`]],
    ['bad/dash-comment-script.md', [`10: ${SCRIPT}`]],
    ['bad/bang-comment-onerror.md', [`10: ${handler('onerror')}`]],
    ['bad/quoted-gt-onclick.md', [`8: ${handler('onclick')}`]],
    ['bad/entity-colon-javascript.md', [`8: ${link('javascript:')}`]],
    ['bad/entity-tab-javascript.md', [`8: ${link('javascript:')}`]],
    ['bad/entity-number-javascript-link.md', [`8: ${link('javascript:')}`]],
    ['bad/fence-backtick-info-script.md', [`9: ${SCRIPT}`]],
    ['bad/code-span-closes-attribute.md', [`8: ${handler('onmouseover')}`]],
    ['bad/nested-svg-script.md', [`9: ${SCRIPT}`]],
    ['bad/noscript-breakout.md', [`8: ${handler('onerror')}`]],
    ['bad/iframe-data-html.md', [`8: ${link('data:text/html')}`]],
    ['bad/mdx-expression-script.mdx', [`10: ${SCRIPT}`]],
    ['bad/unfinished-tag-heading-id.md', [`8: ${UNFINISHED}`]],
    ['bad/script-tag.md', [`10: ${SCRIPT}`]],
    ['bad/stray-backtick-script.md', [`10: ${SCRIPT}`]],
    ['bad/onclick-attribute.md', [`8: ${handler('onclick')}`]],
    ['bad/javascript-url.md', [`8: ${link('javascript:')}`]],
    // Positive controls: code, however it is written, is not checked.
    ['good/indented-code-is-not-checked.md', []],
    ['good/tilde-fence-with-backtick-info.md', []],
    ['good/code-is-not-checked.md', []],
    ['good/new-tab-link.md', []],
  ])('%s', (path, expected) => {
    const { body, bodyLine } = fixtureBody(path);
    const format = path.endsWith('.mdx') ? 'mdx' : 'md';
    expect(checkBody(body, { bodyLine, format }).map((problem) => `${problem.line}: ${withoutConsent(problem.message)}`)).toEqual(expected);
  });
});
