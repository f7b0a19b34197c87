/**
 * A site's partials in folders that `sass.load_paths` patterns reach (`LOAD_PATH_PATTERNS`), each
 * naming its folder in its rule, and a stylesheet importing one of each, so its CSS shows which folder
 * won: Ruby's `Dir.glob` order (capitals first, braces as written, `**` without hidden folders).
 */
export const LOAD_PATH_PATTERNS = '["lib/*/scss", "{themes/b,themes/a}/sass", "src/**/partials", "."]';

export const PATTERN_PARTIALS: Record<string, string> = {
  'lib/one/scss/_grid.scss': '.grid-one{a:b}\n',
  'lib/two/scss/_grid.scss': '.grid-two{a:b}\n',
  // A hidden folder sorts first, but `*` does not match it.
  'lib/.hidden/scss/_grid.scss': '.grid-hidden{a:b}\n',
  // Ruby orders a folder's entries by their bytes: capitals first.
  'lib/Zed/scss/_order.scss': '.order-Zed{a:b}\n',
  'lib/alpha/scss/_order.scss': '.order-alpha{a:b}\n',
  'themes/a/sass/_brace.scss': '.brace-a{a:b}\n',
  'themes/b/sass/_brace.scss': '.brace-b{a:b}\n',
  'src/x/y/partials/_deep.scss': '.deep{a:b}\n',
  'src/partials/_shallow.scss': '.shallow{a:b}\n',
  // Found from a partial through the load path ".", the site's root.
  'lib/_root.scss': '.root{a:b}\n',
  '_sass/_via-root.scss': '@import "lib/root";\n',
};

/** The stylesheet that imports one partial of each kind. */
export const PATTERN_STYLESHEET = '---\n---\n@import "grid", "order", "brace", "deep", "shallow", "via-root";\n';
