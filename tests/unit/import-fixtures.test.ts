import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { readSource } from '../../scripts/import/source.ts';
import { FIXTURES } from '../helpers/site.ts';

/**
 * Each Jekyll fixture of tests/fixtures/import against the files Debian's Jekyll wrote for it
 * (`<shape>.jekyll-files.txt`, checked against Jekyll itself in tests/build/import-shapes.test.ts for
 * the academic shape): the importer's old URL list names every one of them, each with the file the
 * build writes, except what it leaves out on purpose and says why.
 */
const SHAPES: { shape: string; leftOut: Record<string, string> }[] = [
  { shape: 'academic', leftOut: { 'images/Thumbs.db': 'OS junk' } },
  { shape: 'theme', leftOut: { '404/index.html': 'the 404 page is 404.html' } },
  // The theme gem's stylesheet and its source map are compiled from the gem's Sass, kept beside the importer.
  { shape: 'minima', leftOut: {} },
];

describe.each(SHAPES)('the $shape fixture', ({ shape, leftOut }) => {
  const result = planImport(readSource(join(FIXTURES, 'import', shape)));
  if (!result.ok) throw new Error(result.message);
  const { plan } = result;
  const jekyll = readFileSync(join(FIXTURES, 'import', `${shape}.jekyll-files.txt`), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('lists an old URL for every file Jekyll wrote, served from that same file', () => {
    const served = new Set(plan.urls.filter((url) => !url.retired).map((url) => url.file.replace(/ \(.*\)$/, '')));
    expect(jekyll.filter((file) => !served.has(file) && !(file in leftOut))).toEqual([]);
  });

  it('says why it left out the rest', () => {
    const mentioned = new Set([...plan.report.map((line) => line.file), ...plan.urls.filter((url) => url.retired).map((url) => url.url.slice(1))]);
    const source = readSource(join(FIXTURES, 'import', shape));
    const unexplained = Object.keys(leftOut).filter((file) => !mentioned.has(file) && !mentioned.has(file.replace(/index\.html$/, '')));
    expect(unexplained).toEqual([]);
    // Every file of the Jekyll site is imported or has a line of the report.
    const accounted = new Set([...plan.files.map((file) => file.from), ...plan.report.map((line) => line.file)]);
    const folders = plan.report.map((line) => line.file).filter((file): file is string => file?.endsWith('/') === true);
    const themeLine = plan.report.filter((line) => line.kind === 'theme').map((line) => line.message);
    const silent = source.files.filter(
      (file) =>
        !accounted.has(file) && !folders.some((folder) => file.startsWith(folder)) && !themeLine.some((item) => file.startsWith(item.split(' ')[0] ?? '\0')),
    );
    expect(silent.filter((file) => !/(^|\/)\.DS_Store$/.test(file))).toEqual([]);
  });

  it('leaves nothing in place that would stop the build, but the Liquid the build runs', () => {
    const leftovers = plan.report.filter((line) => line.kind === 'leftover' && !/Liquid|"\{[{%]/.test(line.message));
    expect(leftovers).toEqual([]);
  });
});
