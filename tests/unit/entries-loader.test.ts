import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { checkedContext, liquidContext, literal, storeWithout, unreadableEntries } from '../../src/integrations/content/entries-loader.ts';
import { rememberRendered } from '../../src/lib/liquid/bodies.ts';
import { forgetValidated, rememberValidated, validatedBefore } from '../../src/lib/content/validated-front-matter.ts';
import { OUTPUT_ROOT } from '../helpers/site.ts';

describe('unreadableEntries: the files dev leaves out of the collection until they are fixed', () => {
  it('names the Markdown files whose front matter cannot be read, and only those', async () => {
    const folder = join(OUTPUT_ROOT, 'unit', 'entries-loader');
    await rm(folder, { recursive: true, force: true });
    const files: Record<string, string> = {
      'good.md': '---\ntitle: A\n---\nBody\n',
      'after-blank-lines.md': '\n\n---\ntitle: A\n---\n',
      'twice.md': '---\ntitle: A\ntitle: B\n---\n',
      'open.md': '---\ntitle: A\n',
      'work/[draft].mdx': '',
      'notes.txt': 'not an entry',
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(join(folder, name, '..'), { recursive: true });
      await writeFile(join(folder, name), text);
    }
    expect((await unreadableEntries(folder)).sort()).toEqual(['open.md', 'twice.md', 'work/[draft].mdx']);
    expect(await unreadableEntries(join(folder, 'missing'))).toEqual([]);
  });

  it('excludes a file by its literal name, whatever glob characters it has', () => {
    expect(literal('work/[draft] (1).mdx')).toBe('work/\\[draft\\] \\(1\\).mdx');
  });
});

describe('storeWithout: an entry that failed its schema is taken out, not stored', () => {
  it('stores valid entries, deletes invalid ones, and passes everything else through', () => {
    const entries = new Map<string, unknown>([['broken', { id: 'broken' }]]);
    const store = {
      set: (entry: { id: string }) => (entries.set(entry.id, entry), true),
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
    };
    const wrapped = storeWithout(store as never, new Set(['broken']));
    expect(wrapped.set({ id: 'ok', data: {} } as never)).toBe(true);
    expect(wrapped.set({ id: 'broken', data: {} } as never)).toBe(false);
    expect(wrapped.keys()).toEqual(['ok']);
  });
});

describe('checkedContext: front matter the checks validated is stored as their schema made it', () => {
  const root = join(OUTPUT_ROOT, 'unit', 'checked-context');
  const validatedByAstro: unknown[] = [];
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    parseData: async (props: { data: unknown }) => {
      validatedByAstro.push(props.data);
      return { fromAstro: true };
    },
  };

  it("takes the checks' result for the same file and the same front matter, and asks Astro otherwise", async () => {
    rememberValidated('src/content/pages/work/acme.md', { title: 'Acme', layout: 'work_page' }, { title: 'Acme', layout: 'work_page', draft: false });
    const parseData = checkedContext(context as never).parseData as (props: { id: string; data: unknown; filePath?: string }) => Promise<unknown>;
    const file = join(root, 'src/content/pages/work/acme.md');
    expect(await parseData({ id: 'work/acme', data: { title: 'Acme', layout: 'work_page' }, filePath: file })).toEqual({
      title: 'Acme',
      layout: 'work_page',
      draft: false,
    });
    // Changed since the checks read it, another file, no file: Astro validates.
    expect(await parseData({ id: 'work/acme', data: { title: 'Acme Corp', layout: 'work_page' }, filePath: file })).toEqual({ fromAstro: true });
    expect(
      await parseData({ id: 'work/other', data: { title: 'Acme', layout: 'work_page' }, filePath: join(root, 'src/content/pages/work/other.md') }),
    ).toEqual({ fromAstro: true });
    expect(await parseData({ id: 'x', data: { title: 'Acme', layout: 'work_page' } })).toEqual({ fromAstro: true });
    expect(validatedByAstro).toHaveLength(3);
  });

  it('keeps a result only for the front matter exactly as the checks read it', () => {
    rememberValidated('a.md', { when: '2019-05-01' }, { when: 'text' });
    expect(validatedBefore('a.md', { when: '2019-05-01' })).toEqual({ data: { when: 'text' } });
    expect(validatedBefore('a.md', { when: '2019-05-02' })).toBeUndefined();
  });

  it.each([
    ['a date, which JSON writes as text', { date: new Date('2019-05-01T00:00:00Z') }, { date: '2019-05-01T00:00:00.000Z' }],
    ['NaN, which JSON writes as null', { weight: Number.NaN }, { weight: null }],
    ['an infinity', { weight: Number.POSITIVE_INFINITY }, { weight: null }],
    ['-0, which JSON writes as 0', { weight: -0 }, { weight: 0 }],
    ['bytes', { blob: new Uint8Array([1]) }, { blob: { 0: 1 } }],
  ])('keeps nothing for front matter with %s, so it cannot be taken for other front matter', (_what, frontMatter, lookalike) => {
    rememberValidated('b.md', frontMatter, { kept: true });
    expect(validatedBefore('b.md', frontMatter)).toBeUndefined();
    expect(validatedBefore('b.md', lookalike)).toBeUndefined();
  });

  it('forgets front matter that no longer passes, so Astro validates it again', () => {
    rememberValidated('c.md', { data: 'work' }, { data: 'work' });
    forgetValidated('c.md', { data: 'work' });
    expect(validatedBefore('c.md', { data: 'work' })).toBeUndefined();
  });
});

describe('liquidContext: a body with Liquid is rendered from what its Liquid wrote', () => {
  it('renders the Liquid output as Markdown, leaves other entries untouched, and waits for the renders', async () => {
    const stored = new Map<string, { id: string; body?: string; digest?: string; rendered?: { html: string } }>();
    const rendered: string[] = [];
    const context = {
      config: { root: pathToFileURL(`${OUTPUT_ROOT}/`) },
      store: { set: (entry: { id: string }) => (stored.set(entry.id, entry), true) },
      renderMarkdown: async (markdown: string) => (rendered.push(markdown), { html: `<p>${markdown.trim()}</p>`, metadata: {} }),
      generateDigest: (text: string) => `digest of ${text.length}`,
    };
    rememberRendered('src/content/pages/liquid.md', 'Hello {{ site.name }}', 'Hello Jane');
    const { context: wrapped, settled } = liquidContext(context as never);
    const plain = { id: 'plain', filePath: 'src/content/pages/plain.md', body: 'No braces', data: {}, digest: 'd1', rendered: { html: '<p>No braces</p>' } };
    const off = {
      id: 'off',
      filePath: 'src/content/pages/off.md',
      body: '{{ shown }}',
      data: { liquid: false },
      digest: 'd2',
      rendered: { html: '<p>{{ shown }}</p>' },
    };
    const liquid = { id: 'liquid', filePath: 'src/content/pages/liquid.md', body: 'Hello {{ site.name }}', data: {}, digest: 'd3' };
    for (const entry of [plain, off, liquid]) wrapped.store.set(entry as never);
    expect(stored.get('plain')).toBe(plain);
    expect(stored.get('off')).toBe(off);
    expect(stored.has('liquid')).toBe(false);
    await settled();
    expect(rendered).toEqual(['Hello Jane']);
    expect(stored.get('liquid')?.rendered?.html).toBe('<p>Hello Jane</p>');
    // Stored under a digest of its own, so the next build renders it again even if its file is unchanged.
    expect(stored.get('liquid')?.digest).not.toBe('d3');
  });
});
