import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSiteInput } from '../../src/lib/checks/read-site.ts';
import { checkSite } from '../../src/lib/checks/site.ts';
import { cardFactsOf, cardSources } from '../../src/lib/og/card-facts.ts';
import { cachedCards, rememberCards, sourceFingerprint } from '../../src/lib/og/card-manifest.ts';

const ROOT = join(fileURLToPath(new URL('../..', import.meta.url)), 'tests', '.output', 'og-card-manifest');
const PUBLIC = join(ROOT, 'public');
const CACHE = join(ROOT, 'cache');

function write(path: string, text: string) {
  mkdirSync(join(ROOT, path, '..'), { recursive: true });
  writeFileSync(join(ROOT, path), text);
}

beforeEach(() => {
  rmSync(ROOT, { recursive: true, force: true });
  write('src/content/pages/a.md', '---\ntitle: A\npermalink: /a\n---\n\nBody.\n');
  write('src/data/work.yml', 'Acme:\n  summary: Engineer\n');
  write('src/site.config.ts', 'export default {};\n');
  write('public/logo.png', 'png');
  mkdirSync(CACHE, { recursive: true });
});

describe('a warm build knows its cards without the worker', () => {
  it('the fingerprint follows what cards are made of, not a page body', async () => {
    const first = await sourceFingerprint(ROOT, PUBLIC);
    write('src/content/pages/a.md', '---\ntitle: A\npermalink: /a\n---\n\nAnother body.\n');
    expect(await sourceFingerprint(ROOT, PUBLIC)).toBe(first);
    for (const [path, text] of [
      ['src/content/pages/a.md', '---\ntitle: B\npermalink: /a\n---\n\nAnother body.\n'],
      ['src/data/work.yml', 'Acme:\n  summary: Manager\n'],
      ['src/site.config.ts', "export default { name: 'x' };\n"],
      ['public/logo.png', 'a bigger png'],
      ['src/content/posts/2020-01-01-p.md', '---\ntitle: P\n---\n'],
    ] as const) {
      const before = await sourceFingerprint(ROOT, PUBLIC);
      write(path, text);
      expect(await sourceFingerprint(ROOT, PUBLIC), path).not.toBe(before);
    }
  });

  it("gives the last build's cards only for the same fingerprint and while every file is still cached", async () => {
    const card = join(CACHE, 'abc.png');
    writeFileSync(card, 'card');
    const fingerprint = await sourceFingerprint(ROOT, PUBLIC);
    expect(await cachedCards(CACHE, fingerprint)).toBeUndefined();
    await rememberCards(CACHE, fingerprint, new Map([['/og/a.png', card]]));
    expect(await cachedCards(CACHE, fingerprint)).toEqual(new Map([['/og/a.png', card]]));
    expect(await cachedCards(CACHE, 'another')).toBeUndefined();
    unlinkSync(card);
    expect(await cachedCards(CACHE, fingerprint)).toBeUndefined();
  });
});

describe('the cards read the sources without their bodies', () => {
  it.each(['sample', 'showcase', 'liquid-site'])('and get the same cards for tests/fixtures/%s', async (name) => {
    const site = join(fileURLToPath(new URL('../fixtures', import.meta.url)), name);
    const input = await readSiteInput(site, join(site, 'public'), [], { permalink: 'date', timezone: 'UTC' });
    const config = { name: 'Owner', description: 'A site.', lang: 'en' };
    const full = cardFactsOf(checkSite(input), config, join(site, 'public'));
    expect(full.size).toBeGreaterThan(2);
    expect(cardFactsOf(checkSite(cardSources(input)), config, join(site, 'public'))).toEqual(full);
  });
});

describe('the cards the sources describe', () => {
  it('leave out a page that sends its visitors elsewhere: it is built as a redirect, which names no card', async () => {
    write('src/content/pages/a.md', '---\nlayout: page\ntitle: A\npermalink: /a\n---\n\nBody.\n');
    write('src/content/pages/moved.md', '---\nlayout: page\ntitle: Moved\npermalink: /moved\nredirect_to: /a\n---\n');
    const checked = checkSite(await readSiteInput(ROOT, PUBLIC, [], { permalink: 'date', timezone: 'UTC' }));
    expect(checked.problems).toEqual([]);
    const cards = cardFactsOf(checked, { name: 'Owner', description: 'A site.', lang: 'en' }, PUBLIC);
    expect([...cards.keys()]).toEqual(['/og/a.png']);
  });
});
