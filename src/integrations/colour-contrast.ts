import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { maskCode } from '../lib/checks/body.ts';
import { markdownFilesBelow } from '../lib/files.ts';
import { readEntrySource } from '../lib/frontmatter/read-entry.ts';
import { inlineColourFindings } from '../lib/html/contrast.ts';
import { PAGES_DIR } from '../lib/routing/pages.ts';
import { POSTS_DIR } from '../lib/routing/posts.ts';

/**
 * Warns, without failing the build, about text an owner coloured in a body (`<span style="color: …">`)
 * that fails WCAG AA contrast on the light or the dark page, naming the file and line and the nearest
 * colour that passes in both. The colour is the owner's choice, so it is a warning, not an error.
 */
export function colourContrast(): AstroIntegration {
  let root = '';
  return {
    name: 'portfolio:colour-contrast',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async ({ logger }) => {
        for (const folder of [PAGES_DIR, POSTS_DIR]) {
          const files = await markdownFilesBelow(join(root, folder));
          for (const file of files) {
            const text = readFileSync(join(root, folder, file), 'utf8');
            // Only a body that writes `style` can colour its text: most are never parsed.
            if (!/style/i.test(text)) continue;
            const read = readEntrySource(text);
            if (!read.ok) continue;
            const { body, bodyLine } = read.source;
            const masked = maskCode(body, file.endsWith('.mdx') ? 'mdx' : 'md');
            for (const finding of inlineColourFindings(masked)) {
              const line = bodyLine + (masked.slice(0, finding.offset).match(/\n/g)?.length ?? 0);
              logger.warn(
                `${folder}/${file}:${line}: the text colour ${finding.written} reads at ${finding.light}:1 on the light page and ${finding.dark}:1 on the dark one; ` +
                  `text needs 4.5:1 on both (WCAG AA). The nearest that passes in both: color: ${finding.suggestion}`,
              );
            }
          }
        }
      },
    },
  };
}
