import { formatProblems } from '../lib/errors.ts';
import { SITE_CONFIG_FILE, type SiteConfig } from '../lib/schema/site-config.ts';

/** Set once a site config has loaded in this process: a later load is `astro dev` reloading it. */
const LOADED = Symbol.for('portfolio.siteConfigLoaded');

/** The message a failed load of the site config prints: its own when it is a mistake we found. */
function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'SiteConfigError') return error.message;
  // Anything else (a syntax error, a misspelt import) in the file's own words, without the trace.
  const text = error instanceof Error ? error.message : String(error);
  const reason = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 6)
    .join('\n    ');
  // Node's syntax errors name the line in the first line of their stack: `file:///…/src/site.config.ts:23`.
  const line = error instanceof Error ? /site\.config\.ts:(\d+)/.exec(error.stack?.split('\n')[0] ?? '')?.[1] : undefined;
  return formatProblems('The site config needs fixing', [
    { file: SITE_CONFIG_FILE, field: 'file', line: line === undefined ? undefined : Number(line), message: `cannot be loaded: ${reason}` },
  ]);
}

/**
 * Loads `src/site.config.ts` for astro.config.mjs. A mistake in it is the first an owner meets, so it
 * prints as the build's other problems do: the message and nothing else, not inside Astro's "Unable
 * to load your Astro config" frame with a trace through Vite. The command stops (exit 1); when
 * `astro dev` reloads a changed config, the message is printed and the dev server keeps the last
 * good config, as Astro does. `PORTFOLIO_DEBUG=1` throws instead, for the trace.
 */
export async function loadSiteConfig(load: () => Promise<{ default: SiteConfig }>): Promise<SiteConfig> {
  try {
    const config = (await load()).default;
    (globalThis as Record<symbol, unknown>)[LOADED] = true;
    return config;
  } catch (error) {
    if (process.env['PORTFOLIO_DEBUG']) throw error;
    const message = messageOf(error);
    process.stderr.write(`\n${message}\n\n`);
    if (!(globalThis as Record<symbol, unknown>)[LOADED]) process.exit(1);
    const reload = new Error(`${SITE_CONFIG_FILE} needs fixing (see above).`);
    reload.stack = reload.message;
    throw reload;
  }
}
