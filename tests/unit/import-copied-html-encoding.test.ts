import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource, type SourceSite } from '../../scripts/import/source.ts';
import { utf8Text } from '../../scripts/import/static-files.ts';

// Copied HTML in Latin-1, as an old page saved by an editor of its day: "Café" is the bytes 43 61 66 E9.
const LATIN1 = Buffer.from('<html><head><meta charset="iso-8859-1"></head>\n<body>\n<p>Caf\xe9</p>\n<a href="gone.html">gone</a>\n</body></html>\n', 'latin1');
const LATIN1_PLAIN = Buffer.from('<html><head><meta charset="iso-8859-1"></head>\n<body>\n<p>Caf\xe9</p>\n</body></html>\n', 'latin1');
const LATIN1_SCRIPT = Buffer.from(
  '<html><head><meta charset="iso-8859-1"></head>\n<body>\n<p>Caf\xe9</p>\n<script>var a = 1;</script>\n</body></html>\n',
  'latin1',
);

/** A site in memory whose `old/` files hold the bytes above rather than UTF-8 text. */
function site(): SourceSite {
  const inner = memorySource({
    '_config.yml': 'title: Lee\n',
    'about.md': '---\ntitle: About\npermalink: /about/\n---\nHello.\n',
    'old/page.html': '',
    'old/script.html': '',
    'old/plain.html': '',
    'old/utf8.html': '<html><body>\n<p>Café</p>\n<a href="gone.html">gone</a>\n</body></html>\n',
  });
  const latin1: Record<string, Buffer> = { 'old/page.html': LATIN1, 'old/script.html': LATIN1_SCRIPT, 'old/plain.html': LATIN1_PLAIN };
  const bytes = (path: string) => latin1[path] ?? inner.bytes(path);
  return { ...inner, bytes, text: (path) => bytes(path).toString('utf8') };
}

function plan() {
  const result = planImport(site());
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

describe('an HTML file Jekyll copied as it was, not in UTF-8', () => {
  const result = plan();

  it('is copied byte for byte, its é kept, even with a dead link', () => {
    const file = result.files.find((candidate) => candidate.path === 'public/old/page.html');
    expect(file?.content).toEqual({ copy: 'old/page.html' });
  });

  it('has its dead link reported with its line and what to do, not rewritten', () => {
    const lines = result.report.filter((line) => line.file === 'old/page.html' && line.line !== undefined);
    expect(lines).toEqual([expect.objectContaining({ kind: 'leftover', line: 4, message: expect.stringContaining('its link to gone.html leads nowhere') })]);
    expect(lines[0]?.message).toContain('Once the file is saved as UTF-8 in the Jekyll site, the import fixes the link.');
    expect(lines[0]?.message).toContain('not UTF-8');
  });

  // The build refuses a served file that is not UTF-8 (src/lib/checks/served-files.ts), whatever it holds.
  it('without a script or a dead link, is reported as refused by the build until it is saved as UTF-8', () => {
    for (const file of ['old/plain.html', 'old/page.html', 'old/script.html']) {
      const line = result.report.find((item) => item.file === file && item.kind === 'leftover' && item.line === undefined);
      expect(line?.message).toContain('the build refuses a file that is not UTF-8. Save it as UTF-8 in the Jekyll site');
    }
    expect(result.files.find((candidate) => candidate.path === 'public/old/plain.html')?.content).toEqual({ copy: 'old/plain.html' });
  });

  it('with a script, is copied byte for byte too, and reported', () => {
    const file = result.files.find((candidate) => candidate.path === 'public/old/script.html');
    expect(file?.content).toEqual({ copy: 'old/script.html' });
    const line = result.report.find((item) => item.file === 'old/script.html' && item.kind === 'leftover');
    expect(line?.message).toContain('it runs JavaScript');
    expect(line?.message).toContain('which copies it without its scripts');
  });

  it('in UTF-8, is still rewritten without its dead link, é and all', () => {
    const file = result.files.find((candidate) => candidate.path === 'public/old/utf8.html');
    const text = file && 'text' in file.content ? file.content.text : '';
    expect(text).toContain('<p>Café</p>');
    expect(text).not.toContain('gone.html');
  });
});

describe('utf8Text', () => {
  it('reads UTF-8, keeping a byte order mark, and refuses other bytes', () => {
    expect(utf8Text(Buffer.from('Café', 'utf8'))).toBe('Café');
    expect(utf8Text(Buffer.from('\ufeffx', 'utf8'))).toBe('\ufeffx');
    expect(utf8Text(LATIN1)).toBeUndefined();
  });
});
