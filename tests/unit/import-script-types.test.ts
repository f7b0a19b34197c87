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
