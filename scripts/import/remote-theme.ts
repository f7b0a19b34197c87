/**
 * A theme that is not in the site's folder: `remote_theme: owner/repo` (fetched from GitHub when Jekyll
 * builds, by the jekyll-remote-theme plugin) or a `theme:` gem the importer keeps no copy of. Its
 * layouts, includes, Sass and assets were part of the site Jekyll built, and the importer cannot read
 * them. One report line says which layouts the pages used came from it, what the pages became, and
 * that everything in the site's own folder was imported.
 */
import { readFrontMatter, splitFrontMatter } from './front-matter.ts';
import type { LayoutFiles } from './layouts.ts';
import type { ReportLine } from './report.ts';
import { THEME_GEM_FILES } from './theme-gems.ts';

/** `layout:` values that name no layout. */
const NO_LAYOUT = new Set(['(none)', 'none', 'null', '']);

/** The first layout of the chain (the layout, the layout it sits in, ...) that the site's `_layouts/` does not have. */
function missingLayout(name: string, files: LayoutFiles): string | undefined {
  let current = name;
  for (let depth = 0; depth < 10; depth++) {
    const text = files.get(current);
    if (text === undefined) return current;
    const split = splitFrontMatter(text);
    const front = split ? readFrontMatter(split.yaml) : undefined;
    const parent = front?.ok ? front.data['layout'] : undefined;
    if (typeof parent !== 'string' || NO_LAYOUT.has(parent) || parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * The report line for a site whose theme is elsewhere, or undefined. `used` is each layout name the
 * pages and posts named, with the files that named it.
 */
export function outsideThemeNote(
  config: Readonly<Record<string, unknown>>,
  used: ReadonlyMap<string, readonly string[]>,
  files: LayoutFiles,
  configFile: string,
): ReportLine | undefined {
  const remote = typeof config['remote_theme'] === 'string' && config['remote_theme'].trim() !== '' ? config['remote_theme'].trim() : undefined;
  const gem =
    typeof config['theme'] === 'string' && config['theme'].trim() !== '' && !Object.hasOwn(THEME_GEM_FILES, config['theme'].trim())
      ? config['theme'].trim()
      : undefined;
  if (remote === undefined && gem === undefined) return undefined;
  const what =
    remote !== undefined
      ? `names \`remote_theme: ${remote}\`: Jekyll fetches that theme from GitHub when it builds (the jekyll-remote-theme plugin), so it is not in the site's folder`
      : `names \`theme: ${gem}\`: that theme gem was installed where Jekyll ran, so it is not in the site's folder, and the importer keeps no copy of it`;
  const missing = new Map<string, number>();
  const own = new Set<string>();
  for (const [name, users] of used) {
    if (NO_LAYOUT.has(name)) continue;
    const gone = missingLayout(name, files);
    if (gone === undefined) own.add(name);
    else missing.set(gone, (missing.get(gone) ?? 0) + users.length);
  }
  const list = (names: Iterable<string>) =>
    [...names]
      .sort()
      .map((name) => `"${name}"`)
      .join(', ');
  if (missing.size === 0) {
    return {
      kind: 'skipped',
      file: configFile,
      message: `${what}. The site has its own copy of every layout its pages use${own.size > 0 ? ` (${list(own)})` : ''}, which Jekyll used instead of the theme's, so the import reads those; an include or stylesheet the site took from the theme is reported where it is used. Everything in the site's own folder is imported as listed.`,
    };
  }
  const count = [...missing.values()].reduce((sum, n) => sum + n, 0);
  return {
    kind: 'skipped',
    file: configFile,
    message: `${what}: the importer cannot read its layouts ${list(missing.keys())} (used by ${count} page${count === 1 ? '' : 's'} and posts), nor its includes, Sass and assets. Those pages keep their own text and front matter, written with this project's layouts as listed under "Layouts"; what the theme's layouts showed around them (headers, lists, fields) is not carried. Everything in the site's own folder is imported as listed. To carry more, copy the theme's _layouts/ (and _includes/) into the Jekyll site and run the import again.`,
  };
}
