import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPageFacts, firstStylesheet, withoutStylesheet, type PageFacts } from './extract.ts';

/**
 * The post-build scan: every built page read as a browser reads it (parse5), for its links, its ids
 * and anything that would run JavaScript. The site's stylesheet (the same long `<style>` on every
 * page, holding no markup) is left out of the parse. Pages are read one at a time and only their
 * facts kept, so memory stays flat. Lines are wanted only where something is wrong: a page that
 * would run script is parsed again, with source positions.
 */
export function scanPages(outDir: string, files: readonly string[]): Map<string, PageFacts> {
  const facts = new Map<string, PageFacts>();
  let stylesheet: string | undefined;
  // One file at a time: many small reads in flight at once cost several times more.
  for (const file of files) {
    const html = readFileSync(join(outDir, file), 'utf8');
    const pageFacts = extractPageFacts(withoutStylesheet(html, (stylesheet ??= firstStylesheet(html))), { locations: false });
    facts.set(file, pageFacts.javascript.length > 0 ? extractPageFacts(html) : pageFacts);
  }
  return facts;
}
