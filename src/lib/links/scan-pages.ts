import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractPageFacts, firstStylesheet, withoutStylesheet, type PageFacts } from './extract.ts';
import { strictPageFacts } from './strict-page.ts';

/**
 * The post-build scan: every built page read as a browser reads it, for its links, its ids and
 * anything that would run JavaScript. A page in the strict form the layouts write is read in one pass
 * (`strictPageFacts`, which finds exactly what parse5 finds there); any other page is parsed by
 * parse5, the site's stylesheet (the same long `<style>` on every page, holding no markup) left out.
 * Pages are read a few at a time and only their facts kept, so memory stays flat. Lines are wanted
 * only where something is wrong: a page that would run script is parsed again, with source positions.
 */
export async function scanPages(outDir: string, files: readonly string[]): Promise<Map<string, PageFacts>> {
  const facts = new Map<string, PageFacts>();
  let stylesheet: string | undefined;
  for (let start = 0; start < files.length; start += 32) {
    const batch = files.slice(start, start + 32);
    const texts = await Promise.all(batch.map((file) => readFile(join(outDir, file), 'utf8')));
    batch.forEach((file, index) => {
      const html = texts[index] ?? '';
      const pageFacts = strictPageFacts(html) ?? extractPageFacts(withoutStylesheet(html, (stylesheet ??= firstStylesheet(html))), { locations: false });
      facts.set(file, pageFacts.javascript.length > 0 ? extractPageFacts(html) : pageFacts);
    });
  }
  return facts;
}
