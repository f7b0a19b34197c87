import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../scripts/import/plan.ts';
import { scriptHash } from '../../scripts/import/scripts.ts';
import { consentEntriesFor } from '../../src/lib/checks/script-consent.ts';
import { readEntrySource } from '../../src/lib/frontmatter/read-entry.ts';
import { planOf, plannedText } from '../helpers/import-plan.ts';

const plan = planOf;
const text = (result: ImportPlan, path: string) => plannedText(result, path) ?? '';

// A MathJax 2 post, as data-science blogs on Jekyll wrote them: the configuration is a script that
// MathJax runs, under a type the browser does not.
const config = "\n  MathJax.Hub.Config({ tex2jax: { inlineMath: [['$','$']] } });\n";
const post = `---\nlayout: post\ntitle: Odds\n---\n\n<script type="text/x-mathjax-config">${config}</script>\n<script type="text/javascript" async src="https://cdn.example.org/MathJax.js?config=TeX"></script>\n<script type="application/ld+json">{"@type": "Person"}</script>\n\nThe odds are $p$.\n`;

describe('scripts of every type the build checks get their consent', () => {
  const result = plan({ '_config.yml': 'title: T\n', '_posts/2017-2-20-odds.md': post });
  const written = text(result, 'src/content/posts/2017-2-20-odds.md');

  it('consents to a text/x-mathjax-config script by its hash, and leaves JSON-LD out', () => {
    expect(written).toContain(`scripts: ["${scriptHash(config)}", "https://cdn.example.org/MathJax.js?config=TeX"]`);
  });

  it('writes every entry the build will ask for', () => {
    const entry = readEntrySource(written);
    if (!entry.ok) throw new Error(entry.error.message);
    const needed = consentEntriesFor(entry.source.body);
    expect(needed.length).toBe(2);
    expect(entry.source.data.scripts).toEqual(expect.arrayContaining(needed));
  });
});

/** What the build asks of a written post: the consent entries its body needs, and those it was given. */
function consentOf(written: string): { needed: string[]; given: unknown } {
  const entry = readEntrySource(written);
  if (!entry.ok) throw new Error(entry.error.message);
  return { needed: consentEntriesFor(entry.source.body), given: entry.source.data.scripts };
}

describe('the consent written is the one the build asks for, found where the build finds scripts', () => {
  it('gives no consent to a script a code block only shows', () => {
    const shown = `---\nlayout: post\ntitle: Embeds\n---\n\nPaste this:\n\n\`\`\`html\n<script>alert(1)</script>\n\`\`\`\n\nor this:\n\n    <script src="https://cdn.example.org/embed.js"></script>\n`;
    const result = plan({ '_config.yml': 'title: T\n', '_posts/2017-02-20-embeds.md': shown });
    expect(consentOf(text(result, 'src/content/posts/2017-02-20-embeds.md')).given).toBeUndefined();
    expect(result.report.some((line) => line.message.startsWith('ran a script'))).toBe(false);
  });

  it('hashes a script in a list item as the page shows it, without the item indent', () => {
    const listed = `---\nlayout: post\ntitle: Steps\n---\n\n- Count:\n\n  <script>\n  var count = 1;\n  </script>\n`;
    const result = plan({ '_config.yml': 'title: T\n', '_posts/2017-02-20-steps.md': listed });
    const { needed, given } = consentOf(text(result, 'src/content/posts/2017-02-20-steps.md'));
    expect(needed.length).toBe(1);
    expect(given).toEqual(needed);
  });
});

describe('a script loaded over http:', () => {
  const loaded = `---\nlayout: post\ntitle: Chart\n---\n\n<script src="http://cdn.example.org/chart.js"></script>\n<script src="HTTPS://cdn.example.org/axes.js"></script>\n\nThe chart.\n`;
  const result = plan({ '_config.yml': 'title: T\n', '_posts/2017-02-20-chart.md': loaded });
  const written = text(result, 'src/content/posts/2017-02-20-chart.md');

  it('is loaded from its https: address, the one its consent names', () => {
    expect(written).toContain('<script src="https://cdn.example.org/chart.js"></script>');
    expect(written).toContain('<script src="https://cdn.example.org/axes.js"></script>');
    const { needed, given } = consentOf(written);
    expect(needed).toEqual(['https://cdn.example.org/chart.js', 'https://cdn.example.org/axes.js']);
    expect(given).toEqual(needed);
  });

  it('is reported as moved to https:', () => {
    expect(result.report.some((line) => line.message.includes('http://cdn.example.org/chart.js over http:'))).toBe(true);
  });
});

describe('a script whose Liquid the import cannot work out', () => {
  // Vue templates in a script, kept from Jekyll's Liquid by {% raw %}: the build's Liquid takes the raw tags out.
  const templated = `---\nlayout: post\ntitle: App\n---\n\n<script>\n{% raw %}var template = "{{ name }}";{% endraw %}\n</script>\n\nThe app.\n`;
  const result = plan({ '_config.yml': 'title: T\n', '_posts/2017-02-20-app.md': templated });
  const lines = result.report.filter((line) => line.file === '_posts/2017-02-20-app.md').map((line) => line.message);

  it('gets no consent for its text as written, which the build never hashes', () => {
    expect(consentOf(text(result, 'src/content/posts/2017-02-20-app.md')).given).toBeUndefined();
    expect(lines.some((line) => line.startsWith('ran a script'))).toBe(false);
  });

  it('is reported, with what to do', () => {
    expect(lines).toContainEqual(expect.stringContaining('a script has Liquid in its text that the import cannot work out'));
  });
});

describe("a script from the site's own files", () => {
  it('is reported at its line in the Jekyll file, below the front matter', () => {
    const own = `---\nlayout: post\ntitle: Own\n---\n\nText.\n\n<script src="/js/site.js"></script>\n`;
    const result = plan({ '_config.yml': 'title: T\n', '_posts/2017-02-20-own.md': own });
    const line = result.report.find((item) => item.file === '_posts/2017-02-20-own.md' && item.message.startsWith('runs the script /js/site.js'));
    expect(line?.line).toBe(8);
  });
});
