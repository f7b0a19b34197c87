import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';
import { legacyUrlsFile } from '../../scripts/import/urls.ts';

// The shape of minimal-mistakes' search index, assets/js/lunr/lunr-store.js: a script Jekyll made with
// Liquid that loops over every collection.
const STORE = `---
layout: null
---

var store = [
  {%- for c in site.collections -%}
    {%- for doc in c.docs -%}
      { "title": {{ doc.title | jsonify }}, "url": {{ doc.url | absolute_url | jsonify }} }{%- unless forloop.last -%},{%- endunless -%}
    {%- endfor -%}
  {%- endfor -%}]
`;

function plan() {
  const result = planImport(
    memorySource({
      '_config.yml': 'title: Lee\n',
      'about.md': '---\ntitle: About\n---\nHello.\n',
      'assets/js/lunr/lunr-store.js': STORE,
      'assets/js/version.js': '---\n---\nvar site = "{{ site.title }}";\n',
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe('a file Jekyll made with Liquid the importer cannot work out', () => {
  const result = plan();

  it('is retired with its reason, so the build goes on, and the file is not written', () => {
    const legacy = legacyUrlsFile(result.urls);
    expect(legacy).not.toMatch(/^\/assets\/js\/lunr\/lunr-store\.js$/m);
    expect(legacy).toContain('# /assets/js/lunr/lunr-store.js  (made by Liquid in assets/js/lunr/lunr-store.js, which the importer cannot work out in a file)');
    expect(result.files.some((file) => file.path === 'public/assets/js/lunr/lunr-store.js')).toBe(false);
  });

  it('is named once in the report, with the line where the Liquid starts and what to do', () => {
    const lines = result.report.filter((line) => line.file === 'assets/js/lunr/lunr-store.js');
    expect(lines).toEqual([
      {
        kind: 'leftover',
        file: 'assets/js/lunr/lunr-store.js',
        line: 6,
        message:
          'is not imported: Jekyll made it with Liquid the importer cannot work out in a file (from line 6), and the build runs Liquid only in pages. Its URL /assets/js/lunr/lunr-store.js is retired (a comment in src/data/legacy-urls.txt), so the build goes on; to keep it, write the file Jekyll produced as public/assets/js/lunr/lunr-store.js and turn that comment back into a line.',
      },
    ]);
  });

  it('still writes a file whose Liquid the importer works out', () => {
    const file = result.files.find((candidate) => candidate.path === 'public/assets/js/version.js');
    expect(file && 'text' in file.content ? file.content.text : '').toBe('var site = "Lee";\n');
    expect(legacyUrlsFile(result.urls)).toMatch(/^\/assets\/js\/version\.js$/m);
  });
});
