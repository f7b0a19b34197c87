import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractPageFacts, firstStylesheet, withoutStylesheet, type PageFacts } from './extract.ts';

/**
 * The post-build scan: every built page read with the browser-exact parser, for its links, its ids
 * and anything that would run JavaScript. Pages are read a few at a time and only their facts
 * kept, so memory stays flat. The site's stylesheet, the same long `<style>` on every page and
 * holding no markup, is left out of each parse. Lines are wanted only where something is wrong:
 * a page that would run script is parsed again, with source positions.
 */
export async function scanPages(outDir: string, files: readonly string[]): Promise<Map<string, PageFacts>> {
  const facts = new Map<string, PageFacts>();
  let stylesheet: string | undefined;
  for (let start = 0; start < files.length; start += 32) {
    const batch = files.slice(start, start + 32);
    const texts = await Promise.all(batch.map((file) => readFile(join(outDir, file), 'utf8')));
    batch.forEach((file, index) => {
      const html = texts[index] ?? '';
      stylesheet ??= firstStylesheet(html);
      const pageFacts = extractPageFacts(withoutStylesheet(html, stylesheet), { locations: false });
      facts.set(file, pageFacts.javascript.length > 0 ? extractPageFacts(html) : pageFacts);
    });
  }
  return facts;
}
