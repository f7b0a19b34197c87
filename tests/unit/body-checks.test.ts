import { describe, expect, it } from 'vitest';
import { checkBody, maskCode } from '../../src/lib/checks/body.ts';

const check = (body: string) =>
  checkBody(body, { bodyLine: 10, permalinkOfFile: (name) => (name === 'gt.md' ? '/work/gt' : undefined) }).map(
    (problem) => `${problem.line}: ${problem.message}`,
  );

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
});

describe('checkBody', () => {
  it.each([
    ['Plain text with [a link](/work/gt) and {braces}.', []],
    ['Code is fine: `{{ site.baseurl }}` and\n\n```html\n<script>x</script>\n{% include a.html %}\n```', []],
    ['[GT]({{ site.baseurl }}/work/gt)', ['10: Jekyll Liquid "{{ site.baseurl }}" is left in the text. Write the link from the site root instead: "/work/gt". The build adds the base path.']],
    ['See {{ site.baseurl }}/work/gt.', ['10: Jekyll Liquid "{{ site.baseurl }}" is left in the text. Write the link from the site root instead: "/work/gt". The build adds the base path.']],
    ['{{site.url}}', ['10: Jekyll Liquid "{{site.url}}" is left in the text. Remove it and write links from the site root, like "/work/gt". The build adds the base path.']],
    ['[GT]({{ "/work/gt" | relative_url }})', ['10: Jekyll Liquid "{{ "/work/gt" | relative_url }}" is left in the text. Write "/work/gt" instead. The build adds the base path.']],
    ['{{ page.title }}', ['10: Jekyll Liquid "{{ page.title }}" is left in the text. Liquid is not processed here: write the text itself.']],
    ['\n[GT]({% link _work/gt.md %})', [`11: Jekyll Liquid "{% link _work/gt.md %}" is left in the text. Link to the page's permalink instead: "/work/gt".`]],
    ['{% link _work/other.md %}', [`10: Jekyll Liquid "{% link _work/other.md %}" is left in the text. Link to the page's permalink instead, like "/work/gt".`]],
    ['{% post_url 2019-01-01-x %}', [`10: Jekyll Liquid "{% post_url 2019-01-01-x %}" is left in the text. Link to the page's permalink instead, like "/work/gt".`]],
    ['{% include a.html %}', ['10: Jekyll Liquid "{% include a.html %}" is left in the text. Paste the included text here, or rename the entry to .mdx and import a component.']],
    ['{% if x %}', ['10: Jekyll Liquid "{% if x %}" is left in the text. Liquid is not processed here: write the plain Markdown it produced.']],
    ['<SCRIPT src="x.js"></SCRIPT>', ['10: a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.']],
    ['<img src="a.png" onerror="x()">', ['10: the onerror attribute would run JavaScript, and the site ships none. Remove the attribute.']],
    ['<Button onClick={() => go()} />', ['10: the onClick attribute would run JavaScript, and the site ships none. Remove the attribute.']],
    ['[x](javascript:void(0))', ['10: a "javascript:" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.']],
    ['<a href="javascript:go()">x</a>', ['10: a "javascript:" link would run JavaScript, and the site ships none. Link to a page instead, or remove the link.']],
    ['Online and onboarding are words, not attributes.', []],
    // A stray backtick is not inline code: code never crosses a blank line.
    [
      'It`s here.\n\n<script>alert(1)</script>\n\nDon`t.',
      ['12: a <script> element would run JavaScript, and the site ships none. Remove it; to show an embed, link to it instead.'],
    ],
    ['Use ``a ` b`` and `{{ x }}` here.', []],
  ])('%j', (body, expected) => expect(check(body)).toEqual(expected));
});
