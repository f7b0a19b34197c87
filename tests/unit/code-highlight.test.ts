import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { codeHighlightPlugin, grammarFor, highlightCode } from '../../src/lib/markdown/code-highlight.ts';

const render = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [codeHighlightPlugin()] })).html;

describe('highlightCode', () => {
  it.each([
    ['java', 'queue.drainTo(batch);', 'token punctuation'],
    ['python', 'def drain(queue):', 'token keyword'],
    ['bash', "alias gs='git status'", 'token string'],
    ['PHP', '<?php echo 1; ?>', 'token'],
  ])('%s gets Prism token classes', (language, code, token) => {
    expect(highlightCode(code, language)).toContain(`class="${token}`);
  });

  it.each(['unknownlang', 'no spaces', '../etc'])('%j has no grammar', (language) => {
    expect(grammarFor(language)).toBeUndefined();
  });
});

describe('codeHighlightPlugin', () => {
  it('highlights a fence in a known language, escaping its text', async () => {
    const html = await render('```python\nif a < b: print("<b>")\n```\n');
    expect(html).toContain('<pre class="language-python" tabindex="0"><code class="language-python">');
    expect(html).toContain('&lt;');
    expect(html).not.toContain('<b>');
  });

  it.each([
    ['an unknown language', '```unknownlang\n<b>not bold</b> <script>x</script>\n```\n'],
    ['no language', '```\n<b>not bold</b> <script>x</script>\n```\n'],
  ])('leaves code in %s as escaped text', async (_case, markdown) => {
    const html = await render(markdown);
    expect(html).toContain('&lt;b&gt;not bold&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;');
    // Every code block is a Tab stop, as it may scroll sideways.
    expect(html).toMatch(/^<pre tabindex="0">/);
    expect(html).not.toContain('<script>');
  });
});
